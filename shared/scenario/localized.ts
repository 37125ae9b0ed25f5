import { z } from "zod";
import { LANGUAGES, DEFAULT_LANG, isLang, type Lang } from "../i18n/languages.ts";

/**
 * Texts an author may write in several languages. In the file a text is either a string (the
 * scenario's main language) or `{"en": "…", "fr": "…"}`. Parsed, the field keeps the main
 * language's string, so every reader of `inject.title` still gets a string, and the other
 * languages sit beside it in the owner's `i18n` (shared/i18n/text.ts: `localText` reads them):
 *
 *   "title": {"en": "Border incident", "fr": "Incident frontalier"}
 *   → title: "Border incident", i18n: { fr: { title: "Incident frontalier" } }
 *
 * The split form is accepted as input too, so a parsed scenario parses again to itself. A
 * scenario written with plain strings parses exactly as before: no `i18n` key appears.
 *
 * Learning objectives are array items: their translations sit in the scenario's own `i18n`
 * under indexed keys, `i18n.fr["learningObjectives[0]"]`, the way the validator names them.
 */
export const Language = z.enum(LANGUAGES);

/** Every owner of texts and the fields of it a person reads. */
export const TEXT_FIELDS = {
  scenario: ["title", "summary", "briefing"],
  nation: ["name", "description"],
  region: ["name"],
  assetType: ["name"],
  asset: ["name"],
  agreement: ["title"],
  inject: ["from", "title", "body", "objective", "capability"],
  expectedAction: ["description"],
  report: ["title", "text", "source"],
  objective: ["title"],
  eegObjective: ["title"],
  eegCapability: ["name"],
  eegTask: ["title"],
  playbookLevel: ["name"],
  playbookRule: ["name"],
} as const;
export type TextOwner = keyof typeof TEXT_FIELDS;

/** The text schemas; the JSON Schema describes each as "a string, or the text in each language". */
export const localizedTexts = z.registry<{ maxLength: number }>();

/** A text an author may write in several languages (parsed: the main language's string). */
export function text(maxLength: number, minLength = 1) {
  const schema = z
    .string({ error: (issue) => (issue.input instanceof BadText ? issue.input.message : undefined) })
    .min(minLength)
    .max(maxLength);
  localizedTexts.add(schema, { maxLength });
  return schema;
}

/** The `i18n` beside an owner's texts: per language other than the main one, a translation per field. */
export function translations<const F extends string>(fields: Record<F, number>) {
  const shape = Object.fromEntries(Object.entries<number>(fields).map(([field, max]) => [field, z.string().max(max).optional()])) as Record<
    F,
    z.ZodOptional<z.ZodString>
  >;
  const perLanguage = z.strictObject(shape);
  return z.object(Object.fromEntries(LANGUAGES.map((lang) => [lang, perLanguage.optional()])) as Record<Lang, z.ZodOptional<typeof perLanguage>>).optional();
}

/** The scenario's own `i18n`: its title, summary, briefing and each learning objective by index. */
export const scenarioTranslations = z
  .object(
    Object.fromEntries(
      LANGUAGES.map((lang) => [
        lang,
        z
          .record(
            z.string().regex(/^(title|summary|briefing|learningObjectives\[\d+\])$/, "a translated field is title, summary, briefing or learningObjectives[n]"),
            z.string().max(8000),
          )
          .optional(),
      ]),
    ) as Record<Lang, z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>>,
  )
  .optional();

