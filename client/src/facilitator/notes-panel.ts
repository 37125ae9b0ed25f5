import { h, keyedList, setOptions } from "../ui/html.ts";
import { t, lang } from "../i18n.ts";
import { ref, listIn, formatDateTime } from "../../../shared/i18n/index.ts";
import { nameLookup, scenarioText } from "../game/names.ts";
import { commandForm, field, select, section } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { ObserverNote } from "../../../shared/state/schema.ts";
import { injectOptions } from "./evaluation-words.ts";

/** Observer notes for the after-action review, optionally tied to an inject or an objective. */
export function notesPanel(getCtx: () => GameContext): Panel {
  const text = h("textarea", { name: "note", rows: "3", maxlength: "4000" });
  const inject = select("inject");
  const objective = select("objective");
  const form = commandForm({
    label: t("console.notes.add"),
    submit: t("console.notes.submit"),
    success: t("console.notes.saved"),
    send: (c) => getCtx().send(c),
    children: [
      field(t("console.notes.observation"), text),
      h("div", { class: "row" }, field(t("console.notes.aboutInject"), inject), field(t("console.notes.aboutObjective"), objective)),
    ],
    build: () =>
      !text.value.trim()
        ? t("console.notes.empty")
        : {
            type: "addNote",
            text: text.value.trim(),
            ...(inject.value ? { inject: inject.value } : {}),
            ...(objective.value ? { objective: objective.value } : {}),
          },
    // Each note starts untagged: a tag kept from the last note would tie the next one to the wrong inject.
    reset: () => {
      text.value = "";
      inject.value = "";
      objective.value = "";
    },
  });
  const list = h("ol", { class: "notes", reversed: true, "aria-label": t("console.notes.title") });
  const render = (n: ObserverNote) => {
    const ctx = getCtx();
    const names = nameLookup(ctx.state);
    const about = [
      n.inject ? names(ref("inject", n.inject)) : "",
      n.objective ? t("console.notes.objectiveRef", { title: names(ref("objective", n.objective)) }) : "",
    ].filter(Boolean);
    // The reader's own clock: notes are written in real time, not scenario time.
    const time = formatDateTime(lang(), n.at, Intl.DateTimeFormat().resolvedOptions().timeZone, { hour: "2-digit", minute: "2-digit" });
    const meta = t("console.notes.meta", { turn: n.turn, author: n.author, time });
    return h(
      "li",
      {},
      h("p", { class: "meta" }, about.length ? t("console.notes.metaAbout", { meta, about: listIn(lang(), about) }) : meta),
      h("p", {}, n.text),
    );
  };
  return {
    id: "notes",
    title: t("console.notes.tab"),
    element: h("div", { class: "panel" }, h("h2", {}, t("console.notes.title")), form, section(t("console.notes.sofar"), list)),
    update(ctx) {
      setOptions(inject, injectOptions(ctx), t("console.notes.none"));
      setOptions(
        objective,
        Object.values(ctx.perspective?.objectives ?? {}).map((o) => ({ value: o.id, label: scenarioText(ctx.state, o, "title") })),
        t("console.notes.none"),
      );
      keyedList(
        list,
        Object.values(ctx.perspective?.notes ?? {}).sort((a, b) => b.at - a.at),
        (n) => n.id,
        render,
      );
      // Exercise control and evaluators write notes, signed with their seat's name; observers only read.
      form.hidden = !(ctx.isFacilitator || ctx.welcome.role === "evaluator");
    },
  };
}
