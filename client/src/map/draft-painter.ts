import type * as Phaser from "phaser";
import type { MapModel } from "./map-bridge.ts";
import { dashes, type Point } from "./geometry.ts";
import { hexToNumber } from "./palette.ts";
import { t } from "../i18n.ts";
import { assetName } from "../game/names.ts";
import type { LabelPool } from "./label-pool.ts";

/**
 * The team's draft moves, before they are committed: a thin dashed line in the nation's colour
 * along the route the engine would take (the draft's plan, shared/engine/order-cost.ts), an open
 * circle at the destination and "draft: arrives turn N". Thinner and shorter-dashed than the
 * routes of units already moving (route-painter.ts), so the two never read alike. Returns how many.
 */
export function paintDrafts(g: Phaser.GameObjects.Graphics, labels: LabelPool, model: MapModel): number {
  const { state } = model;
  const centre = (id: string): Point | null => {
    const r = state.scenario.regions.find((x) => x.id === id);
    return r ? [r.x, r.y] : null;
  };
  let drawn = 0;
  for (const draft of Object.values(state.perspective?.drafts ?? {})) {
    const route = draft.plan?.route;
    if (!route || route.length < 2 || !("asset" in draft.order)) continue;
    const points = route.map(centre).filter((p): p is Point => p !== null);
    if (points.length < 2) continue;
    drawn++;
    const color = hexToNumber(state.nations[draft.nation]?.color ?? "#ffffff");
    for (let i = 0; i + 1 < points.length; i++) {
      for (const [a, b] of dashes(points[i]!, points[i + 1]!, 6, 6)) {
        g.lineStyle(5, 0x000000, 0.8);
        g.lineBetween(a[0], a[1], b[0], b[1]);
        g.lineStyle(3, color, 1);
        g.lineBetween(a[0], a[1], b[0], b[1]);
      }
    }
    const end = points[points.length - 1]!;
    g.lineStyle(4, 0x000000, 0.9);
    g.strokeCircle(end[0], end[1], 12);
    g.lineStyle(2, color, 1);
    g.strokeCircle(end[0], end[1], 12);
    const label = t("turns.map.draftRoute", { asset: assetName(state, draft.order.asset), eta: draft.plan?.eta ?? "?" });
    labels.place(`draft:${draft.id}`, end[0], end[1] - 16, label, DRAFT_LABEL, 0.5, 1);
  }
  return drawn;
}

const DRAFT_LABEL = {
  fontFamily: "system-ui, sans-serif",
  fontSize: "12px",
  fontStyle: "italic bold",
  color: "#000000",
  backgroundColor: "#ffffff",
  padding: { x: 3, y: 1 },
};
