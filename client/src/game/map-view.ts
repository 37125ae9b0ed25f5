import { h, setText } from "../ui/html.ts";
import { MapBridge } from "../map/map-bridge.ts";
import type * as Phaser from "phaser";
import { startMap } from "../map/load-map.ts";
import { reloadOffer } from "../ui/reload-offer.ts";
import type { GameContext } from "./context.ts";
import { selectionPanel } from "./selection-panel.ts";
import { legend } from "./legend.ts";
import { mapWords } from "./map-words.ts";
import { t, lang } from "../i18n.ts";
import { exerciseTitle } from "./names.ts";

/**
 * The map column: Phaser draws; the DOM carries the zoom buttons, the legend, the map in words
 * (map-words.ts), and the details of what is selected. Only the canvas is the picture (role
 * img): the buttons and cards over it stay reachable. Its words are set on every update,
 * so a language change re-labels it without rebuilding the map.
 */
export function mapView(): { element: HTMLElement; update(ctx: GameContext): void; bridge: MapBridge; destroy(): void } {
  const bridge = new MapBridge();
  const canvasHost = h("div", { class: "map-canvas", "data-testid": "map", "data-regions-drawn": "0" });
  const summary = h("p", { class: "visually-hidden", id: "map-summary" });
  const figure = h("div", { class: "map-figure", role: "img", "aria-describedby": "map-summary" }, canvasHost);
  const zoomIn = h("button", { type: "button", onclick: () => bridge.emit("camera", "in") }, "+");
  const zoomOut = h("button", { type: "button", onclick: () => bridge.emit("camera", "out") }, "−");
  const reset = h("button", { type: "button", onclick: () => bridge.emit("camera", "reset") });
  const toolbar = h("div", { class: "map-toolbar", role: "toolbar" }, zoomIn, zoomOut, reset);
  const details = selectionPanel();
  const legendEl = legend();
  const words = mapWords();
  const element = h(
    "section",
    { class: "map-area" },
    h("div", { class: "map-stage" }, figure, toolbar, legendEl.element, words.element),
    summary,
    details.element,
  );
  const label = () => {
    figure.setAttribute("aria-label", t("game.map.name"));
    toolbar.setAttribute("aria-label", t("game.map.toolbar"));
    zoomIn.setAttribute("aria-label", t("game.map.zoomIn"));
    zoomOut.setAttribute("aria-label", t("game.map.zoomOut"));
    setText(reset, t("game.map.reset"));
    element.setAttribute("aria-label", t("game.map.area"));
  };
  label();
  bridge.on("drawn", ({ regions, assets, stacks, routes, drafts, simulated }) => {
    canvasHost.dataset.draftsDrawn = String(drafts);
    canvasHost.dataset.simulatedDrawn = String(simulated);
    canvasHost.dataset.regionsDrawn = String(regions);
    canvasHost.dataset.assetsDrawn = String(assets);
    canvasHost.dataset.stacksDrawn = String(stacks);
    canvasHost.dataset.routesDrawn = String(routes);
  });
  bridge.on("view", ({ x, y, zoom, labelPx }) => (canvasHost.dataset.view = `${x},${y},${zoom},${labelPx}`));
  let ctx: GameContext | null = null;
  bridge.on("select", (selection) => ctx?.bus.select(selection));
  let game: Phaser.Game | null = null;
  let destroyed = false;
  // Phaser measures its parent: start it once the element is in the page and has a size (and
  // once its chunk is here: load-map.ts).
  requestAnimationFrame(() => {
    startMap(canvasHost, bridge).then(
      (started) => (destroyed ? started.destroy(true) : (game = started)),
      (error: unknown) => {
        console.warn("the map could not be loaded", error);
        if (destroyed) return;
        // Not a picture any more: the offer's button must be reachable (an img role hides its children).
        figure.removeAttribute("role");
        canvasHost.replaceChildren(reloadOffer(t("serving.mapFailed")));
      },
    );
  });
  return {
    element,
    bridge,
    update(next) {
      ctx = next;
      label();
      bridge.emit("model", { state: next.state, viewNation: next.viewNation, selection: next.bus.selection(), lang: lang() });
      const s = next.state;
      setText(summary, t("map.summary", { title: exerciseTitle(s), count: s.scenario.regions.length }));
      details.update(next);
      legendEl.update(next);
      words.update(next);
    },
    destroy() {
      destroyed = true;
      game?.destroy(true);
    },
  };
}
