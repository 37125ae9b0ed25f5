import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Game, as } from "./game.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { ROOT } from "../../server/config.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";

const northernFlank = (): ScenarioInput => JSON.parse(readFileSync(join(ROOT, "scenarios/01-northern-flank.json"), "utf8"));

/** The demo played to turn 5 by teams that only commit (the measurement in docs/RULES.md). */
function idleToTurnFive(): Game {
  const g = new Game(northernFlank(), 1).start();
  while (g.state.turn < 5) g.endTurn();
  return g;
}

describe("the Northern Flank by turn 5: a common picture, not a report per sighting", () => {
  it("exercise control's intelligence list holds what was reported or granted (the MSEL's intelligence), no sighting reports", () => {
    const g = idleToTurnFive();
    const white = viewFor(g.state, { kind: "white" });
    const reports = Object.values(white.reports);
    // Before the picture: 31 reports, 18 of them sightings and their copies under the standing "full" policies.
    expect(reports.filter((r) => r.source === "own ISR")).toEqual([]);
    expect(reports.every((r) => !Object.hasOwn(g.state.nations, r.originator))).toBe(true);
    expect(reports.length).toBe(7);
  });

  it("the teams' pictures know the forces their sensors and their partners' saw, last seen this turn", () => {
    const g = idleToTurnFive();
    const nordvik = Object.values(viewFor(g.state, { kind: "nation", nation: "nordvik" }).assets).filter((a) => a.foreign);
    expect(nordvik.length).toBeGreaterThan(0);
    expect(nordvik.some((a) => a.foreign && a.seen?.grade)).toBe(true);
  });

  it("a team's report from its picture is shared like any other report, and names what the picture says", () => {
    const g = idleToTurnFive();
    const entry = Object.values(g.state.detections.kaldmark ?? {}).find(
      (d) => d.sensor && !d.from && g.state.assets[d.owner] === undefined && d.owner === "varkhan",
    );
    expect(entry).toBeDefined();
    g.do({ type: "reportSighting", asset: entry!.asset }, as("kaldmark"));
    const report = Object.values(g.state.reports).find((r) => r.originator === "kaldmark")!;
    expect(report.sightings).toEqual([{ asset: entry!.asset, region: entry!.region, turn: entry!.turn }]);
    g.do({ type: "shareIntel", report: report.id, with: ["sarnia"] }, as("kaldmark"));
    expect(Object.values(g.state.reports).some((r) => r.copiedFrom === report.id && r.owner === "sarnia")).toBe(true);
  });
});
