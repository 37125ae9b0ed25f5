import { h } from "../ui/html.ts";
import type { GameContext } from "../game/context.ts";
import { otherNations } from "../game/names.ts";
import { t } from "../i18n.ts";
import { panelWords, capitalized, term } from "./words.ts";

/** Defence diplomacy: joint exercises, multilateral dialogue, public statements. */
export function diplomacyActions(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const w = panelWords();
  const send = (c: { type: string } & Record<string, unknown>) => getCtx().send(c);
  const heading = (key: "jointExercise" | "dialogue") => {
    const el = h("h4");
    w.custom(() => (el.textContent = capitalized(term("diplomacy", key))));
    return el;
  };
  const exPartners = w.checkboxes("panels.common.partners", "exercise-partners");
  const exTitle = w.attr(h("input", { name: "exerciseTitle", maxlength: "120" }), "placeholder", "panels.actions.exercise.placeholder");
  const exercise = w.form({
    label: "panels.actions.exercise.form",
    submit: "panels.actions.exercise.submit",
    success: "panels.actions.exercise.success",
    send,
    children: [heading("jointExercise"), exPartners.element, w.field("panels.actions.exercise.title", exTitle)],
    build: () =>
      !exPartners.values().length
        ? t("panels.common.errorPartner")
        : !exTitle.value.trim()
          ? t("panels.actions.exercise.errorTitle")
          : { type: "proposeJointExercise", partners: exPartners.values(), title: exTitle.value.trim() },
    reset: () => {
      exTitle.value = "";
      exPartners.clear();
    },
  });
  const dlgNations = w.checkboxes("panels.actions.dialogue.invite", "dialogue-nations");
  const topic = w.attr(h("input", { name: "topic", maxlength: "200" }), "placeholder", "panels.actions.dialogue.placeholder");
  const dialogue = w.form({
    label: "panels.actions.dialogue.form",
    submit: "panels.actions.dialogue.submit",
    success: "panels.actions.dialogue.success",
    send,
    children: [heading("dialogue"), dlgNations.element, w.field("panels.actions.dialogue.topic", topic)],
    build: () =>
      !dlgNations.values().length
        ? t("panels.actions.dialogue.errorNations")
        : !topic.value.trim()
          ? t("panels.actions.dialogue.errorTopic")
          : { type: "conveneDialogue", nations: dlgNations.values(), topic: topic.value.trim() },
    reset: () => {
      topic.value = "";
      dlgNations.clear();
    },
  });
  const stance = w.terms("stance", "publicStance", ["quiet", "reassuring", "firm", "assertive"]);
  const text = h("textarea", { name: "statement", rows: "2", maxlength: "1000" });
  const statement = w.form({
    label: "panels.actions.statement.form",
    submit: "panels.actions.statement.submit",
    success: "panels.actions.statement.success",
    send,
    children: [
      w.text(h("h4"), "panels.actions.statement.heading"),
      w.field("panels.actions.statement.stance", stance, "panels.actions.statement.stanceHint"),
      w.field("panels.actions.statement.text", text),
    ],
    build: () => (!text.value.trim() ? t("panels.actions.statement.error") : { type: "makeStatement", stance: stance.value, text: text.value.trim() }),
    reset: () => (text.value = ""),
  });
  const element = w.section("panels.actions.heading", exercise, dialogue, statement);
  return {
    element,
    update(ctx) {
      w.refresh();
      exPartners.set(otherNations(ctx.state, ctx.viewNation));
      dlgNations.set(otherNations(ctx.state, ctx.viewNation));
      element.hidden = !ctx.canAct;
    },
  };
}
