import { describe, it, expect } from "vitest";
import { parse } from "csv-parse/sync";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { buildAfterActionReport, renderCsv } from "../../shared/aar/index.ts";
import { writeCsv, unescapeCsvCell } from "../../shared/csv/write-csv.ts";
import { mselCsv, mselToRows, rowsToMsel } from "../../shared/scenario/msel-csv.ts";
import { loadScenarioFile } from "../../server/cli/io.ts";
import { ROOT } from "../../server/config.ts";
import { playTiny, tinyScenario } from "./play-tiny.ts";

const HYPERLINK = '=HYPERLINK("//x.invalid","a")&"';
/**
 * As the import reads a sheet (server/cli/msel-command.ts), except that any line break ends a
 * record, as in a spreadsheet: only a quoted cell may hold one.
 */
const readSheet = (csv: string) =>
  parse(csv, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false, record_delimiter: ["\r\n", "\n"] }) as Record<
    string,
    string
  >[];

describe("the CSV writer", () => {
  it("prefixes every cell a spreadsheet would evaluate with ', and leaves numbers and plain text alone", () => {
    const [, row] = parse(
      writeCsv(["a", "b", "c", "d", "e", "f", "g", "h", "i"], [["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", -3, "plain, with comma", "a\nb"]]),
    ) as string[][];
    expect(row).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "-3", "plain, with comma", "a\nb"]);
  });

  it("undoes only its own prefix when a sheet is read back", () => {
    expect(["'=1+1", "'-x", "'@x", "'plain", "it's", "=raw"].map(unescapeCsvCell)).toEqual(["=1+1", "-x", "@x", "'plain", "it's", "=raw"]);
  });
});

describe("the after-action report's CSV", () => {
  it("neutralises a name, a title and texts that start like formulas", () => {
    const report = buildAfterActionReport(playTiny().initial, playTiny().events, "Tiny AAR");
    const sighting = report.injects.find((i) => i.inject === "red-sighting")!;
    sighting.title = "+Unidentified warship near the Northern Sea";
    sighting.expected[0]!.description = "-Share the sighting with Sudland";
    sighting.notes[0]!.author = HYPERLINK;
    report.nations.find((n) => n.id === "north")!.name = "@Nordmark";
    const rows = readSheet(renderCsv(report));
    const row = rows.find((r) => r["Inject No."] === "1.02")!;
    expect(row.Title).toBe("'+Unidentified warship near the Northern Sea");
    expect(row["Expected player action"]).toBe("'-Share the sighting with Sudland");
    expect(row.Nation).toBe("'@Nordmark");
    expect(row["Observer notes"]).toBe(`'${HYPERLINK}: Nordmark hesitated before sharing the sighting.`);
    expect(row["Response (turns)"]).toBe("1");
  });
});

describe("the MSEL CSV", () => {
  it("neutralises formulas and still reads back into the same MSEL", () => {
    const msel = structuredClone(tinyScenario.msel);
    msel[0]!.title = "+Storm warning";
    msel[0]!.body = HYPERLINK;
    msel[0]!.objective = "@preparedness";
    msel[1]!.capability = "-Intelligence sharing";
    const csv = mselCsv(mselToRows({ ...tinyScenario, msel }));
    const rows = readSheet(csv);
    expect(rows[0]).toMatchObject({ Title: "'+Storm warning", Message: `'${HYPERLINK}`, Objective: "'@preparedness" });
    expect(rows[1]!.Capability).toBe("'-Intelligence sharing");
    expect(rowsToMsel(rows)).toEqual({ ok: true, msel });
  });

  it("round-trips the shipped scenarios' MSELs unchanged, multi-line cells included", () => {
    const files = readdirSync(join(ROOT, "scenarios")).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const loaded = loadScenarioFile(join(ROOT, "scenarios", file));
      if (!loaded.ok) throw new Error(`${file}: ${loaded.errors[0]!.message}`);
      expect(rowsToMsel(readSheet(mselCsv(mselToRows(loaded.scenario)))), file).toEqual({ ok: true, msel: loaded.scenario.msel });
    }
  });
});
