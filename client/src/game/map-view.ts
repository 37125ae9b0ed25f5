import { h } from "../ui/html.ts";
import { MapBridge } from "../map/map-bridge.ts";
import { StartGame } from "../map/start-game.ts";
import type { GameContext } from "./context.ts";
import { selectionPanel } from "./selection-panel.ts";
import { legend } from "./legend.ts";

/**
 * The map column: Phaser draws; the DOM carries the zoom buttons, the legend, a text summary
 * for screen readers, and the details of what is selected.
 */
export function mapView(): { element: HTMLElement; update(ctx: GameContext): void; bridge: MapBridge; destroy(): void } {
  const bridge = new MapBridge();
  const canvasHost = h("div", { class: "map-canvas", "data-testid": "map", "data-regions-drawn": "0" });
  const summary = h("p", { class: "visually-hidden", id: "map-summary" });
  const figure = h("div", { class: "map-figure", role: "img", "aria-describedby": "map-summary", "aria-label": "Exercise map" }, canvasHost);
  const toolbar = h(
    "div",
    { class: "map-toolbar", role: "toolbar", "aria-label": "Map view" },
    h("button", { type: "button", onclick: () => bridge.emit("camera", "in"), "aria-label": "Zoom in" }, "+"),
    h("button", { type: "button", onclick: () => bridge.emit("camera", "out"), "aria-label": "Zoom out" }, "−"),
    h("button", { type: "button", onclick: () => bridge.emit("camera", "reset") }, "Reset view"),
  );
  const details = selectionPanel();
  const legendEl = legend();
  const element = h("section", { class: "map-area", "aria-label": "Map" }, h("div", { class: "map-stage" }, figure, toolbar, legendEl.element), summary, details.element);
  bridge.on("drawn", ({ regions, assets, routes }) => {
    canvasHost.dataset.regionsDrawn = String(regions);
    canvasHost.dataset.assetsDrawn = String(assets);
    canvasHost.dataset.routesDrawn = String(routes);
  });
  bridge.on("view", ({ x, y, zoom }) => (canvasHost.dataset.view = `${x},${y},${zoom}`));
  let ctx: GameContext | null = null;
  bridge.on("select", (selection) => ctx?.bus.select(selection));
  let game: ReturnType<typeof StartGame> | null = null;
  // Phaser measures its parent: start it once the element is in the page and has a size.
  requestAnimationFrame(() => {
    game = StartGame(canvasHost, bridge);
  });
  return {
    element,
    bridge,
    update(next) {
      ctx = next;
      bridge.emit("model", { state: next.state, viewNation: next.viewNation, selection: next.bus.selection() });
      const s = next.state;
      summary.textContent = `Map of ${s.scenario.title}: ${s.scenario.regions.length} regions (${s.scenario.regions.map((r) => r.name).join(", ")}). Select a region in the list below the map for its details.`;
      details.update(next);
      legendEl.update(next);
    },
    destroy() {
      game?.destroy(true);
    },
  };
}
