import { h, fill, keyedList, setOptions } from "../ui/html.ts";
import { t } from "../i18n.ts";
import { scenarioText } from "../game/names.ts";
import { commandForm, field, select, section } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { Observation } from "../../../shared/state/schema.ts";
import { ratingsGrid } from "./ratings-grid.ts";
import { clockTime, guideIndex, injectLabel, injectOptions, nationLabel, replayLink, type EvaluationRole } from "./evaluation-words.ts";

/**
 * The Evaluation tab (HSEEP EEG): the guide (objectives → capabilities → critical tasks), the
 * evaluators' observations with a form to add one, and the ratings grid. `roleOf` says what the
 * seat may do (exercise control, an evaluator, the lead evaluator); the server decides anyway.
 */
export function evaluationPanel(getCtx: () => GameContext, roleOf: (ctx: GameContext) => EvaluationRole): Panel {
  const guide = h("div", { class: "eeg" });
  const kind = select("kind", [
    { value: "strength", label: t("evalui.obs.strength") },
    { value: "improvement", label: t("evalui.obs.improvement") },
  ]);
  const text = h("textarea", { name: "observation", rows: "3", maxlength: "4000" });
  const task = select("task");
  const inject = select("inject");
  const nation = select("nation");
  const form = commandForm({
    label: t("evalui.obs.form"),
    submit: t("evalui.obs.submit"),
    success: t("evalui.obs.saved"),
    send: (c) => getCtx().send(c),
    children: [
      h("div", { class: "row" }, field(t("evalui.obs.kind"), kind), field(t("evalui.obs.task"), task)),
      field(t("evalui.obs.text"), text),
      h("div", { class: "row" }, field(t("evalui.obs.inject"), inject), field(t("evalui.obs.nation"), nation)),
    ],
    build: () =>
      !text.value.trim()
        ? t("evalui.obs.empty")
        : {
            type: "recordObservation",
            kind: kind.value,
            text: text.value.trim(),
            ...(task.value ? { task: task.value } : {}),
            ...(inject.value ? { inject: inject.value } : {}),
            ...(nation.value ? { nation: nation.value } : {}),
          },
    // Like the note form: each observation starts untagged, so a tag is never carried over unseen.
    reset: () => {
      text.value = "";
      task.value = "";
      inject.value = "";
      nation.value = "";
    },
  });
  const list = h("ol", { class: "observations", reversed: true, "aria-label": t("evalui.obs.list") });
  const grid = ratingsGrid(getCtx, roleOf);

  const renderObservation = (o: Observation) => {
    const ctx = getCtx();
    const g = guideIndex(ctx);
    const about = [g.taskTitle(o.task) || g.capabilityName(o.capability), injectLabel(ctx, o.inject), nationLabel(ctx, o.nation)].filter(Boolean).join(" · ");
    return h(
      "li",
      { class: `obs ${o.kind}` },
      h(
        "p",
        { class: "meta" },
        t("evalui.obs.meta", { kind: o.kind, time: clockTime(o.at), turn: o.turn, author: o.author }),
        " · ",
        h("a", { href: replayLink(ctx.state.exerciseId, o.seq), target: "_blank", rel: "noopener" }, t("evalui.obs.moment")),
      ),
      about ? h("p", { class: "meta" }, about) : null,
      h("p", {}, o.text),
    );
  };

  const renderGuide = (ctx: GameContext) => {
    const g = guideIndex(ctx);
    if (g.objectives.length === 0) return fill(guide, h("p", { class: "hint" }, t("evalui.eeg.none")));
    const sig = JSON.stringify([g.objectives.map((o) => o.id), document.documentElement.lang]);
    if (guide.dataset.sig === sig) return;
    guide.dataset.sig = sig;
    fill(
      guide,
      h(
        "ul",
        { class: "eeg-tree" },
        g.objectives.map((o) =>
          h(
            "li",
            {},
            h("strong", {}, t("evalui.eeg.objective", { title: scenarioText(ctx.state, o, "title") })),
            h(
              "ul",
              {},
              o.capabilities.map((c) =>
                h(
                  "li",
                  {},
                  t("evalui.eeg.capability", { name: scenarioText(ctx.state, c, "name") }),
                  h(
                    "ul",
                    {},
                    c.tasks.map((k) => h("li", { class: "task" }, scenarioText(ctx.state, k, "title"))),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  };

  return {
    id: "evaluation",
    title: t("evalui.tab"),
    element: h(
      "div",
      { class: "panel" },
      h("h2", {}, t("evalui.title")),
      section(t("evalui.eeg.title"), guide),
      section(t("evalui.obs.title"), form, list),
      grid.element,
    ),
    update(ctx) {
      const g = guideIndex(ctx);
      renderGuide(ctx);
      setOptions(
        task,
        g.tasks.map((k) => ({ value: k.id, label: t("evalui.obs.taskOption", { capability: g.capabilityName(k.capability), task: k.title }) })),
        t("evalui.obs.noTag"),
      );
      setOptions(inject, injectOptions(ctx), t("evalui.obs.noTag"));
      setOptions(
        nation,
        Object.values(ctx.state.nations).map((n) => ({ value: n.id, label: nationLabel(ctx, n.id) })),
        t("evalui.obs.noTag"),
      );
      keyedList(
        list,
        Object.values(ctx.perspective?.observations ?? {}).sort((a, b) => b.at - a.at || b.seq - a.seq),
        (o) => o.id,
        renderObservation,
      );
      if (list.children.length === 0) list.setAttribute("data-empty", t("evalui.obs.none"));
      else list.removeAttribute("data-empty");
      form.hidden = !roleOf(ctx).writes;
      grid.update(ctx);
    },
    badge: () => 0,
  };
}
