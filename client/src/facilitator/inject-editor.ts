import { h, fill } from "../ui/html.ts";
import { t } from "../i18n.ts";
import { nationName, term } from "../game/names.ts";
import { field, keepOrder, select, statusLine } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import type { InjectView } from "../state/client-state.ts";
import type { CommandResult } from "../net/session.ts";
import type { Vocabulary } from "../../../shared/i18n/index.ts";
import { guideIndex } from "./evaluation-words.ts";
import { effectRows } from "./effect-rows.ts";
import { editableRows } from "../ui/editable-rows.ts";
import { expectedResponseEditor } from "./expected-response-editor.ts";
import { conditionBuilder } from "./condition-builder.ts";
import { translationFields } from "./translation-fields.ts";
import { fieldPlaces } from "./inject-values.ts";

const opts = (vocabulary: Vocabulary, values: string[]) => values.map((v) => ({ value: v, label: term(vocabulary, v) }));
/** The schema sets no limit on an inject's expected actions; a screenful of rows is the practical one. */
const MOST_EXPECTED = 20;

/** A part of the form that cannot be read, and why (already in the seat's language). */
class FormFault {
  readonly field: string;
  readonly words: string;
  constructor(field: string, words: string) {
    this.field = field;
    this.words = words;
  }
}

/** What the editor opens on: an inject to edit, or a new one (blank, a duplicate, or a correction of a released one). */
export type EditorTarget =
  | { mode: "edit"; inject: InjectView }
  | { mode: "add"; from?: InjectView; after: string | null; number: string; titlePrefix?: string };

/**
 * The MSEL editor's form: every field of one inject. Effects and expected actions are rows of
 * fields, a conditional trigger's condition is built from simple conditions (JSON only for one
 * nested deeper), the translations are a set of fields per language. What a row does not show
 * (a report's translations, an expected action's outcome) is kept as it was. The server checks
 * the whole with the scenario validator and names each fault; each is shown next to its field,
 * its row or its list (a fault elsewhere, such as another inject waiting for this one, above).
 */
