import type * as Phaser from "phaser";
import { h } from "../ui/html.ts";
import { MapBridge } from "../map/map-bridge.ts";
import { startMap } from "../map/load-map.ts";
import { reloadOffer } from "../ui/reload-offer.ts";
import type { ClientState } from "../state/client-state.ts";
import type { Selection } from "../game/context.ts";
import { t } from "../i18n.ts";

export type ReplayMap = { element: HTMLElement; render(state: ClientState, viewNation: string | null): void; destroy(): void };

/**
 * The live client's Phaser map, fed with the replay's state at the scrubber's moment. Phaser
 * starts at the next frame, with or without a state to draw (it draws the last one given).
 */
export function replayMap(): ReplayMap {
  const bridge = new MapBridge();
  // Only the canvas is the picture: the zoom toolbar beside it stays reachable (an img role hides its children).
  const canvas = h("div", {
    class: "map-canvas replay-map-canvas",
    "data-testid": "replay-map",
    "data-regions-drawn": "0",
    role: "img",
    "aria-label": t("replay.map"),
  });
  bridge.on("drawn", ({ regions, assets }) => {
    canvas.dataset.regionsDrawn = String(regions);
    canvas.dataset.assetsDrawn = String(assets);
  });
  let selection: Selection = null;
  let last: { state: ClientState; viewNation: string | null } | null = null;
  bridge.on("select", (next) => {
    selection = next;
    if (last) bridge.emit("model", { ...last, selection });
  });
  const toolbar = h(
    "div",
    { class: "replay-map-toolbar", role: "toolbar", "aria-label": t("replay.mapView") },
    h("button", { type: "button", onclick: () => bridge.emit("camera", "in"), "aria-label": t("replay.zoomIn") }, "+"),
    h("button", { type: "button", onclick: () => bridge.emit("camera", "out"), "aria-label": t("replay.zoomOut") }, "−"),
    h("button", { type: "button", onclick: () => bridge.emit("camera", "reset") }, t("replay.resetView")),
  );
  const element = h("div", { class: "replay-map-box" }, canvas, toolbar);
  // Phaser comes in a chunk of its own (load-map.ts): the replay's login and panels never wait for it.
  let game: Promise<Phaser.Game | null> | null = null;
  let destroyed = false;
  requestAnimationFrame(() => {
    if (destroyed) return;
    game = startMap(canvas, bridge).catch((error: unknown) => {
      console.warn("the map could not be loaded", error);
      // Not a picture any more: the offer's button must be reachable (an img role hides its children).
      canvas.removeAttribute("role");
      canvas.replaceChildren(reloadOffer(t("serving.mapFailed")));
      return null;
    });
  });
  return {
    element,
    render(state, viewNation) {
      last = { state, viewNation };
      bridge.emit("model", { state, viewNation, selection });
    },
    /** The map will not be shown (the recording could not be loaded): its game stops. */
    destroy() {
      destroyed = true;
      void game?.then((started) => started?.destroy(true));
    },
  };
}
