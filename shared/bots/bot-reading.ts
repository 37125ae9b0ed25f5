import type { View, AssetView } from "../engine/view-for.ts";
import type { AssetState, Report } from "../state/schema.ts";
import type { AssetTypeSpec, RegionSpec } from "../scenario/schema.ts";
import type { BotWorld } from "./bot-world.ts";

/** How a bot reads its nation's view and the standing rules: who its allies are, what an asset is fit for, where it may go. */

/** Its alliance partners, adversaries left out, in a fixed order. */
export function alliesOf(view: View, world: BotWorld, me: string): string[] {
  return Object.values(view.nations)
    .filter((n) => n.id !== me && n.alliance && !world.adversaries.includes(n.id))
    .map((n) => n.id)
    .sort();
}

/** How far a report may be passed on: its releasability, or its classification's by the rules. */
export function releasabilityScope(world: BotWorld, report: Report): string {
  const byClass = (world.rules as { releasabilityByClassification?: Record<string, string> }).releasabilityByClassification;
  return report.releasability?.scope ?? byClass?.[report.classification] ?? "alliance";
}

/** Confirmed, or graded A–B and credible (1–2): worth sending a unit for. */
export function wellGraded(report: Pick<Report, "reliability" | "credibility">): boolean {
  return report.credibility === "1" || ((report.reliability === "A" || report.reliability === "B") && report.credibility <= "2");
}

/** A known-forces entry worth acting on: certain (own territory), or well graded by its sensor or its report. */
export function wellGradedEntry(seen: Extract<AssetView, { foreign: true }>, view: View): boolean {
  if (!seen.seen) return true;
  if (seen.seen.grade)
    return (
      seen.seen.confirmedTurn !== undefined ||
      wellGraded({ reliability: seen.seen.grade[0] as Report["reliability"], credibility: seen.seen.grade[1] as Report["credibility"] })
    );
  const report = seen.seen.report ? view.reports[seen.seen.report] : undefined;
  return report ? wellGraded(report) : false;
}

export function sorted<T extends { id: string }>(record: Record<string, T>): T[] {
  return Object.values(record).sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function typeOf(world: BotWorld, asset: AssetView): AssetTypeSpec | undefined {
  return world.assetTypes.find((t) => t.id === asset.type);
}

export function fitness(world: BotWorld, asset: AssetView, kind: string): number {
  const table = typeOf(world, asset)?.fitness ?? {};
  return (Object.hasOwn(table, kind) ? table[kind] : Object.hasOwn(table, "*") ? table["*"] : 0) ?? 0;
}

/** Free to take a new task: standing by, or on a mission whose crisis is over. */
export function free(asset: AssetState, view: View): boolean {
  if (asset.route.length > 0 || asset.status === "moving" || asset.status === "degraded") return false;
  if ((asset as { embarkedOn?: string | null }).embarkedOn) return false;
  return asset.status === "ready" || !view.regions[asset.region]?.crisis;
}

/** Whether the team may enter a partner's region: a SOFA in force or consent granted there. */
export function mayEnter(view: View, me: string, owner: string, region: string): boolean {
  const sofa = Object.values(view.agreements).some((a) => a.kind === "sofa" && a.status === "accepted" && a.parties.includes(me) && a.parties.includes(owner));
  return sofa || Object.values(view.consentRequests).some((c) => c.requester === me && c.region === region && c.status === "granted");
}

/** The closest region of its own territory the asset's domain lets it reach. */
export function nearestOwnRegion(world: BotWorld, view: View, me: string, asset: AssetState): string | null {
  const type = typeOf(world, asset);
  if (!type) return null;
  if (view.regions[asset.region]?.owner === me) return asset.region;
  const spec = new Map(world.regions.map((r) => [r.id, r]));
  const enters = (r: RegionSpec) => type.domain === "any" || type.domain === r.kind;
  const seen = new Set([asset.region]);
  let frontier = [asset.region];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const adjacent of spec.get(id)?.adjacent ?? []) {
        const region = spec.get(adjacent);
        if (!region || seen.has(adjacent) || !enters(region)) continue;
        const owner = view.regions[adjacent]?.owner ?? null;
        if (owner === me) return adjacent;
        if (owner !== null) continue;
        seen.add(adjacent);
        next.push(adjacent);
      }
    }
    frontier = next.sort();
  }
  return null;
}
