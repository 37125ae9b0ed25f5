import type { AfterActionReport } from "./build-aar.ts";
import { refKey } from "./build-aar.ts";
import type { Verdict, InjectReview } from "./inject-evaluation.ts";
import { translate, formatNumber, formatDateTime } from "../i18n/format.ts";
import { msg, type Msg, type Params, type Ref } from "../i18n/message.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";
import { localText, type Translations } from "../i18n/text.ts";
import { termKey, type Vocabulary } from "../i18n/terms.ts";
import type { Lang } from "../i18n/languages.ts";

const VERDICT_KEYS: Record<Verdict | InjectReview["verdict"], MessageKey> = {
  met: "aar.verdict.met",
  partly: "aar.verdict.partly",
  "not met": "aar.verdict.notMet",
  "not applicable": "evaluation.verdict.notApplicable",
  attempted: "evaluation.verdict.attempted",
  "for the evaluator": "evaluation.verdict.forEvaluator",
  "no expectation": "aar.verdict.noExpectation",
};

/** Every word a renderer writes, in one language: the catalogue, the report's names, Intl. */
export type AarTexts = ReturnType<typeof aarTexts>;

export function aarTexts(r: AfterActionReport, lang: Lang) {
  const main = r.exercise.mainLang ?? "en";
  const nameOf = (ref: Ref): string => {
    if (ref.ref === "nation" && lang === main) {
      const nation = r.nations.find((n) => n.id === ref.id);
      if (nation) return nation.name;
    }
    return r.names?.[lang]?.[refKey(ref.ref, ref.id)] ?? r.nations.find((n) => n.id === ref.id)?.name ?? ref.id;
  };
  const t = (key: MessageKey, params?: Params) => translate(lang, params ? { key, params } : { key }, nameOf);
  /** A scenario text in this language, marked when it falls back to the main language. */
  const local = (item: { i18n?: Translations } & object, field: string): string => {
    const text = localText(lang, item as { i18n?: Translations } & Record<string, unknown>, field, main);
    return text.fallback ? t("common.untranslated", { text: text.text }) : text.text;
  };
  const zone = r.exercise.timeZone ?? "UTC";
  const turnStart = (turn: number) => Date.parse(r.exercise.startTime) + (Math.max(turn, 1) - 1) * r.exercise.hoursPerTurn * 3600_000;
  return {
    lang,
    t,
    tm: (m: Msg) => translate(lang, m, nameOf),
    local,
    /** Learning objective n in this language (translations under "learningObjectives[n]"). */
    learningObjective: (i: number) =>
      local({ [`learningObjectives[${i}]`]: r.exercise.learningObjectives[i], i18n: r.exercise.i18n } as object, `learningObjectives[${i}]`),
    scenarioTitle: () => local({ title: r.exercise.scenarioTitle, i18n: r.exercise.i18n } as object, "title"),
    summary: () => local({ summary: r.exercise.summary, i18n: r.exercise.i18n } as object, "summary"),
    nation: (id: string | null) => (id ? nameOf({ ref: "nation", id }) : t("aar.alliance")),
    verdict: (v: Verdict | InjectReview["verdict"]) => t(VERDICT_KEYS[v] ?? "common.unknown"),
    term: (vocabulary: Vocabulary, value: string) => {
      const key = termKey(vocabulary, value);
      return key ? t(key) : value;
    },
    num: (n: number, options?: Intl.NumberFormatOptions) => formatNumber(lang, n, options),
    /** The scenario clock at the start of a turn, in the scenario's zone. */
    scenarioTime: (turn: number) => formatDateTime(lang, turnStart(turn), zone),
    /** A real moment (when the exercise was played), in the scenario's zone. */
    when: (epochMs: number) => formatDateTime(lang, epochMs, zone),
    zone,
    turnStart,
    msg,
  };
}
