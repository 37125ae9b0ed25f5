import type { AfterActionReport } from "./build-aar.ts";
import { aarTexts } from "./aar-texts.ts";
import { writeCsv } from "../csv/write-csv.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/languages.ts";

/** The inject evaluation as a spreadsheet: one row per inject, expected action and nation, in one language. */
export function renderCsv(r: AfterActionReport, lang: Lang = DEFAULT_LANG): string {
  const x = aarTexts(r, lang);
  const { t } = x;
  const header = [
    t("aar.csv.number"),
    t("aar.csv.title"),
    t("aar.csv.status"),
    t("aar.csv.releasedTurn"),
    t("aar.csv.injectVerdict"),
    t("aar.csv.expected"),
    t("aar.csv.nation"),
    t("aar.csv.verdict"),
    t("aar.csv.response"),
    t("aar.csv.action"),
    t("aar.csv.capability"),
    t("aar.csv.notes"),
  ];
  const rows: (string | number | null)[][] = [];
  for (const i of r.injects) {
    const notes = i.notes.map((n) => `${n.author}: ${n.text}`).join(" / ");
    const title = x.local(i, "title");
    const status = x.term("injectStatus", i.injectStatus);
    const capability = i.capability ? x.local(i, "capability") : "";
    if (i.expected.length === 0) rows.push([i.number, title, status, i.releasedTurn, x.verdict(i.verdict), "", "", "", "", "", capability, notes]);
    for (const ex of i.expected) {
      for (const n of ex.byNation)
        rows.push([
          i.number,
          title,
          status,
          i.releasedTurn,
          x.verdict(i.verdict),
          x.local(ex, "description"),
          x.nation(n.nation),
          x.verdict(n.verdict),
          n.responseTurns,
          n.action ? x.tm(n.action.detail) : "",
          capability,
          notes,
        ]);
    }
  }
  return writeCsv(header, rows);
}
