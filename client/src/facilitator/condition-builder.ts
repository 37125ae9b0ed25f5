import { h } from "../ui/html.ts";
import { t } from "../i18n.ts";
import type { MessageKey } from "../../../shared/i18n/index.ts";
import type { Condition } from "../../../shared/scenario/conditions.ts";
import { term } from "../game/names.ts";
import { field, select } from "../ui/form.ts";
import { editableRows, type RowEditor } from "../ui/editable-rows.ts";
import type { GameContext } from "../game/context.ts";
import { specControl, numberInput, type SpecControl } from "./spec-control.ts";
import { isProblem } from "./effect-kinds.ts";
import { CLAUSE_KINDS, clauseFrom, clauseKindOf, clauseValues, conditionFrom, conditionShape, type Clause, type ClauseField } from "./condition-shape.ts";

/** A trigger waits on a handful of conditions at most; a screenful of rows is the practical limit. */
const MOST_CLAUSES = 8;

const LABELS: Record<string, MessageKey> = {
  inject: "mselform.cond.field.inject",
  afterTurns: "mselform.cond.field.afterTurns",
  turn: "mselform.cond.field.turn",
  op: "mselform.cond.field.op",
  value: "mselform.cond.field.value",
  region: "console.effect.region",
  a: "console.effect.nationA",
  b: "console.effect.nationB",
  nation: "console.effect.nation",
  category: "mselform.cond.field.category",
  owner: "mselform.cond.field.owner",
  asset: "mselform.cond.field.asset",
  withinInject: "mselform.cond.field.withinInject",
  withinTurns: "mselform.cond.field.withinTurns",
  side: "mselform.cond.field.side",
  count: "mselform.cond.field.count",
  agreementKind: "mselform.cond.field.agreementKind",
  parties: "mselform.cond.field.parties",
};
const OPS: Record<string, MessageKey> = {
  ">=": "mselform.op.atLeast",
  "<=": "mselform.op.atMost",
  ">": "mselform.op.moreThan",
  "<": "mselform.op.lessThan",
  "==": "mselform.op.exactly",
};
const CATEGORIES = ["naval", "air", "land", "isr", "cyber", "logistics", "medical"];
const AGREEMENTS = ["mou", "sofa", "intel-sharing", "joint-exercise-programme", "command-arrangement"];

function control(f: ClauseField): SpecControl {
  const label = t(LABELS[f.name]!);
  const any = f.optional ? t("console.response.anyRegion") : undefined;
  switch (f.type) {
    case "op":
      return specControl({ name: f.name, label, type: "choice", choices: () => Object.entries(OPS).map(([op, key]) => ({ value: op, label: t(key) })) });
    case "category":
      return specControl({
        name: f.name,
        label,
        type: "choice",
        blank: t("console.response.anyRegion"),
        choices: () => CATEGORIES.map((c) => ({ value: c, label: term("assetCategory", c) })),
      });
    case "side":
      return specControl({
        name: f.name,
        label,
        type: "choice",
        choices: () => (["alliance", "adversary"] as const).map((s) => ({ value: s, label: t(`mselform.side.${s}`) })),
      });
    case "agreementKind":
      return specControl({ name: f.name, label, type: "choice", choices: () => AGREEMENTS.map((k) => ({ value: k, label: term("agreementKind", k) })) });
    case "inject":
      return specControl({ name: f.name, label, type: "inject", blank: any ?? t("mselform.cond.chooseInject") });
    case "region":
    case "nation":
    case "asset":
      return specControl({
        name: f.name,
        label,
        type: f.type,
        blank: any ?? t(`console.effect.choose${f.type === "region" ? "Region" : f.type === "nation" ? "Nation" : "Asset"}`),
      });
    default:
      return specControl({ name: f.name, label, type: f.type });
  }
}

/** One simple condition: its kind, its fields, and whether it must not hold. */
function clauseEditor(): RowEditor<Clause, GameContext> {
  const kind = select(
    "conditionKind",
    CLAUSE_KINDS.map((k) => ({ value: k.kind, label: t(k.label) })),
  );
  const negated = h("input", { type: "checkbox", name: "negated" });
  const controls = new Map<string, SpecControl>();
  for (const k of CLAUSE_KINDS) for (const f of k.fields) if (!controls.has(f.name)) controls.set(f.name, control(f));
  for (const [name, c] of controls) c.element.dataset.part = name;
  let kept: Clause | undefined;
  const show = () => {
    const spec = clauseKindOf(kind.value)!;
    for (const [name, c] of controls) {
      const f = spec.fields.find((x) => x.name === name);
      c.element.hidden = !f;
      // One name, several limits ("value" is 0–100 for stability, a whole turn for "turn").
      if (f?.type === "number") Object.assign(numberInput(c), { min: String(f.min), max: String(f.max), step: f.integer ? "1" : "any" });
    }
  };
  kind.addEventListener("change", show);
  show();
  for (const [name, value] of Object.entries({ afterTurns: "0", count: "1", value: "50", turn: "1" })) controls.get(name)?.set(value);
  // On a line of its own: the kinds' names are long, and so are the injects' the fields offer.
  const kindField = field(t("mselform.cond.kind"), kind);
  kindField.classList.add("full");
  return {
    fields: [
      h("div", { class: "row" }, kindField, ...[...controls.values()].map((c) => c.element)),
      h("label", { class: "check" }, negated, " ", t("mselform.cond.negated")),
    ],
    read() {
      const spec = clauseKindOf(kind.value)!;
      const values = Object.fromEntries(spec.fields.map((f) => [f.name, controls.get(f.name)!.get()]));
      const condition = clauseFrom(spec.kind, values, kept?.condition);
      if (!isProblem(condition)) return { negated: negated.checked, condition };
      const name = t(LABELS[condition.field]!);
      if (condition.field === "parties") return t("mselform.cond.twoParties");
      return condition.problem === "range"
        ? t("mselform.range", { field: name, min: condition.min!, max: condition.max! })
        : t("console.effect.missing", { field: name });
    },
    write(clause) {
      kept = clause;
      kind.value = clause.condition.kind;
      negated.checked = clause.negated;
      show();
      for (const [name, value] of Object.entries(clauseValues(clause.condition))) controls.get(name)?.set(value);
    },
    update(ctx) {
      for (const c of controls.values()) c.options(ctx);
    },
  };
}

