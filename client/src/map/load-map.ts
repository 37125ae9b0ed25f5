import type * as Phaser from "phaser";
import type { MapBridge } from "./map-bridge.ts";

let loading: Promise<typeof import("./start-game.ts")> | null = null;

/**
 * Phaser is 83 % of the client's JavaScript, so it is a chunk of its own, fetched only where a
 * map is drawn: the start page and the replay's login never wait for it. Calling this early (as
 * soon as a join starts) fetches it while the seat is being admitted. One fetch, however many calls.
 */
export function loadMap(): Promise<typeof import("./start-game.ts")> {
  loading ??= import("./start-game.ts").catch((error: unknown) => {
    // Let a later call try again (a network blip), rather than keep the failure forever.
    loading = null;
    throw error;
  });
  return loading;
}

/** StartGame(parent, bridge) once Phaser is here. */
export async function startMap(parent: HTMLElement, bridge: MapBridge): Promise<Phaser.Game> {
  const { StartGame } = await loadMap();
  return StartGame(parent, bridge);
}
