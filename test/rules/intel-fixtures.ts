import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import type { Report } from "../../shared/state/schema.ts";
import { Game } from "./game.ts";

/**
 * Shared set-ups for the intelligence rules tests (tiny.json: Nordmark and Sudland are allies,
 * Redonia the adversary; RNS Grom sits in the Red Gulf, Nordmark's UAV on its coast).
 */
export type Tweak = (s: ScenarioInput) => void;

export const rules =
  (extra: Record<string, unknown>): Tweak =>
  (s) =>
    void (s.rules = { ...(s.rules as object), ...extra });

/** Nordmark's UAV at sea: the Red Gulf is one region away. */
export const uavAtSea: Tweak = (s) => void (s.assets!.find((a) => a.id === "n-uav")!.region = "n-sea");

/** A third ally, Ostria, for passing reports on. */
export const withEast: Tweak = (s) =>
  void s.nations.push({ id: "east", name: "Ostria", color: "#009e73", budget: 120, budgetPerTurn: 30, politicalCapital: 45, readiness: 65 });

export function game(seed: number, ...tweaks: Tweak[]): Game {
  return new Game(undefined, seed, (s) => tweaks.forEach((t) => t(s))).start();
}

export const reportsOf = (g: Game, owner: string): Report[] => Object.values(g.state.reports).filter((r) => r.owner === owner);
export const sightingsOf = (g: Game, owner: string): Report[] => reportsOf(g, owner).filter((r) => r.source === "own ISR");
/** The nation's known-forces entry for an asset (its picture). */
export const entryOf = (g: Game, owner: string, asset: string) => g.state.detections[owner]?.[asset];
/** The team writes a report from its picture's entry ("Report this sighting"); returns it. */
export function reportSighting(g: Game, nation: string, asset: string): Report {
  const before = new Set(Object.keys(g.state.reports));
  g.do({ type: "reportSighting", asset }, { role: "participant", nation, name: "Analyst" });
  return Object.values(g.state.reports).find((r) => !before.has(r.id) && r.owner === nation)!;
}
export const rulesApplied = (g: Game, rule: string) => g.events.filter((e) => e.type === "ruleApplied" && e.rule === rule);

/** Exercise control grants a report; returns the holder's copy. */
export function grant(g: Game, to: string, report: Record<string, unknown>): Report {
  const before = new Set(Object.keys(g.state.reports));
  g.do({ type: "grantIntel", to: [to], report: { title: "Grant", text: "A report.", ...report } });
  return Object.values(g.state.reports).find((r) => !before.has(r.id) && r.owner === to)!;
}

export function copyHeldBy(g: Game, of: string, owner: string): Report | undefined {
  return Object.values(g.state.reports).find((r) => r.copiedFrom === of && r.owner === owner);
}
