import type { EventStore, ExerciseRecord } from "../store/event-store.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { aarFold, renderCsvTables, renderHtml, renderMarkdown, aarJson, type AarFormat, type AfterActionReport } from "../../shared/aar/index.ts";
import { DEFAULT_LANG, type Lang } from "../../shared/i18n/languages.ts";

const CONTENT_TYPES: Record<AarFormat, string> = {
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "application/zip",
};

/** A zip's entries all carry this date, so the same report gives the same bytes (and the same file hash). */
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

/** Events read and folded at a time for a report. */
export const AAR_RANGE = 5000;

/** The report's tables, one CSV file per table, in one zip (each file starts with a UTF-8 BOM, so spreadsheets read accents right). */
async function csvZip(tables: { name: string; csv: string }[]): Promise<Buffer> {
  // Loaded here, for the one export that zips, rather than with every server (memory at idle).
  const { default: JSZip } = await import("jszip");
  const zip = new JSZip();
  for (const table of tables) zip.file(table.name, `\uFEFF${table.csv}`, { date: ZIP_DATE });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "UNIX" });
}

/**
 * An exercise's report folded from its log a range at a time: a week-long exercise's 100,000
 * events held at once took the process's RSS from ~210 to ~340 MB for each export
 * (docs/PERFORMANCE.md). `firstAt`: when its first event happened.
 */
export async function aarFromStore(store: EventStore, record: ExerciseRecord): Promise<{ report: AfterActionReport; firstAt: number | undefined }> {
  const fold = aarFold(initialState(record.scenario, record.id, record.seed), record.title);
  let firstAt: number | undefined;
  for (let from = 1; ; from += AAR_RANGE) {
    const events = await store.readEvents(record.id, from, from + AAR_RANGE - 1);
    firstAt ??= events[0]?.at;
    fold.add(events);
    if (events.length < AAR_RANGE) break;
  }
  return { report: fold.finish(), firstAt };
}

/**
 * Builds an exercise's after-action report from its log, in one of the export formats and a
 * language. CSV is a zip holding every table, one CSV each; `table` asks for one of them alone
 * (its file name without ".csv"), as text — `null` when there is no such table.
 */
export async function exportAar(
  store: EventStore,
  exerciseId: string,
  format: AarFormat,
  lang: Lang = DEFAULT_LANG,
  replayBase?: string,
  table?: string,
): Promise<{ body: string | Buffer; contentType: string; filename: string } | null> {
  const record = await store.getExercise(exerciseId);
  if (!record) return null;
  const { report: built, firstAt } = await aarFromStore(store, record);
  const report = replayBase ? { ...built, replayUrl: `${replayBase}/replay.html#exercise=${encodeURIComponent(record.id)}` } : built;
  const slug =
    record.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || record.id;
  // Named after the exercise and the day it was played (its first event), so saved reports sort and never collide.
  const day = new Date(firstAt ?? Date.now()).toISOString().slice(0, 10);
  const base = `aar-${slug}-${day}${lang === DEFAULT_LANG ? "" : `-${lang}`}`;
  if (format === "csv") {
    const tables = renderCsvTables(report, lang);
    if (table !== undefined) {
      const one = tables.find((t) => t.name === `${table}.csv`);
      return one ? { body: one.csv, contentType: "text/csv; charset=utf-8", filename: `${base}-${one.name}` } : null;
    }
    return { body: await csvZip(tables), contentType: CONTENT_TYPES.csv, filename: `${base}-csv.zip` };
  }
  const body = format === "html" ? renderHtml(report, lang) : format === "md" ? renderMarkdown(report, lang) : JSON.stringify(aarJson(report, lang), null, 2);
  return { body, contentType: CONTENT_TYPES[format], filename: `${base}.${format}` };
}
