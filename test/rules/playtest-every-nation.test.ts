import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { runPlaytest } from "../../server/cli/playtest-command.ts";
import { ROOT } from "../../server/config.ts";
import type { PlaytestReport } from "../../shared/playtest/sweep.ts";

/**
 * #18.4: `concord playtest` plays every nation — the playable ones by bots, the others by their
 * scenario playbook (automatic) — so every nation has commands accepted in every run.
 */
const SCENARIOS = ["01-northern-flank.json", "02-cyclone-response.json", "03-strait-standoff.json"];

async function playtest(file: string, seeds: number): Promise<PlaytestReport> {
  let out = "";
  const code = await runPlaytest(
    [join(ROOT, "scenarios", file), "--seeds", String(seeds), "--json"],
    { out: (s) => (out += s), err: () => {} },
    { LANG: "en" },
    false,
  );
  expect(code).toBe(0);
  return JSON.parse(out) as PlaytestReport;
}

describe("concord playtest: every nation acts in every run", () => {
  for (const file of SCENARIOS) {
    it(`${file}: every nation, playable or not, has accepted commands in every run over 3 seeds`, async () => {
      const report = await playtest(file, 3);
      const idle: string[] = [];
      for (const run of report.runs)
        for (const [nation, count] of Object.entries(run.actions)) if (!(count > 0)) idle.push(`${run.mix} seed ${run.seed}: ${nation}`);
      expect(report.runs.length).toBeGreaterThanOrEqual(3);
      expect(idle).toEqual([]);
      // The nations no team plays are counted too.
      const nations = Object.keys(report.runs[0]!.actions);
      expect(nations.length).toBe(5);
      // A whole playtest (every persona mix, the sensitivity sweep): seconds alone, much longer beside the rest of the suite.
    }, 180_000);
  }
});
