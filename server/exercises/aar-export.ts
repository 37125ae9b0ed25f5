import type { EventStore } from "../store/event-store.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { buildAfterActionReport, renderCsvTables, renderHtml, renderMarkdown, aarJson, type AarFormat } from "../../shared/aar/index.ts";
import { DEFAULT_LANG, type Lang } from "../../shared/i18n/languages.ts";

const CONTENT_TYPES: Record<AarFormat, string> = {
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "application/zip",
};

/** A zip's entries all carry this date, so the same report gives the same bytes (and the same file hash). */
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

/** The report's tables, one CSV file per table, in one zip (each file starts with a UTF-8 BOM, so spreadsheets read accents right). */
async function csvZip(tables: { name: string; csv: string }[]): Promise<Buffer> {
  // Loaded here, for the one export that zips, rather than with every server (memory at idle).
  const { default: JSZip } = await import("jszip");
  const zip = new JSZip();
  for (const table of tables) zip.file(table.name, `\uFEFF${table.csv}`, { date: ZIP_DATE });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "UNIX" });
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
  const events = await store.readEvents(exerciseId);
  const built = buildAfterActionReport(initialState(record.scenario, record.id, record.seed), events, record.title);
  const report = replayBase ? { ...built, replayUrl: `${replayBase}/replay.html#exercise=${encodeURIComponent(record.id)}` } : built;
  const slug =
    record.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || record.id;
  // Named after the exercise and the day it was played (its first event), so saved reports sort and never collide.
  const day = new Date(events[0]?.at ?? Date.now()).toISOString().slice(0, 10);
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