export function injectEditor(getCtx: () => GameContext, target: EditorTarget, close: (done?: string) => void): HTMLElement {
  const source = target.mode === "edit" ? target.inject : target.from;
  const number = h("input", { name: "number", maxlength: "20", value: target.mode === "edit" ? target.inject.number : target.number });
  const trigger = source?.trigger ?? { kind: "manual" as const };
  const kind = select("triggerKind", [
    { value: "scheduled", label: t("msel.editor.scheduled") },
    { value: "manual", label: t("msel.editor.manual") },
    { value: "conditional", label: t("msel.editor.conditional") },
  ]);
  kind.value = trigger.kind;
  const turn = h("input", {
    name: "turn",
    type: "number",
    min: "1",
    max: "100",
    class: "tiny",
    value: String(
      trigger.kind === "scheduled" ? trigger.turn : trigger.kind === "conditional" ? (trigger.earliestTurn ?? 1) : Math.max(getCtx().state.turn, 1),
    ),
  });
  const condition = conditionBuilder(getCtx(), trigger.kind === "conditional" ? trigger.condition : undefined);
  const type = select("type", opts("injectType", ["event", "information", "media", "contingency"]));
  type.value = source?.type ?? "information";
  const delivery = select("delivery", opts("delivery", ["message", "phone", "email", "media", "intelligence", "in-person", "briefing"]));
  delivery.value = source?.delivery ?? "message";
  const from = h("input", { name: "from", maxlength: "80", value: source?.from ?? t("console.inject.defaultFrom") });
  const nations = Object.values(getCtx().state.nations);
  const all = h("input", { type: "checkbox", name: "toAll", checked: !source || source.to === "all" });
  const boxes = nations.map((n) =>
    h("input", { type: "checkbox", name: "to", value: n.id, checked: source !== undefined && source.to !== "all" && source.to.includes(n.id) }),
  );
  const toList = h(
    "div",
    { class: "check-list", hidden: all.checked },
    ...nations.map((n, i) => h("label", { class: "check" }, boxes[i]!, " ", nationName(getCtx().state, n.id))),
  );
  all.addEventListener("change", () => (toList.hidden = all.checked));
  const title = h("input", {
    name: "title",
    maxlength: "160",
    value: `${target.mode === "add" && target.titlePrefix ? target.titlePrefix : ""}${source?.title ?? ""}`,
  });
  const body = h("textarea", { name: "body", rows: "5", maxlength: "4000" });
  body.value = source?.body ?? "";
  const effects = effectRows({
    label: t("msel.editor.effects"),
    item: t("console.inject.effect"),
    add: t("console.inject.addEffect"),
    initial: 0,
    field: "effects",
  });
  effects.update(getCtx());
  effects.load(source?.effects ?? []);
  const expected = editableRows({
    label: t("msel.editor.expected"),
    item: t("console.inject.response"),
    add: t("console.inject.addResponse"),
    initial: 0,
    most: MOST_EXPECTED,
    create: expectedResponseEditor,
    field: "expectedActions",
  });
  expected.update(getCtx());
  expected.load(source?.expectedActions ?? []);
  const objective = h("input", { name: "objective", maxlength: "200", value: source?.objective ?? "" });
  const capability = h("input", { name: "capability", maxlength: "200", value: source?.capability ?? "" });
  const controller = h("input", { name: "controller", maxlength: "80", value: source?.controller ?? "" });
  const notes = h("textarea", { name: "notes", rows: "2", maxlength: "2000" });
  notes.value = source?.notes ?? "";
  const i18n = translationFields(getCtx().state.scenario, source?.i18n);
  // The EEG's critical tasks this inject tests: what the AAR analyses it under.
  const guideTasks = guideIndex(getCtx()).tasks;
  const kept = new Set(source?.tasks ?? []);
  const taskBoxes = guideTasks.map((k) => h("input", { type: "checkbox", name: "tasks", value: k.id, checked: kept.has(k.id) }));
  // A task the guide no longer names stays on the inject rather than vanishing on save.
  const unknownTasks = [...kept].filter((id) => !guideTasks.some((k) => k.id === id));
  const tasksField =
    guideTasks.length === 0
      ? null
      : h(
          "fieldset",
          {},
          h("legend", {}, t("msel.editor.tasks")),
          h("div", { class: "check-list" }, ...guideTasks.map((k, i) => h("label", { class: "check" }, taskBoxes[i]!, " ", k.title))),
        );
  const held = h("input", { type: "checkbox", name: "held" });
  const reason = h("input", { name: "reason", maxlength: "500" });
  const general = h("ul", { class: "field-errors", role: "alert" });
  const status = statusLine();

  // Each field's wrapper carries the inject field it edits, so a fault lands beside it.
  const at = (name: string, el: HTMLElement) => ((el.dataset.field = name), el);
  const conditionSet = at("trigger.condition", h("fieldset", { class: "condition-set" }, h("legend", {}, t("msel.editor.condition")), condition.element));
  const syncTurn = () => ((turn.disabled = kind.value === "manual"), (conditionSet.hidden = kind.value !== "conditional"));
  kind.addEventListener("change", syncTurn);
  syncTurn();

  // A part of the form that cannot be read says why, at its place.
  const readOr = <T>(value: T | string, name: string): T => {
    if (typeof value === "string") throw new FormFault(name, value);
    return value;
  };
  const build = () => {
    const n = Math.round(Number(turn.value));
    const triggerValue =
      kind.value === "manual"
        ? { kind: "manual" }
        : kind.value === "scheduled"
          ? { kind: "scheduled", turn: n }
          : { kind: "conditional", condition: readOr(condition.read(), "trigger.condition"), earliestTurn: n };
    const spec: Record<string, unknown> = {
      number: number.value.trim(),
      trigger: triggerValue,
      type: type.value,
      delivery: delivery.value,
      from: from.value,
      to: all.checked
        ? "all"
        : keepOrder(
            source && source.to !== "all" ? source.to : [],
            boxes.filter((b) => b.checked).map((b) => b.value),
          ),
      title: title.value,
      body: body.value,
      effects: readOr(effects.read(), "effects"),
      expectedActions: readOr(expected.read(), "expectedActions"),
      objective: objective.value,
      capability: capability.value,
    };
    const tasks = [...taskBoxes.filter((b) => b.checked).map((b) => b.value), ...unknownTasks];
    if (tasks.length) spec.tasks = tasks;
    if (controller.value.trim()) spec.controller = controller.value.trim();
    if (notes.value.trim()) spec.notes = notes.value;
    const translations = i18n.read();
    if (translations !== undefined) spec.i18n = translations;
    return spec;
  };

  const showProblems = (result: CommandResult) => {
    for (const old of form.querySelectorAll(".field-error")) old.remove();
    fill(general);
    if (result.ok || !result.problems?.length) return;
    for (const problem of result.problems) {
      // The most precise place the form has: the field, its row, its list.
      const place = fieldPlaces(problem.field).find((p) => form.querySelector(`[data-field="${CSS.escape(p)}"]`));
      const owner = place ? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(place)}"]`) : null;
      const line = `${problem.field === place ? "" : `${problem.field}: `}${problem.message}`;
      if (owner) {
        owner.append(h("p", { class: "field-error", role: "alert" }, `⚠ ${line}`));
        owner.closest("details")?.setAttribute("open", "");
      } else general.append(h("li", {}, `⚠ ${line}`));
    }
  };

  const submit = h("button", { type: "submit", class: "primary" }, target.mode === "edit" ? t("msel.editor.save") : t("msel.editor.add"));
  const cancel = h("button", { type: "button", onclick: () => close() }, t("console.control.cancel"));
  const heading = target.mode === "edit" ? t("msel.editor.editTitle", { number: target.inject.number }) : t("msel.editor.addTitle");
  const form = h(
    "form",
    { class: "inject-editor", "aria-label": heading, noValidate: true },
    h("h3", {}, heading),
    general,
    h(
      "div",
      { class: "row" },
      at("number", field(t("console.inject.number"), number)),
      at("type", field(t("console.inject.type"), type)),
      at("delivery", field(t("console.inject.delivery"), delivery)),
    ),
    at("trigger", h("div", { class: "row" }, field(t("msel.editor.when"), kind), field(t("msel.editor.turn"), turn, t("mselform.turnHint")))),
    conditionSet,
    at("from", field(t("console.inject.from"), from)),
    at("to", h("fieldset", {}, h("legend", {}, t("console.inject.to")), h("label", { class: "check" }, all, " ", t("console.inject.all")), toList)),
    at("title", field(t("console.inject.injectTitle"), title)),
    at("body", field(t("console.inject.text"), body)),
    at("effects", h("fieldset", {}, h("legend", {}, t("msel.editor.effects")), effects.element)),
    at("expectedActions", h("fieldset", {}, h("legend", {}, t("msel.editor.expected")), expected.element)),
    h(
      "div",
      { class: "row" },
      at("objective", field(t("console.inject.objective"), objective)),
      at("capability", field(t("console.inject.capability"), capability)),
    ),
    tasksField ? at("tasks", tasksField) : null,
    h(
      "div",
      { class: "row" },
      at("controller", field(t("msel.editor.controller"), controller, t("msel.editor.controllerHint"))),
      at("notes", field(t("msel.editor.notes"), notes)),
    ),
    at("i18n", i18n.element),
    target.mode === "add" ? h("label", { class: "check" }, held, " ", t("msel.editor.held")) : null,
    field(t("msel.editor.reason"), reason, t("msel.editor.reasonHint")),
    h("div", { class: "actions" }, submit, cancel),
    status.element,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let spec: Record<string, unknown>;
    try {
      spec = build();
    } catch (caught) {
      if (!(caught instanceof FormFault)) throw caught;
      showProblems({ ok: false, code: "invalid_inject", message: "", problems: [{ field: caught.field, message: caught.words }] });
      return status.error(caught.words);
    }
    submit.disabled = true;
    const command =
      target.mode === "edit"
        ? { type: "editInject", inject: target.inject.id, spec, reason: reason.value.trim() }
        : { type: "addInject", spec, after: target.after, held: held.checked, reason: reason.value.trim() };
    const result = await getCtx().send(command);
    submit.disabled = false;
    showProblems(result);
    const done = target.mode === "edit" ? t("msel.editor.saved", { number: number.value.trim() }) : t("msel.editor.added", { number: number.value.trim() });
    status.show(result, done);
    if (result.ok) close(done);
  });
  queueMicrotask(() => number.focus());
  return form;
}
