import type { MessageKey } from "../../../shared/i18n/index.ts";
import type { BaseCondition, Condition } from "../../../shared/scenario/conditions.ts";
import type { FieldProblem } from "./effect-kinds.ts";

/**
 * A conditional trigger's condition as the builder shows it: one group of simple conditions
 * (shared/scenario/conditions.ts, BaseCondition), each possibly negated, that must all hold or
 * of which any must. Every shipped scenario's triggers but one fit it ("released two turns ago
 * and no cyber unit in Lakeland"); a condition nested deeper has no shape here and is edited
 * as JSON. No DOM: condition-builder.ts draws it.
 */
export type ConditionJoin = "single" | "all" | "any";
export type Clause = { negated: boolean; condition: BaseCondition };
export type ConditionShape = { join: ConditionJoin; clauses: Clause[] };
export type ClauseKind = BaseCondition["kind"];

export type ClauseFieldType = "region" | "nation" | "asset" | "inject" | "op" | "number" | "category" | "side" | "agreementKind" | "nations";
export type ClauseField = { name: string; type: ClauseFieldType; min?: number; max?: number; integer?: boolean; optional?: boolean };

const op: ClauseField = { name: "op", type: "op" };
const percent: ClauseField = { name: "value", type: "number", min: 0, max: 100 };

/** The simple conditions in the order the builder offers them, with the fields each asks for. */
export const CLAUSE_KINDS: { kind: ClauseKind; label: MessageKey; fields: ClauseField[] }[] = [
  {
    kind: "injectReleased",
    label: "mselform.cond.injectReleased",
    fields: [
      { name: "inject", type: "inject" },
      { name: "afterTurns", type: "number", min: 0, max: 100, integer: true },
    ],
  },
  { kind: "turnReached", label: "mselform.cond.turnReached", fields: [{ name: "turn", type: "number", min: 1, max: 100, integer: true }] },
  { kind: "turn", label: "mselform.cond.turn", fields: [op, { name: "value", type: "number", min: 0, max: 100, integer: true }] },
  { kind: "regionStability", label: "mselform.cond.regionStability", fields: [{ name: "region", type: "region" }, op, percent] },
  { kind: "crisisSeverity", label: "mselform.cond.crisisSeverity", fields: [{ name: "region", type: "region" }, op, percent] },
  { kind: "worstCrisis", label: "mselform.cond.worstCrisis", fields: [op, percent] },
  { kind: "trust", label: "mselform.cond.trust", fields: [{ name: "a", type: "nation" }, { name: "b", type: "nation" }, op, percent] },
  { kind: "interoperability", label: "mselform.cond.interoperability", fields: [{ name: "a", type: "nation" }, { name: "b", type: "nation" }, op, percent] },
  { kind: "cohesion", label: "mselform.cond.cohesion", fields: [op, percent] },
  { kind: "readiness", label: "mselform.cond.readiness", fields: [{ name: "nation", type: "nation" }, op, percent] },
  { kind: "tension", label: "mselform.cond.tension", fields: [op, percent] },
  {
    kind: "assetInRegion",
    label: "mselform.cond.assetInRegion",
    fields: [
      { name: "region", type: "region" },
      { name: "category", type: "category", optional: true },
      { name: "owner", type: "nation", optional: true },
      { name: "asset", type: "asset", optional: true },
      { name: "withinInject", type: "inject", optional: true },
      { name: "withinTurns", type: "number", min: 0, max: 100, integer: true, optional: true },
    ],
  },
  {
    kind: "forcesInRegion",
    label: "mselform.cond.forcesInRegion",
    fields: [{ name: "region", type: "region" }, { name: "side", type: "side" }, op, { name: "count", type: "number", min: 0, max: 1000, integer: true }],
  },
  {
    kind: "agreementInForce",
    label: "mselform.cond.agreementInForce",
    fields: [
      { name: "agreementKind", type: "agreementKind" },
      { name: "parties", type: "nations" },
    ],
  },
];

export const clauseKindOf = (kind: string) => CLAUSE_KINDS.find((k) => k.kind === kind);
const isBase = (c: Condition): c is BaseCondition => clauseKindOf(c.kind) !== undefined;

function clauseOf(c: Condition): Clause | null {
  if (isBase(c)) return { negated: false, condition: c };
  if (c.kind === "not" && isBase(c.condition)) return { negated: true, condition: c.condition };
  return null;
}

/** The builder's shape of a condition, or null when only JSON can say it (groups within groups). */
export function conditionShape(condition: Condition): ConditionShape | null {
  const single = clauseOf(condition);
  if (single) return { join: "single", clauses: [single] };
  if (condition.kind !== "all" && condition.kind !== "any") return null;
  const clauses = condition.of.map(clauseOf);
  return clauses.every((c): c is Clause => c !== null) ? { join: condition.kind, clauses } : null;
}

/** The condition a shape means; a single clause stands alone, a group keeps its kind even with one. */
export function conditionFrom(shape: ConditionShape): Condition {
  const conditions = shape.clauses.map((c): Condition => (c.negated ? { kind: "not", condition: c.condition } : c.condition));
  if (shape.join === "single" && conditions.length === 1) return conditions[0]!;
  return { kind: shape.join === "any" ? "any" : "all", of: conditions };
}

export type ClauseValues = Record<string, string | string[]>;

/** One simple condition's form values. */
export function clauseValues(condition: BaseCondition): ClauseValues {
  const values: ClauseValues = {};
  for (const [name, value] of Object.entries(condition)) {
    if (name === "kind") continue;
    if (name === "withinTurnsOfInject") {
      const within = value as { inject: string; turns: number };
      values["withinInject"] = within.inject;
      values["withinTurns"] = String(within.turns);
    } else values[name] = Array.isArray(value) ? [...value] : String(value);
  }
  return values;
}

/** The simple condition the form describes (`kept`, the one loaded: its fields keep their order). */
export function clauseFrom(kind: ClauseKind, values: ClauseValues, kept?: BaseCondition): BaseCondition | FieldProblem {
  const spec = clauseKindOf(kind)!;
  const out: Record<string, unknown> = { ...(kept?.kind === kind ? kept : {}), kind };
  for (const f of spec.fields) {
    const raw = values[f.name];
    if (f.type === "nations") {
      const list = Array.isArray(raw) ? raw : [];
      if (list.length < 2) return { problem: "missing", field: f.name };
      out[f.name] = [...list];
      continue;
    }
    const text = typeof raw === "string" ? raw.trim() : "";
    delete out[f.name];
    if (!text) {
      if (f.optional) continue;
      return { problem: "missing", field: f.name };
    }
    if (f.type === "number") {
      const n = Number(text);
      if (!Number.isFinite(n) || n < f.min! || n > f.max! || (f.integer && !Number.isInteger(n)))
        return { problem: "range", field: f.name, min: f.min!, max: f.max! };
      out[f.name] = n;
    } else out[f.name] = text;
  }
  if (kind === "assetInRegion") {
    const { withinInject, withinTurns, ...rest } = out;
    delete rest["withinTurnsOfInject"];
    if (withinInject === undefined) return rest as BaseCondition;
    return { ...rest, withinTurnsOfInject: { inject: withinInject as string, turns: (withinTurns as number | undefined) ?? 0 } } as BaseCondition;
  }
  return out as BaseCondition;
}
