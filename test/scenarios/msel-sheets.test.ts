import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { mselToRows, rowsToMsel, mselCsv, joinActions, splitActions } from "../../shared/scenario/msel-csv.ts";
import { liveRows, writeSheet, readSheet, checkSheet, type SheetFormat } from "../../server/exercises/msel-sheets.ts";
import { translate } from "../../shared/i18n/format.ts";
import { ROOT } from "../../server/config.ts";

const shipped = readdirSync(join(ROOT, "scenarios")).filter((f) => /^\d.*\.json$/.test(f));
const load = (file: string) => initialState(ScenarioSpec.parse(JSON.parse(readFileSync(join(ROOT, "scenarios", file), "utf8"))), "ex-sheet", 1);

describe("the MSEL as a spreadsheet", () => {
  for (const file of shipped) {
    for (const format of ["csv", "xlsx"] as SheetFormat[]) {
      it(`${file} goes through ${format} and back unchanged, the same bytes the second time`, async () => {
        const state = load(file);
        const first = liveRows(state, []);
        const bytes = await writeSheet(format, first.rows, first.columns);
        const read = await readSheet(format, bytes);
        if (!read.ok) throw new Error(translate("en", read.problem));
        const checked = checkSheet(state, read.rows);
        if (!checked.ok) throw new Error(JSON.stringify(checked.problems.slice(0, 3)));
        expect(checked.msel).toEqual(state.scenario.msel);
        const again = liveRows({ ...state, scenario: { ...state.scenario, msel: checked.msel } }, []);
        expect((await writeSheet(format, again.rows, again.columns)).equals(bytes)).toBe(true);
      });
    }
  }

  it("keeps a multi-line expected action one action, and texts' surrounding spaces", () => {
    const state = load(shipped[0]!);
    const [first, second] = state.scenario.msel;
    const inject = {
      ...first!,
      body: "  Line one\n\n  line two  ",
      expectedActions: [
        { ...first!.expectedActions[0]!, description: "Deploy medical support\nand tell the host nation" },
        { ...first!.expectedActions[0]!, description: "2 ships" },
      ],
    };
    const single = { ...second!, expectedActions: [{ ...second!.expectedActions[0]!, description: "1. Share\n2. Confirm" }] };
    const rows = mselToRows({ ...state.scenario, msel: [inject, single] });
    const back = rowsToMsel(rows, state.scenario);
    expect(back.ok && back.msel[0]!.expectedActions.map((a) => a.description)).toEqual(["Deploy medical support\nand tell the host nation", "2 ships"]);
    expect(back.ok && back.msel[0]!.body).toBe("  Line one\n\n  line two  ");
    expect(back.ok && back.msel[1]!.expectedActions.map((a) => a.description)).toEqual(["1. Share\n2. Confirm"]);
    expect(mselCsv(rows)).toContain('"1. Deploy medical support\nand tell the host nation\n2. 2 ships"');
    // A sheet from before the numbering: one action per line.
    expect(splitActions("First\nSecond", 2)).toEqual(["First", "Second"]);
    expect(splitActions(joinActions(["a\nb", "c"]), 2)).toEqual(["a\nb", "c"]);
  });

  it("names every fault by row and column before anything changes", async () => {
    const state = load(shipped[0]!);
    const { rows, columns } = liveRows(state, []);
    rows[0]!["To"] = "atlantis";
    rows[2]!["Turn"] = "99";
    rows[3]!["Effects (JSON)"] = "{not json";
    const read = await readSheet("csv", await writeSheet("csv", rows, columns));
    const checked = read.ok ? checkSheet(state, read.rows) : null;
    expect(checked?.ok).toBe(false);
    const problems = checked && !checked.ok ? checked.problems.map((p) => `${p.row}:${p.column}`) : [];
    expect(problems).toEqual(["5:Effects (JSON)"]);
    rows[3]!["Effects (JSON)"] = "";
    const again = checkSheet(state, ((await readSheet("csv", await writeSheet("csv", rows, columns))) as { rows: Record<string, string>[] }).rows);
    expect(again.ok ? [] : again.problems.map((p) => `${p.row}:${p.column}: ${p.message}`)).toEqual([
      expect.stringMatching(/^2:To: .*atlantis/),
      expect.stringMatching(/^4:Turn: .*99/),
    ]);
  });
});
