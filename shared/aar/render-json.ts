import type { AfterActionReport } from "./build-aar.ts";
import { aarTexts } from "./aar-texts.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/languages.ts";

/**
 * The JSON export: the report as data (codes, messages with references, names per language),
 * plus, for convenience, `lang` and the rendered sentence beside each message in that language:
 * `timeline[].text`, `injects[].expected[].byNation[].action.text` and `….attempts[].text`
 * (docs/RULES.md, "The after-action report as data").
 */
export function aarJson(r: AfterActionReport, lang: Lang = DEFAULT_LANG) {
  const x = aarTexts(r, lang);
  return {
    ...r,
    lang,
    timeline: r.timeline.map((item) => ({ ...item, text: x.tm(item.msg) })),
    injects: r.injects.map((i) => ({
      ...i,
      expected: i.expected.map((ex) => ({
        ...ex,
        byNation: ex.byNation.map((n) => ({
          ...n,
          action: n.action ? { ...n.action, text: x.tm(n.action.detail) } : null,
          attempts: n.attempts.map((a) => ({ ...a, text: x.tm(a.detail) })),
        })),
      })),
    })),
  };
}