export type ConditionBuilder = { element: HTMLElement; read(): Condition | string };

/**
 * A conditional trigger's condition: a group of simple conditions that must all (or any) hold,
 * built field by field. A condition the builder cannot show (a group within a group) opens as
 * JSON, and only then; a fault in it is named ("Unexpected token } in JSON at position 40").
 */
export function conditionBuilder(ctx: GameContext, initial: Condition | undefined): ConditionBuilder {
  const shape = initial ? conditionShape(initial) : { join: "single" as const, clauses: [] };
  const join = select("conditionJoin", [
    { value: "all", label: t("mselform.cond.all") },
    { value: "any", label: t("mselform.cond.any") },
  ]);
  join.value = shape?.join === "any" ? "any" : "all";
  const joinField = field(t("mselform.cond.join"), join);
  const rows = editableRows({
    label: t("mselform.cond.list"),
    item: t("mselform.cond.item"),
    add: t("mselform.cond.add"),
    initial: 1,
    most: MOST_CLAUSES,
    create: clauseEditor,
    field: "trigger.condition.of",
  });
  rows.update(ctx);
  if (shape?.clauses.length) rows.load(shape.clauses);
  // A single condition stands alone unless it was loaded inside a group ("all of: one").
  const bare = shape?.join !== "all" && shape?.join !== "any";
  const count = () => rows.element.querySelectorAll("fieldset.editable-row").length;
  const syncJoin = () => (joinField.hidden = count() < 2 && bare);
  rows.element.addEventListener("click", () => queueMicrotask(syncJoin));
  const builder = h("div", { class: "condition-builder" }, joinField, rows.element);

  const json = h("textarea", { name: "condition", rows: "5", class: "code-input" });
  // The builder's own answer to "Use the builder"; a fault found on saving is placed by the editor.
  const problem = h("p", { class: "condition-problem", role: "alert", hidden: true });
  const toBuilder = h("button", { type: "button", class: "small" }, t("mselform.cond.toBuilder"));
  const advanced = h(
    "div",
    { class: "condition-advanced" },
    field(t("mselform.cond.json"), json, t("mselform.cond.jsonHint")),
    problem,
    h("div", { class: "actions" }, toBuilder),
  );
  let asJson = initial !== undefined && shape === null;
  if (asJson) json.value = JSON.stringify(initial, null, 2);
  const showMode = () => ((builder.hidden = asJson), (advanced.hidden = !asJson));
  const say = (text: string | null) => ((problem.hidden = text === null), (problem.textContent = text ? `⚠ ${text}` : ""));
  const parsed = (): Condition | string => {
    try {
      const value = JSON.parse(json.value) as unknown;
      if (typeof value !== "object" || value === null || Array.isArray(value) || typeof (value as { kind?: unknown }).kind !== "string")
        return t("mselform.cond.notACondition");
      return value as Condition;
    } catch (error) {
      return t("mselform.cond.badJson", { problem: (error as Error).message });
    }
  };
  toBuilder.addEventListener("click", () => {
    // An emptied box starts over with one blank condition.
    if (!json.value.trim()) {
      rows.reset();
      asJson = false;
      return (say(null), showMode(), syncJoin());
    }
    const value = parsed();
    if (typeof value === "string") return say(value);
    const simple = conditionShape(value);
    if (!simple) return say(t("mselform.cond.tooDeep"));
    join.value = simple.join === "any" ? "any" : "all";
    rows.load(simple.clauses);
    asJson = false;
    say(null);
    showMode();
    syncJoin();
  });
  showMode();
  syncJoin();
  const element = h("div", { class: "condition-field" }, builder, advanced);
  return {
    element,
    read() {
      if (asJson) {
        say(null);
        return parsed();
      }
      const clauses = rows.read();
      if (typeof clauses === "string") return clauses;
      if (clauses.length === 0) return t("mselform.cond.none");
      return conditionFrom({ join: clauses.length === 1 && bare ? "single" : join.value === "any" ? "any" : "all", clauses });
    },
  };
}
