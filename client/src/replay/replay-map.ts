import { h } from "../ui/dom.ts";
import { MapBridge } from "../map/map-bridge.ts";
import { StartGame } from "../map/start-game.ts";
import type { ClientState } from "../state/client-state.ts";
import type { Selection } from "../game/context.ts";

/** The live client's Phaser map, fed with the replay's state at the scrubber's moment. */
export function replayMap(): { element: HTMLElement; render(state: ClientState, viewNation: string | null): void } {
  const bridge = new MapBridge();
  const canvas = h("div", { className: "map-canvas replay-map-canvas", "data-testid": "replay-map", "data-regions-drawn": "0" });
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
    { className: "replay-map-toolbar", role: "toolbar", "aria-label": "Map view" },
    h("button", { type: "button", onclick: () => bridge.emit("camera", "in"), "aria-label": "Zoom in" }, "+"),
    h("button", { type: "button", onclick: () => bridge.emit("camera", "out"), "aria-label": "Zoom out" }, "−"),
    h("button", { type: "button", onclick: () => bridge.emit("camera", "reset") }, "Reset view"),
  );
  const element = h("div", { className: "replay-map-box", role: "img", "aria-label": "Exercise map at this moment" }, canvas, toolbar);
  requestAnimationFrame(() => StartGame(canvas, bridge));
  return {
    element,
    render(state, viewNation) {
      last = { state, viewNation };
      bridge.emit("model", { state, viewNation, selection });
    },
  };
}
