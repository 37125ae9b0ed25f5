import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { mselToRows, rowsToMsel, mselCsv } from "../../shared/scenario/msel-csv.ts";
import { validateScenario } from "../../shared/scenario/validate.ts";
import { loadScenarioFile, processIo, type Io } from "./io.ts";

export const MSEL_USAGE = `concord msel export <scenario.json>            CSV with HSEEP columns to standard output
  (a translated scenario gets a column per language after each text: "Title", "Title (fr)" …)
concord msel import <scenario.json> <msel.csv> [--out <file>]
  Replaces the scenario's MSEL with the spreadsheet's rows, validates the result, and writes the
  scenario file (or --out). Nothing is written when anything is wrong.`;

export async function runMsel(args: string[], io: Io = processIo): Promise<number> {
  const [action, scenarioFile, csvFile, ...rest] = args;
  if (action === "export" && scenarioFile) {
    const loaded = loadScenarioFile(scenarioFile);
    if (!loaded.ok) {
      for (const e of loaded.errors) io.err(`${scenarioFile}: ${e.path}: ${e.message}\n`);
      return 1;
    }
    io.out(mselCsv(mselToRows(loaded.scenario)));
    return 0;
  }
  if (action === "import" && scenarioFile && csvFile) {
    const outIndex = rest.indexOf("--out");
    const out = outIndex >= 0 ? rest[outIndex + 1] : scenarioFile;
    if (!out) {
      io.err("concord msel import: --out needs a file name.\n");
      return 2;
    }
    const loaded = loadScenarioFile(scenarioFile);
    if (!loaded.ok) {
      for (const e of loaded.errors) io.err(`${scenarioFile}: ${e.path}: ${e.message}\n`);
      return 1;
    }
    let records: Record<string, string>[];
    try {
      records = parse(readFileSync(csvFile, "utf8"), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
    } catch (error) {
      io.err(`${csvFile}: cannot read the CSV: ${(error as Error).message}\n`);
      return 1;
    }
    const missing = ["Inject No.", "Title", "Message", "Type", "From"].filter((c) => records.length > 0 && !(c in records[0]!));
    if (missing.length) {
      io.err(`${csvFile}: missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} (export a scenario's MSEL to see the expected columns)\n`);
      return 1;
    }
    const imported = rowsToMsel(records, loaded.scenario);
    if (!imported.ok) {
      for (const e of imported.errors) io.err(`${csvFile}: ${e.path}: ${e.message}\n`);
      io.err(`Nothing written: ${imported.errors.length} problem(s).\n`);
      return 1;
    }
    const updated = { ...loaded.raw, msel: imported.msel };
    const checked = validateScenario(updated);
    if (!checked.ok) {
      for (const e of checked.errors) io.err(`${csvFile} → ${scenarioFile}: ${e.path}: ${e.message}\n`);
      io.err(`Nothing written: the scenario with this MSEL has ${checked.errors.length} problem(s).\n`);
      return 1;
    }
    writeFileSync(out, JSON.stringify(updated, null, 2) + "\n");
    io.out(`Imported ${imported.msel.length} injects from ${csvFile} into ${out}.\n`);
    const untranslated = checked.warnings.filter((w) => w.path.startsWith("msel["));
    if (untranslated.length) io.err(`Note: ${untranslated.length} inject text${untranslated.length === 1 ? " has" : "s have"} no translation in a language the scenario lists (the sheet's "Title (fr)" … columns); \`concord validate ${out}\` lists them.\n`);
    return 0;
  }
  io.err(`${MSEL_USAGE}\n`);
  return 2;
}
