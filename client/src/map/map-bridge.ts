import type { ClientState } from "../state/client-state.ts";
import type { Selection } from "../game/context.ts";
import type { Ping } from "../net/session.ts";

/**
 * What the map draws: the state, through whose eyes, what is selected, and in which language its
 * labels are. A model pushed is never changed: a change is a new model (the scene keeps what it
 * works out of a model, its signatures, by the model object).
 */
export type MapModel = { state: ClientState; viewNation: string | null; selection: Selection; lang?: string };

type Events = {
  model: MapModel;
  camera: "in" | "out" | "reset";
  ping: Ping;
  select: Selection;
  /** What was drawn: regions, asset tokens (units shown one by one), stack tokens, routes, draft routes; `simulated`: tokens marked with a move someone not on the team drafted (a bot's). */
  drawn: { regions: number; assets: number; stacks: number; routes: number; drafts: number; simulated: number };
  /** The camera's world view, so the page (and tests) can relate screen and map positions. */
  view: { x: number; y: number; zoom: number; labelPx: number };
};

/**
 * The seam between the DOM and Phaser: the page pushes models and camera commands in, the scene
 * pushes selections and draw reports out. Neither side holds game rules.
 */
export class MapBridge {
  model: MapModel | null = null;
  private listeners = new Map<keyof Events, Set<(value: never) => void>>();

  on<K extends keyof Events>(kind: K, listener: (value: Events[K]) => void): () => void {
    let set = this.listeners.get(kind);
    if (!set) this.listeners.set(kind, (set = new Set()));
    set.add(listener as (value: never) => void);
    return () => set.delete(listener as (value: never) => void);
  }

  emit<K extends keyof Events>(kind: K, value: Events[K]): void {
    if (kind === "model") this.model = value as MapModel;
    for (const listener of this.listeners.get(kind) ?? []) (listener as (value: Events[K]) => void)(value);
  }
}
