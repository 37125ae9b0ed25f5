import type { MessageKey } from "../../../shared/i18n/index.ts";
import type { Effect } from "../../../shared/scenario/effects.ts";

/**
 * Each kind of effect (shared/scenario/effects.ts, the Effect union) as a form shows it: which
 * fields it asks for, of what type, within the schema's limits. No DOM here: effect-editor.ts
 * draws the fields, and the conversions below are tested on their own.
 */
export type EffectKind = Effect["kind"];
export type FieldType =
  | "region"
  | "asset"
  | "nation"
  | "nations"
  | "regions"
  | "number"
  | "text"
  | "longText"
  | "assetStatus"
  | "reliability"
  | "credibility"
  | "classification"
  | "releasability";
export type EffectField = { name: string; type: FieldType; min?: number; max?: number; maxLength?: number; optional?: boolean };

const delta = (limit = 100): EffectField => ({ name: "delta", type: "number", min: -limit, max: limit });

/** The kinds in the order the form offers them, each with the words that name it. */
export const EFFECT_KINDS: { kind: EffectKind; label: MessageKey; fields: EffectField[] }[] = [
  { kind: "stability", label: "console.effect.stability", fields: [{ name: "region", type: "region" }, delta()] },
  {
    kind: "crisis",
    label: "console.effect.crisis",
    fields: [
      { name: "region", type: "region" },
      { name: "crisisKind", type: "text", maxLength: 60 },
      { name: "severity", type: "number", min: 0, max: 100 },
    ],
  },
  { kind: "crisisSeverity", label: "console.effect.crisisSeverity", fields: [{ name: "region", type: "region" }, delta()] },
  {
    kind: "assetStatus",
    label: "console.effect.assetStatus",
    fields: [
      { name: "asset", type: "asset" },
      { name: "status", type: "assetStatus" },
    ],
  },
  { kind: "assetStrength", label: "console.effect.assetStrength", fields: [{ name: "asset", type: "asset" }, delta()] },
  {
    kind: "trust",
    label: "console.effect.trust",
    fields: [{ name: "a", type: "nation" }, { name: "b", type: "nation" }, delta()],
  },
  {
    kind: "interoperability",
    label: "console.effect.interoperability",
    fields: [{ name: "a", type: "nation" }, { name: "b", type: "nation" }, delta()],
  },
  { kind: "budget", label: "console.effect.budget", fields: [{ name: "nation", type: "nation" }, delta(10000)] },
  { kind: "politicalCapital", label: "console.effect.politicalCapital", fields: [{ name: "nation", type: "nation" }, delta()] },
  { kind: "readiness", label: "console.effect.readiness", fields: [{ name: "nation", type: "nation" }, delta()] },
  { kind: "tension", label: "console.effect.tension", fields: [delta()] },
  {
    kind: "grantIntel",
    label: "mselform.effect.grantIntel",
    fields: [
      { name: "to", type: "nations" },
      { name: "title", type: "text", maxLength: 200 },
      { name: "text", type: "longText", maxLength: 4000 },
      { name: "source", type: "text", maxLength: 120, optional: true },
      { name: "reliability", type: "reliability" },
      { name: "credibility", type: "credibility" },
      { name: "classification", type: "classification" },
      { name: "regions", type: "regions", optional: true },
      { name: "releasability", type: "releasability", optional: true },
    ],
  },
];

export const kindOf = (kind: string) => EFFECT_KINDS.find((k) => k.kind === kind);

/** What a form holds: a string per field, a list for the multi-choice ones. */
export type EffectValues = Record<string, string | string[]>;
/** Why a row cannot be read: a field left empty, or a number out of the schema's range. */
export type FieldProblem = { problem: "missing" | "range"; field: string; min?: number; max?: number };
export const isProblem = (value: unknown): value is FieldProblem => typeof value === "object" && value !== null && "problem" in value;

/** The form's values of an effect. */
export function effectValues(effect: Effect): EffectValues {
  if (effect.kind === "grantIntel") {
    const r = effect.report;
    return {
      to: [...effect.to],
      title: r.title,
      text: r.text,
      source: r.source,
      reliability: r.reliability,
      credibility: r.credibility,
      classification: r.classification,
      regions: [...r.regions],
      releasability: r.releasability?.scope ?? "",
    };
  }
  const values: EffectValues = {};
  for (const [name, value] of Object.entries(effect)) if (name !== "kind") values[name] = String(value);
  return values;
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() : "");
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : []);

/**
 * The effect the form describes. `kept` is the effect the row was loaded with: what the form does
 * not show (a report's translations, the assets it names, where it claims they are) stays as it was.
 */
export function effectFrom(kind: EffectKind, values: EffectValues, kept?: Effect): Effect | FieldProblem {
  const spec = kindOf(kind)!;
  const out: Record<string, unknown> = {};
  for (const f of spec.fields) {
    if (f.type === "nations" || f.type === "regions") {
      if (!f.optional && many(values[f.name]).length === 0) return { problem: "missing", field: f.name };
      out[f.name] = [...many(values[f.name])];
      continue;
    }
    const raw = one(values[f.name]);
    if (!raw) {
      if (f.optional) continue;
      return { problem: "missing", field: f.name };
    }
    if (f.type === "number") {
      const n = Number(raw);
      if (!Number.isFinite(n) || n < f.min! || n > f.max!) return { problem: "range", field: f.name, min: f.min!, max: f.max! };
      out[f.name] = n;
    } else out[f.name] = raw;
  }
  if (kind !== "grantIntel") return { ...(kept?.kind === kind ? kept : {}), kind, ...out } as Effect;
  const before = kept?.kind === "grantIntel" ? kept : undefined;
  const { to, releasability, ...fields } = out as { to: string[]; releasability?: string } & Record<string, unknown>;
  const report: Record<string, unknown> = { ...before?.report, ...fields };
  if (!fields["source"]) delete report["source"];
  if (releasability) report["releasability"] = { ...before?.report.releasability, scope: releasability };
  else delete report["releasability"];
  return { ...before, kind, to, report } as Effect;
}
