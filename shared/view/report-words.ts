import { translate, localText, type Lang, type NameOf } from "../i18n/index.ts";
import type { Report } from "../state/schema.ts";

/**
 * A report's title, text or source in the reader's language: the engine's own reports (ISR
 * sightings) carry messages, an author's report carries translations; a player's report (or a
 * redacted copy) is shown as written.
 */
export function reportText(
  lang: Lang,
  report: Pick<Report, "title" | "text" | "source" | "i18n" | "words">,
  field: "title" | "text" | "source",
  nameOf: NameOf,
  mainLang: Lang,
): string {
  const words = report.words?.[field];
  if (words) return translate(lang, words, nameOf);
  return localText(lang, report as Report & { i18n?: Record<string, Record<string, string>> }, field, mainLang).text;
}

/**
 * Exercise control's default signature ("exercise control" as a report's source, "Exercise
 * control" as an inject's sender) is stored in the words of whoever typed it; readers see their
 * own language's name for it.
 */
export function isExerciseControlSignature(text: string): boolean {
  const plain = text.trim().toLowerCase().replace(/['’]/g, "'");
  return plain === "exercise control" || plain === "direction de l'exercice" || plain === "white cell" || plain === "cellule blanche";
}
