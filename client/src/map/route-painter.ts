import type * as Phaser from "phaser";
import type { MapModel } from "./map-bridge.ts";
import { dashes, type Point } from "./geometry.ts";
import { hexToNumber } from "./palette.ts";
import { t } from "../i18n.ts";
import { assetName } from "../game/names.ts";
import type { LabelPool } from "./label-pool.ts";

/** Movement routes of own assets (through region centres, dashed, arrow at the end) with their ETA; returns how many. */
export function paintRoutes(g: Phaser.GameObjects.Graphics, labels: LabelPool, model: MapModel): number {
  let drawn = 0;
  const { state } = model;
  const centre = (id: string): Point | null => {
    const r = state.scenario.regions.find((x) => x.id === id);
    return r ? [r.x, r.y] : null;
  };
  for (const asset of Object.values(state.perspective?.assets ?? {})) {
    if (asset.foreign || !asset.destination || asset.route.length === 0) continue;
    const points = [asset.region, ...asset.route].map(centre).filter((p): p is Point => p !== null);
    if (points.length < 2) continue;
    drawn++;
    const color = hexToNumber(state.nations[asset.owner]?.color ?? "#ffffff");
    for (let i = 0; i + 1 < points.length; i++) {
      for (const [a, b] of dashes(points[i]!, points[i + 1]!, 12, 6)) {
        g.lineStyle(7, 0x000000, 0.9);
        g.lineBetween(a[0], a[1], b[0], b[1]);
        g.lineStyle(4, 0xffffff, 1);
        g.lineBetween(a[0], a[1], b[0], b[1]);
      }
    }
    const end = points[points.length - 1]!;
    const before = points[points.length - 2]!;
    const angle = Math.atan2(end[1] - before[1], end[0] - before[0]);
    const tip: Point = [end[0] - Math.cos(angle) * 14, end[1] - Math.sin(angle) * 14];
    const left: Point = [tip[0] - Math.cos(angle - 0.5) * 16, tip[1] - Math.sin(angle - 0.5) * 16];
    const right: Point = [tip[0] - Math.cos(angle + 0.5) * 16, tip[1] - Math.sin(angle + 0.5) * 16];
    g.fillStyle(color, 1);
    g.lineStyle(2, 0x000000, 1);
    g.fillTriangle(tip[0], tip[1], left[0], left[1], right[0], right[1]);
    g.strokeTriangle(tip[0], tip[1], left[0], left[1], right[0], right[1]);
    const params = { asset: assetName(state, asset.id), eta: asset.eta ?? "?" };
    const label =
      asset.intent === "deploy"
        ? t("game.map.routeDeploy", params)
        : asset.intent === "preposition"
          ? t("game.map.routePreposition", params)
          : asset.intent === "recall"
            ? t("game.map.routeRecall", params)
            : t("game.map.route", params);
    labels.place(`route:${asset.id}`, tip[0], tip[1] + 12, label, ROUTE_LABEL, 0.5, 0);
  }
  return drawn;
}

const ROUTE_LABEL = {
  fontFamily: "system-ui, sans-serif",
  fontSize: "11px",
  fontStyle: "bold",
  color: "#ffffff",
  backgroundColor: "#000000",
  padding: { x: 3, y: 1 },
};
