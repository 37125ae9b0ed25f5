import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { mselToRows, rowsToMsel, mselCsv } from "../../shared/scenario/msel-csv.ts";
import { problemText, validateScenario } from "../../shared/scenario/validate.ts";
import type { Lang } from "../../shared/i18n/languages.ts";
import { loadScenarioFile, processIo, type Io } from "./io.ts";
import { commandArgs } from "./args.ts";
import { commandLanguage, sayIn } from "./text.ts";

const EXPORT_SYNOPSIS = "concord msel export <scenario.json>";
const IMPORT_SYNOPSIS = "concord msel import <scenario.json> <msel.csv> [--out <file>]";
export const mselUsage = (lang: Lang): string => {
  const say = sayIn(lang);
  return `${EXPORT_SYNOPSIS}\n  ${say("cli.msel.aboutExport")}\n${IMPORT_SYNOPSIS}\n  ${say("cli.msel.aboutImport")}`;
};

export async function runMsel(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { lang, args, error } = commandLanguage(argv, env);
  const say = sayIn(lang);
  if (error) return (io.err(`${error}\n`), 2);
  const parsed = commandArgs("msel", args, { out: { type: "string" } }, { say, usage: mselUsage(lang), io, maxPositionals: 3 });
  if ("exit" in parsed) return parsed.exit;
  const [action, scenarioFile, csvFile] = parsed.positionals;
  const problems = (file: string, errors: Parameters<typeof problemText>[1][]) => {
    for (const e of errors) io.err(say("cli.validate.problem", { file, path: e.path, problem: problemText(lang, e) }) + "\n");
  };
  // `export` takes the scenario only; --out belongs to `import`.
  const extra = action === "export" ? (csvFile ?? (parsed.values.out !== undefined ? "--out" : undefined)) : undefined;
  if (extra !== undefined) {
    io.err(`${say("ops.cli.unexpected", { command: "msel export", arg: extra })}\n${mselUsage(lang)}\n`);
    return 2;
  }
  if (action === "export" && scenarioFile) {
    const loaded = loadScenarioFile(scenarioFile);
    if (!loaded.ok) return (problems(scenarioFile, loaded.errors), 1);
    // Machine-readable: the CSV's column names are the HSEEP ones, in every language.
    io.out(mselCsv(mselToRows(loaded.scenario)));
    return 0;
  }
  if (action === "import" && scenarioFile && csvFile) {
    const out = parsed.values.out ?? scenarioFile;
    const loaded = loadScenarioFile(scenarioFile);
    if (!loaded.ok) return (problems(scenarioFile, loaded.errors), 1);
    let records: Record<string, string>[];
    try {
      records = parse(readFileSync(csvFile, "utf8"), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
    } catch (error) {
      io.err(say("cli.msel.cannotReadCsv", { file: csvFile, error: (error as Error).message }) + "\n");
      return 1;
    }
    const missing = ["Inject No.", "Title", "Message", "Type", "From"].filter((c) => records.length > 0 && !(c in records[0]!));
    if (missing.length) {
      io.err(say("cli.msel.missingColumns", { file: csvFile, count: missing.length, columns: missing.map((m) => `"${m}"`).join(", ") }) + "\n");
      return 1;
    }
    const imported = rowsToMsel(records, loaded.scenario);
    if (!imported.ok) {
      problems(csvFile, imported.errors);
      io.err(say("cli.msel.nothingWritten", { count: imported.errors.length }) + "\n");
      return 1;
    }
    const updated = { ...loaded.raw, msel: imported.msel };
    const checked = validateScenario(updated);
    if (!checked.ok) {
      problems(`${csvFile} → ${scenarioFile}`, checked.errors);
      io.err(say("cli.msel.nothingWrittenScenario", { count: checked.errors.length }) + "\n");
      return 1;
    }
    writeFileSync(out, JSON.stringify(updated, null, 2) + "\n");
    io.out(say("cli.msel.imported", { count: imported.msel.length, csv: csvFile, out }) + "\n");
    const untranslated = checked.warnings.filter((w) => w.path.startsWith("msel["));
    if (untranslated.length) io.err(say("cli.msel.untranslated", { count: untranslated.length, out }) + "\n");
    return 0;
  }
  io.err(`${action && !["export", "import"].includes(action) ? say("cli.unknownArgument", { command: "msel", arg: action }) + "\n" : ""}${mselUsage(lang)}\n`);
  return 2;
}
