import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadScenarioFile, processIo, type Io } from "./io.ts";
import { translationWarnings } from "../../shared/scenario/validate.ts";

/** A folder stands for the scenario files in it (not the generated JSON Schema). */
function expandFolders(paths: string[]): string[] {
  return paths.flatMap((path) => {
    try {
      if (!statSync(path).isDirectory()) return [path];
    } catch {
      return [path];
    }
    return readdirSync(path).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort().map((f) => join(path, f));
  });
}

export const VALIDATE_USAGE = `concord validate <scenario.json | folder> [more…] [--strict]
  Checks each scenario's format and meaning and lists every problem with its place in the file.
  A text missing in a language the scenario lists in "languages" is a warning (WARN), or with
  --strict an error.`;

/** Exit code 0 when every file is valid, 1 otherwise. */
export async function runValidate(args: string[], io: Io = processIo): Promise<number> {
  const strict = args.includes("--strict");
  const files = args.filter((a) => a !== "--strict");
  if (files.length === 0) {
    io.err(`concord validate: name at least one scenario file.\n${VALIDATE_USAGE}\n`);
    return 2;
  }
  let failed = 0;
  for (const file of expandFolders(files)) {
    const result = loadScenarioFile(file);
    const warnings = result.ok ? translationWarnings(result.scenario) : [];
    if (result.ok && strict && warnings.length) {
      failed++;
      for (const w of warnings) io.err(`${file}: ${w.path}: ${w.message}\n`);
      io.err(`FAIL ${file}: ${warnings.length} missing translation${warnings.length === 1 ? "" : "s"} (--strict)\n`);
    } else if (result.ok) {
      const s = result.scenario;
      for (const w of warnings) io.err(`WARN ${file}: ${w.path}: ${w.message}\n`);
      const languages = (s.languages ?? [s.language ?? "en"]).join(", ");
      io.out(`OK  ${file}: ${s.title} — ${s.nations.length} nations, ${s.regions.length} regions, ${s.msel.length} injects, ${s.turns} turns, in ${languages}${warnings.length ? ` (${warnings.length} missing translation${warnings.length === 1 ? "" : "s"})` : ""}\n`);
    } else {
      failed++;
      for (const e of result.errors) io.err(`${file}: ${e.path}: ${e.message}\n`);
      io.err(`FAIL ${file}: ${result.errors.length} problem${result.errors.length === 1 ? "" : "s"}\n`);
    }
  }
  return failed ? 1 : 0;
}
