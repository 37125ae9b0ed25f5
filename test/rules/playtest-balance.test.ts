import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { sweep, type PlaytestReport } from "../../shared/playtest/sweep.ts";
import { LEVERS } from "../../shared/playtest/levers.ts";
import { HEADLINE_METRICS } from "../../shared/playtest/end-metrics.ts";
import { PERSONAS, PERSONA_IDS } from "../../shared/bots/personas.ts";
import { ROOT } from "../../server/config.ts";

/**
 * The wargame issue's check (#17): in a seeded bot playtest of the shipped scenarios, every
 * policy setting and decision lever moves at least one end-of-exercise metric, and no persona is
 * best on every metric. Both directions matter: a setting that changes nothing is decoration,
 * and a persona that wins everything is a dominant strategy.
 */
const SCENARIOS = ["01-northern-flank.json", "02-cyclone-response.json", "03-strait-standoff.json"];
const reports: PlaytestReport[] = SCENARIOS.map((file) =>
  sweep({ scenario: ScenarioSpec.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", file), "utf8"))), seeds: [1, 2] }),
);
/** Higher is better for these; lower for the others (crises open, tension). */
const HIGHER_IS_BETTER = new Set(["cohesion", "meanStability", "crisesResolved", "objectivesMet", "budgetLeft"]);

describe("the playtest of the shipped scenarios", () => {
  it("finds every lever setting changing some end metric in some scenario", () => {
    const inert: string[] = [];
    for (const lever of LEVERS) {
      // A setting the baseline persona already plays cannot differ from the baseline.
      if (isDeepStrictEqual(lever.apply(PERSONAS.cooperative), PERSONAS.cooperative)) continue;
      const moved = reports.some((r) => r.sensitivity.some((row) => row.lever === lever.lever && row.setting === lever.setting && row.delta !== 0));
      if (!moved) inert.push(`${lever.lever}: ${lever.setting}`);
    }
    expect(inert).toEqual([]);
  });

  it("finds no persona best on every metric, in any scenario", () => {
    for (const report of reports) {
      for (const persona of PERSONA_IDS) {
        const mine = report.personas.find((p) => p.mix === persona)!;
        const others = report.personas.filter((p) => p.mix !== persona && PERSONA_IDS.includes(p.mix as never));
        const bestOnAll = HEADLINE_METRICS.every((metric) => {
          const value = mine.metrics[metric]?.mean;
          if (value === undefined) return true;
          return others.every((o) => (HIGHER_IS_BETTER.has(metric) ? value >= o.metrics[metric]!.mean : value <= o.metrics[metric]!.mean));
        });
        expect(bestOnAll, `${report.scenario}: ${persona}`).toBe(false);
      }
    }
  });

  it("shows restraint losing ground where the adversary pushes, and firmness costing everywhere", () => {
    for (const report of [reports[0]!, reports[2]!]) {
      const delta = (setting: string, metric: string) =>
        report.sensitivity.find((r) => r.lever === "posture" && r.setting === setting && r.metric === metric)!.delta;
      // Never escalating: fewer crises resolved, fewer objectives met or less stability.
      expect(
        Math.min(delta("restrained", "crisesResolved"), delta("restrained", "objectivesMet"), delta("restrained", "meanStability")),
        report.scenario,
      ).toBeLessThan(0);
      // Always firm: the adversary's tension rises, and the alliance pays in cohesion or budget.
      expect(delta("firm", "tension"), report.scenario).toBeGreaterThan(0);
      expect(Math.min(delta("firm", "cohesion"), delta("firm", "budgetLeft")), report.scenario).toBeLessThan(0);
    }
  });
});