/** Put in place of a text that cannot be split, so the field's schema reports it at its path. */
class BadText {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** One text in the file → the main language's string and the other languages' translations. */
function splitText(value: unknown, main: Lang): { text: unknown; others: [Lang, string][] } {
  if (!isObj(value)) return { text: value, others: [] };
  const langs = Object.keys(value);
  const unknown = langs.filter((l) => !isLang(l));
  if (unknown.length)
    return { text: new BadText(`unknown language ${unknown.map((l) => `"${l}"`).join(", ")} (languages are ${LANGUAGES.join(", ")})`), others: [] };
  if (langs.some((l) => typeof value[l] !== "string")) return { text: new BadText("each language's text is a string"), others: [] };
  if (typeof value[main] !== "string")
    return { text: new BadText(`written in ${langs.join(", ") || "no language"} but not in the scenario's main language "${main}"`), others: [] };
  return { text: value[main], others: langs.filter((l): l is Lang => l !== main).map((l) => [l, value[l] as string]) };
}

/** The owner with each text in the main language and the translations merged into its `i18n`. */
function splitOwner(owner: Obj, fields: readonly string[], main: Lang): Obj {
  let out: Obj | null = null;
  let added: Partial<Record<Lang, Record<string, string>>> | null = null;
  const take = (field: string, value: unknown, set: (text: unknown) => void) => {
    if (!isObj(value)) return;
    const { text, others } = splitText(value, main);
    set(text);
    for (const [lang, translated] of others) ((added ??= {})[lang] ??= {})[field] = translated;
  };
  for (const field of fields) take(field, owner[field], (t) => ((out ??= { ...owner })[field] = t));
  const objectives = owner["learningObjectives"];
  if (fields === TEXT_FIELDS.scenario && Array.isArray(objectives) && objectives.some(isObj)) {
    const items = [...objectives];
    items.forEach((item, i) => take(`learningObjectives[${i}]`, item, (t) => (items[i] = t)));
    (out ??= { ...owner })["learningObjectives"] = items;
  }
  if (!added) return out ?? owner;
  const before = isObj(owner["i18n"]) ? owner["i18n"] : {};
  const i18n: Obj = { ...before };
  for (const [lang, texts] of Object.entries(added as Obj)) i18n[lang] = { ...(isObj(before[lang]) ? before[lang] : {}), ...(texts as Obj) };
  return { ...(out ?? owner), i18n };
}

export type OwnerVisit = (owner: Obj, kind: TextOwner, path: string) => Obj;

/** Visits every owner of texts in a scenario (raw or parsed), rebuilding the structure from what `visit` returns. */
export function mapTextOwners(scenario: unknown, visit: OwnerVisit): unknown {
  if (!isObj(scenario)) return scenario;
  let out = visit(scenario, "scenario", "");
  const each = (key: string, kind: TextOwner, inner?: (item: Obj, path: string) => Obj) => {
    const items = out[key];
    if (!Array.isArray(items)) return;
    out = {
      ...out,
      [key]: items.map((item, i) => {
        if (!isObj(item)) return item;
        const path = `${key}[${i}]`;
        const visited = visit(item, kind, path);
        return inner ? inner(visited, path) : visited;
      }),
    };
  };
  // A playbook's levels and rules are named for exercise control (the approval queue, the replay).
  each("nations", "nation", (nation, path) => {
    const playbook = nation["playbook"];
    if (!isObj(playbook) || !Array.isArray(playbook["levels"])) return nation;
    const levels = playbook["levels"].map((level, j) => {
      if (!isObj(level)) return level;
      const at = `${path}.playbook.levels[${j}]`;
      const visited = visit(level, "playbookLevel", at);
      const rules = visited["rules"];
      return Array.isArray(rules)
        ? { ...visited, rules: rules.map((rule, k) => (isObj(rule) ? visit(rule, "playbookRule", `${at}.rules[${k}]`) : rule)) }
        : visited;
    });
    return { ...nation, playbook: { ...playbook, levels } };
  });
  each("regions", "region");
  each("assetTypes", "assetType");
  each("assets", "asset");
  each("agreements", "agreement");
  each("objectives", "objective");
  // The evaluation guide nests its texts: objectives → capabilities → critical tasks.
  const guide = out["evaluation"];
  if (isObj(guide) && Array.isArray(guide["objectives"])) {
    const nested = (items: unknown, kind: TextOwner, path: string, inner?: (item: Obj, path: string) => Obj) =>
      Array.isArray(items)
        ? items.map((item, i) => (isObj(item) ? (inner ?? ((x: Obj) => x))(visit(item, kind, `${path}[${i}]`), `${path}[${i}]`) : item))
        : items;
    out = {
      ...out,
      evaluation: {
        ...guide,
        objectives: nested(guide["objectives"], "eegObjective", "evaluation.objectives", (o, p) => ({
          ...o,
          capabilities: nested(o["capabilities"], "eegCapability", `${p}.capabilities`, (c, q) => ({
            ...c,
            tasks: nested(c["tasks"], "eegTask", `${q}.tasks`),
          })),
        })),
      },
    };
  }
  each("msel", "inject", (inject, path) => {
    let result = inject;
    if (Array.isArray(result["expectedActions"])) {
      result = {
        ...result,
        expectedActions: result["expectedActions"].map((e, k) => (isObj(e) ? visit(e, "expectedAction", `${path}.expectedActions[${k}]`) : e)),
      };
    }
    if (Array.isArray(result["effects"])) {
      result = {
        ...result,
        effects: result["effects"].map((e, k) =>
          isObj(e) && e["kind"] === "grantIntel" && isObj(e["report"]) ? { ...e, report: visit(e["report"], "report", `${path}.effects[${k}].report`) } : e,
        ),
      };
    }
    return result;
  });
  return out;
}

/** The preprocess of the scenario schema: every text written as `{"en", "fr"}` split as above. */
export function splitLanguages(input: unknown): unknown {
  if (!isObj(input)) return input;
  const main = isLang(input["language"]) ? input["language"] : DEFAULT_LANG;
  return mapTextOwners(input, (owner, kind) => splitOwner(owner, TEXT_FIELDS[kind], main));
}

/**
 * The JSON Schema's `override`: a text field becomes "a string, or an object of languages", so
 * editors autocomplete both forms (the zod schema after the preprocess only sees strings).
 */
export function describeLocalizedText(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  if (!localizedTexts.has(ctx.zodSchema as z.ZodType)) return;
  const plain = { ...ctx.jsonSchema };
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  const perLanguage = { type: "string", maxLength: plain["maxLength"] };
  Object.assign(ctx.jsonSchema, {
    anyOf: [
      { ...plain, description: "The text in the scenario's main language." },
      {
        type: "object",
        description: 'The text in each language, e.g. {"en": "…", "fr": "…"}; the scenario\'s main language is required.',
        properties: Object.fromEntries(LANGUAGES.map((lang) => [lang, perLanguage])),
        additionalProperties: false,
        minProperties: 1,
      },
    ],
  });
}
