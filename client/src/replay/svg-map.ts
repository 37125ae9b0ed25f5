import type { View, AssetView } from "../../../shared/engine/view-for.ts";
import type { ScenarioSpec } from "../../../shared/scenario/schema.ts";

const NS = "http://www.w3.org/2000/svg";
const CATEGORY_LABEL: Record<string, string> = { naval: "NAV", air: "AIR", land: "LND", isr: "ISR", cyber: "CYB", logistics: "LOG", medical: "MED" };

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function hexagon(x: number, y: number, r: number): string {
  return Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 3) * i + Math.PI / 6;
    return `${(x + r * Math.cos(a)).toFixed(1)},${(y + r * Math.sin(a)).toFixed(1)}`;
  }).join(" ");
}

function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return `rgb(${mix((n >> 16) & 255)},${mix((n >> 8) & 255)},${mix(n & 255)})`;
}

/**
 * The replay map: regions, ownership, stability and crises, the viewer's assets and the foreign
 * assets it knew of, with routes and ETAs. Drawn from the scenario's data and one `viewFor` view,
 * so it shows exactly what that viewer saw.
 */
export function renderSvgMap(container: Element, scenario: ScenarioSpec, view: View): void {
  const svg = el("svg", { viewBox: "0 0 1000 700", role: "img", "aria-label": `Map as seen by ${view.viewer.kind === "nation" ? view.nations[view.viewer.nation]?.name : "the white cell"} at turn ${view.turn}`, class: "replay-map" });
  const centre = new Map(scenario.regions.map((r) => [r.id, { x: r.x, y: r.y }]));
  const colorOf = (nation: string | null) => (nation ? (scenario.nations.find((n) => n.id === nation)?.color ?? "#888") : "#999");

  // Adjacency lines first, under the regions.
  const drawn = new Set<string>();
  for (const region of scenario.regions) {
    for (const other of region.adjacent) {
      const key = [region.id, other].sort().join("|");
      const b = centre.get(other);
      if (drawn.has(key) || !b) continue;
      drawn.add(key);
      svg.append(el("line", { x1: region.x, y1: region.y, x2: b.x, y2: b.y, stroke: "#c9d3dc", "stroke-width": 1.5 }));
    }
  }
  for (const spec of scenario.regions) {
    const state = view.regions[spec.id];
    const owner = state?.owner ?? null;
    const fill = spec.kind === "sea" ? "#dcebf7" : owner ? tint(colorOf(owner), 0.7) : "#eeeeea";
    const points = spec.shape ? spec.shape.map(([x, y]) => `${x},${y}`).join(" ") : hexagon(spec.x, spec.y, 42);
    const group = el("g", { class: "region", "data-region": spec.id });
    group.append(el("polygon", { points, fill, stroke: owner ? colorOf(owner) : "#8a9aa8", "stroke-width": owner ? 2.5 : 1.2 }));
    group.append(el("text", { x: spec.x, y: spec.y - 24, "text-anchor": "middle", "font-size": 11, "font-weight": 600, fill: "#1b2733" }, spec.name));
    if (state) group.append(el("text", { x: spec.x, y: spec.y + 34, "text-anchor": "middle", "font-size": 10, fill: state.stability < 40 ? "#a1261a" : "#33414e" }, `stability ${Math.round(state.stability)}`));
    if (state?.crisis) {
      group.append(el("circle", { cx: spec.x + 44, cy: spec.y + 14, r: 12, fill: "#d55e00", stroke: "#fff", "stroke-width": 1.5 }));
      group.append(el("text", { x: spec.x + 44, y: spec.y + 18, "text-anchor": "middle", "font-size": 10, "font-weight": 700, fill: "#fff" }, String(Math.round(state.crisis.severity))));
      group.append(el("title", {}, `${spec.name}: ${state.crisis.kind} crisis, severity ${Math.round(state.crisis.severity)}`));
    }
    svg.append(group);
  }

  const byRegion = new Map<string, AssetView[]>();
  for (const asset of Object.values(view.assets)) byRegion.set(asset.region, [...(byRegion.get(asset.region) ?? []), asset]);
  for (const [regionId, assets] of byRegion) {
    const c = centre.get(regionId);
    if (!c) continue;
    assets.forEach((asset, i) => {
      const x = c.x - 24 + (i % 3) * 24;
      const y = c.y - 4 + Math.floor(i / 3) * 22;
      const type = scenario.assetTypes.find((t) => t.id === asset.type);
      const label = CATEGORY_LABEL[type?.category ?? ""] ?? "???";
      const color = colorOf(asset.owner);
      const token = el("g", { class: asset.foreign ? "asset foreign" : "asset", "data-asset": asset.id });
      token.append(el("rect", { x: x - 11, y: y - 8, width: 22, height: 16, rx: 3, fill: asset.foreign ? "#fff" : color, stroke: color, "stroke-width": 2, "stroke-dasharray": asset.foreign ? "3 2" : "none" }));
      token.append(el("text", { x, y: y + 4, "text-anchor": "middle", "font-size": 8, "font-weight": 700, fill: asset.foreign ? color : "#fff" }, label));
      const owner = scenario.nations.find((n) => n.id === asset.owner)?.name ?? asset.owner;
      token.append(el("title", {}, asset.foreign ? `${asset.name} (${owner}), last seen turn ${asset.lastSeenTurn}` : `${asset.name} (${owner}) — ${asset.status}${asset.mission ? `, ${asset.mission}` : ""}`));
      svg.append(token);
      if (!asset.foreign && asset.route.length > 0) {
        const path = [c, ...asset.route.map((r) => centre.get(r)).filter((p): p is { x: number; y: number } => Boolean(p))];
        svg.append(el("polyline", { points: path.map((p) => `${p.x},${p.y}`).join(" "), fill: "none", stroke: color, "stroke-width": 2, "stroke-dasharray": "6 4", "marker-end": "" }));
        const end = path[path.length - 1]!;
        svg.append(el("text", { x: end.x, y: end.y + 48, "text-anchor": "middle", "font-size": 10, fill: color, "font-weight": 700 }, `ETA T${asset.eta}`));
      }
    });
  }
  container.replaceChildren(svg);
}
