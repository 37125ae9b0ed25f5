import type { EventStore } from "../store/event-store.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { buildAfterActionReport, renderCsv, renderHtml, renderMarkdown, type AarFormat } from "../../shared/aar/index.ts";

const CONTENT_TYPES: Record<AarFormat, string> = {
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** Builds an exercise's after-action report from its log, in one of the export formats. */
export async function exportAar(store: EventStore, exerciseId: string, format: AarFormat): Promise<{ body: string; contentType: string; filename: string } | null> {
  const record = await store.getExercise(exerciseId);
  if (!record) return null;
  const events = await store.readEvents(exerciseId);
  const report = buildAfterActionReport(initialState(record.scenario, record.id, record.seed), events, record.title);
  const body = format === "html" ? renderHtml(report) : format === "md" ? renderMarkdown(report) : format === "csv" ? renderCsv(report) : JSON.stringify(report, null, 2);
  const slug = record.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || record.id;
  return { body, contentType: CONTENT_TYPES[format], filename: `aar-${slug}.${format}` };
}
