import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { validateScenario } from "../../shared/scenario/validate.ts";

export type ScenarioEntry = { file: string; scenario: ScenarioSpec };
export type CatalogProblem = { file: string; message: string };

/**
 * Loads every scenario file in a folder, sorted by file name (so "01-…" is the default).
 * A broken file is reported and skipped rather than taking the server down.
 */
export function loadScenarioCatalog(dir: string): { scenarios: ScenarioEntry[]; problems: CatalogProblem[] } {
  const scenarios: ScenarioEntry[] = [];
  const problems: CatalogProblem[] = [];
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
      .sort();
  } catch (error) {
    return { scenarios, problems: [{ file: dir, message: `cannot read the scenarios folder: ${(error as Error).message}` }] };
  }
  for (const file of files) {
    try {
      const result = validateScenario(JSON.parse(readFileSync(join(dir, file), "utf8")));
      if (result.ok) scenarios.push({ file, scenario: result.scenario });
      else problems.push({ file, message: result.errors.map((e) => `${e.path}: ${e.message}`).join("; ") });
    } catch (error) {
      problems.push({ file, message: (error as Error).message });
    }
  }
  return { scenarios, problems };
}

export function scenarioSummary(entry: ScenarioEntry) {
  const s = entry.scenario;
  return {
    id: s.id,
    /** The language of title and summary; their translations are in i18n (the start page shows each reader theirs). */
    language: s.language,
    title: s.title,
    summary: s.summary,
    ...(s.i18n ? { i18n: s.i18n } : {}),
    turns: s.turns,
    hoursPerTurn: s.hoursPerTurn,
    nations: s.nations.map((n) => ({ id: n.id, name: n.name, playable: n.playable, color: n.color, ...(n.i18n ? { i18n: n.i18n } : {}) })),
    regions: s.regions.length,
    injects: s.msel.length,
    learningObjectives: s.learningObjectives,
  };
}
