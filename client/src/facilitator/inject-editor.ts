import { h, fill } from "../ui/html.ts";
import { t } from "../i18n.ts";
import { nationName, term } from "../game/names.ts";
import { field, select, statusLine } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import type { InjectView } from "../state/client-state.ts";
import type { CommandResult } from "../net/session.ts";
import type { Vocabulary } from "../../../shared/i18n/index.ts";
import { guideIndex } from "./evaluation-words.ts";

const opts = (vocabulary: Vocabulary, values: string[]) => values.map((v) => ({ value: v, label: term(vocabulary, v) }));
const json = (value: unknown) => (value === undefined ? "" : JSON.stringify(value, null, 2));

/** What the editor opens on: an inject to edit, or a new one (blank, a duplicate, or a correction of a released one). */
export type EditorTarget =
  | { mode: "edit"; inject: InjectView }
  | { mode: "add"; from?: InjectView; after: string | null; number: string; titlePrefix?: string };

/**
 * The MSEL editor's form: every field of one inject. Texts are fields; effects, expected actions,
 * a trigger's condition and translations are JSON, as in the spreadsheet's machine columns. The
 * server checks the whole with the scenario validator and names each fault; each is shown next
 * to its field (a fault elsewhere, such as another inject waiting for this one, above the form).
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
  const condition = h("textarea", { name: "condition", rows: "3", class: "code-input" });
  condition.value = trigger.kind === "conditional" ? json(trigger.condition) : "";
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
  const effects = h("textarea", { name: "effects", rows: "3", class: "code-input" });
  effects.value = json(source?.effects ?? []);
  const expected = h("textarea", { name: "expectedActions", rows: "3", class: "code-input" });
  expected.value = json(source?.expectedActions ?? []);
  const objective = h("input", { name: "objective", maxlength: "200", value: source?.objective ?? "" });
  const capability = h("input", { name: "capability", maxlength: "200", value: source?.capability ?? "" });
  const controller = h("input", { name: "controller", maxlength: "80", value: source?.controller ?? "" });
  const notes = h("textarea", { name: "notes", rows: "2", maxlength: "2000" });
  notes.value = source?.notes ?? "";
  const i18n = h("textarea", { name: "i18n", rows: "2", class: "code-input" });
  i18n.value = source?.i18n ? json(source.i18n) : "";
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
  const reason = h("input", { name: "reason", maxlength: "500", placeholder: t("msel.editor.reasonHint") });
  const general = h("ul", { class: "field-errors", role: "alert" });
  const status = statusLine();

  // Each field's wrapper carries the inject field it edits, so a fault lands beside it.
  const at = (name: string, el: HTMLElement) => ((el.dataset.field = name), el);
  const syncTurn = () => ((turn.disabled = kind.value === "manual"), (condition.disabled = kind.value !== "conditional"));
  kind.addEventListener("change", syncTurn);
  syncTurn();

  const parseJson = (area: HTMLTextAreaElement, name: string, fallback: unknown): unknown => {
    if (!area.value.trim()) return fallback;
    try {
      return JSON.parse(area.value);
    } catch {
      throw Object.assign(new Error(t("msel.editor.badJson")), { field: name });
    }
  };
  const build = () => {
    const n = Math.round(Number(turn.value));
    const triggerValue =
      kind.value === "manual"
        ? { kind: "manual" }
        : kind.value === "scheduled"
          ? { kind: "scheduled", turn: n }
          : { kind: "conditional", condition: parseJson(condition, "trigger", undefined), earliestTurn: n };
    const spec: Record<string, unknown> = {
      number: number.value.trim(),
      trigger: triggerValue,
      type: type.value,
      delivery: delivery.value,
      from: from.value,
      to: all.checked ? "all" : boxes.filter((b) => b.checked).map((b) => b.value),
      title: title.value,
      body: body.value,
      effects: parseJson(effects, "effects", []),
      expectedActions: parseJson(expected, "expectedActions", []),
      objective: objective.value,
      capability: capability.value,
    };
    const tasks = [...taskBoxes.filter((b) => b.checked).map((b) => b.value), ...unknownTasks];
    if (tasks.length) spec.tasks = tasks;
    if (controller.value.trim()) spec.controller = controller.value.trim();
    if (notes.value.trim()) spec.notes = notes.value;
    const translations = parseJson(i18n, "i18n", undefined);
    if (translations !== undefined) spec.i18n = translations;
    return spec;
  };

  const showProblems = (result: CommandResult) => {
    for (const old of form.querySelectorAll(".field-error")) old.remove();
    fill(general);
    if (result.ok || !result.problems?.length) return;
    for (const problem of result.problems) {
      const head = /^[a-zA-Z0-9]+/.exec(problem.field)?.[0] ?? "";
      const owner = head && !problem.field.includes(" ") ? form.querySelector<HTMLElement>(`[data-field="${head}"]`) : null;
      const line = `${problem.field === head ? "" : `${problem.field}: `}${problem.message}`;
      if (owner) owner.append(h("p", { class: "field-error", role: "alert" }, `⚠ ${line}`));
      else general.append(h("li", {}, `⚠ ${line}`));
    }
  };

  const submit = h("button", { type: "submit", class: "primary" }, target.mode === "edit" ? t("msel.editor.save") : t("msel.editor.add"));
  const cancel = h("button", { type: "button", onclick: () => close() }, t("console.control.cancel"));
  const heading = target.mode === "edit" ? t("msel.editor.editTitle", { number: target.inject.number }) : t("msel.editor.addTitle");
  const form = h(
    "form",
    { class: "inject-editor", "aria-label": heading },
    h("h3", {}, heading),
    general,
    h(
      "div",
      { class: "row" },
      at("number", field(t("console.inject.number"), number)),
      at("type", field(t("console.inject.type"), type)),
      at("delivery", field(t("console.inject.delivery"), delivery)),
    ),
    at(
      "trigger",
      h(
        "div",
        { class: "row" },
        field(t("msel.editor.when"), kind),
        field(t("msel.editor.turn"), turn),
        field(t("msel.editor.condition"), condition, t("msel.editor.conditionHint")),
      ),
    ),
    at("from", field(t("console.inject.from"), from)),
    at("to", h("fieldset", {}, h("legend", {}, t("console.inject.to")), h("label", { class: "check" }, all, " ", t("console.inject.all")), toList)),
    at("title", field(t("console.inject.injectTitle"), title)),
    at("body", field(t("console.inject.text"), body)),
    at("effects", field(t("msel.editor.effects"), effects, t("msel.editor.jsonHint"))),
    at("expectedActions", field(t("msel.editor.expected"), expected, t("msel.editor.jsonHint"))),
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
    at("i18n", field(t("msel.editor.translations"), i18n, t("msel.editor.translationsHint"))),
    target.mode === "add" ? h("label", { class: "check" }, held, " ", t("msel.editor.held")) : null,
    field(t("msel.editor.reason"), reason),
    h("div", { class: "actions" }, submit, cancel),
    status.element,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let spec: Record<string, unknown>;
    try {
      spec = build();
    } catch (error) {
      const name = (error as { field?: string }).field ?? "";
      showProblems({ ok: false, code: "invalid_json", message: "", problems: [{ field: name, message: (error as Error).message }] });
      return status.error(t("msel.editor.badJson"));
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
