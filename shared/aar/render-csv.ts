import type { AfterActionReport } from "./build-aar.ts";
import { writeCsv } from "../csv/write-csv.ts";

/** The inject evaluation as a spreadsheet: one row per inject, expected action and nation. */
export function renderCsv(r: AfterActionReport): string {
  const header = ["Inject No.", "Title", "Status", "Released turn", "Inject verdict", "Expected player action", "Nation", "Verdict", "Response (turns)", "Action taken", "Capability", "Observer notes"];
  const rows: (string | number | null)[][] = [];
  for (const i of r.injects) {
    const notes = i.notes.map((n) => `${n.author}: ${n.text}`).join(" / ");
    if (i.expected.length === 0) rows.push([i.number, i.title, i.status, i.releasedTurn, i.verdict, "", "", "", "", "", i.capability, notes]);
    for (const ex of i.expected) {
      for (const n of ex.byNation) rows.push([i.number, i.title, i.status, i.releasedTurn, i.verdict, ex.description, r.nations.find((x) => x.id === n.nation)?.name ?? n.nation, n.verdict, n.responseTurns, n.action?.detail ?? "", i.capability, notes]);
    }
  }
  return writeCsv(header, rows);
}
