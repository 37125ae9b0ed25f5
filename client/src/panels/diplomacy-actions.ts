import { h } from "../ui/html.ts";
import { commandForm, field, select, checkboxGroup, section } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { otherNations } from "../game/names.ts";

/** Defence diplomacy: joint exercises, multilateral dialogue, public statements. */
export function diplomacyActions(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const send = (c: { type: string } & Record<string, unknown>) => getCtx().send(c);
  const exPartners = checkboxGroup("Partners", "exercise-partners");
  const exTitle = h("input", { name: "exerciseTitle", maxlength: "120", placeholder: "e.g. Baltic medical evacuation drill" });
  const exercise = commandForm({
    label: "Propose a joint exercise",
    submit: "Propose joint exercise",
    success: "Joint exercise proposed: it takes place once the partners accept.",
    send,
    children: [h("h4", {}, "Joint exercise"), exPartners.element, field("Exercise title", exTitle)],
    build: () => (!exPartners.values().length ? "Choose at least one partner." : !exTitle.value.trim() ? "Give the exercise a title." : { type: "proposeJointExercise", partners: exPartners.values(), title: exTitle.value.trim() }),
    reset: () => {
      exTitle.value = "";
      exPartners.clear();
    },
  });
  const dlgNations = checkboxGroup("Invite", "dialogue-nations");
  const topic = h("input", { name: "topic", maxlength: "200", placeholder: "e.g. Maritime security in the strait" });
  const dialogue = commandForm({
    label: "Convene a dialogue",
    submit: "Convene dialogue",
    success: "Dialogue convened for this turn's resolution.",
    send,
    children: [h("h4", {}, "Multilateral dialogue"), dlgNations.element, field("Topic", topic)],
    build: () => (!dlgNations.values().length ? "Invite at least one nation." : !topic.value.trim() ? "Give the dialogue a topic." : { type: "conveneDialogue", nations: dlgNations.values(), topic: topic.value.trim() }),
    reset: () => {
      topic.value = "";
      dlgNations.clear();
    },
  });
  const stance = select("stance", ["quiet", "reassuring", "firm", "assertive"].map((v) => ({ value: v, label: v })));
  const text = h("textarea", { name: "statement", rows: "2", maxlength: "1000" });
  const statement = commandForm({
    label: "Make a public statement",
    submit: "Make statement",
    success: "Statement published on the public channel.",
    send,
    children: [h("h4", {}, "Public statement"), field("Stance", stance, "Assertive statements alarm partners; reassuring ones calm them."), field("Statement", text)],
    build: () => (!text.value.trim() ? "Write the statement." : { type: "makeStatement", stance: stance.value, text: text.value.trim() }),
    reset: () => (text.value = ""),
  });
  const element = section("Diplomacy", exercise, dialogue, statement);
  return {
    element,
    update(ctx) {
      exPartners.set(otherNations(ctx.state, ctx.viewNation));
      dlgNations.set(otherNations(ctx.state, ctx.viewNation));
      element.hidden = !ctx.canAct;
    },
  };
}
