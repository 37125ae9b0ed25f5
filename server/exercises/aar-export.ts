import type { EventStore } from "../store/event-store.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { buildAfterActionReport, renderCsv, renderHtml, renderMarkdown, aarJson, type AarFormat } from "../../shared/aar/index.ts";
import { DEFAULT_LANG, type Lang } from "../../shared/i18n/languages.ts";

const CONTENT_TYPES: Record<AarFormat, string> = {
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** Builds an exercise's after-action report from its log, in one of the export formats and a language. */
export async function exportAar(store: EventStore, exerciseId: string, format: AarFormat, lang: Lang = DEFAULT_LANG, replayBase?: string): Promise<{ body: string; contentType: string; filename: string } | null> {
  const record = await store.getExercise(exerciseId);
  if (!record) return null;
  const events = await store.readEvents(exerciseId);
  const built = buildAfterActionReport(initialState(record.scenario, record.id, record.seed), events, record.title);
  const report = replayBase ? { ...built, replayUrl: `${replayBase}/replay.html#exercise=${encodeURIComponent(record.id)}` } : built;
  const body = format === "html" ? renderHtml(report, lang) : format === "md" ? renderMarkdown(report, lang) : format === "csv" ? renderCsv(report, lang) : JSON.stringify(aarJson(report, lang), null, 2);
  const slug = record.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || record.id;
  // Named after the exercise and the day it was played (its first event), so saved reports sort and never collide.
  const day = new Date(events[0]?.at ?? Date.now()).toISOString().slice(0, 10);
  return { body, contentType: CONTENT_TYPES[format], filename: `aar-${slug}-${day}${lang === DEFAULT_LANG ? "" : `-${lang}`}.${format}` };
}
