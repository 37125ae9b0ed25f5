import { h, keyedList, setOptions } from "../ui/html.ts";
import { commandForm, field, select, section } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { ObserverNote } from "../../../shared/state/schema.ts";

/** Observer notes for the after-action review, optionally tied to an inject or an objective. */
export function notesPanel(getCtx: () => GameContext): Panel {
  const text = h("textarea", { name: "note", rows: "3", maxlength: "4000" });
  const inject = select("inject");
  const objective = select("objective");
  const form = commandForm({
    label: "Add an observer note",
    submit: "Add note",
    success: "Note saved.",
    send: (c) => getCtx().send(c),
    children: [field("Observation", text), h("div", { class: "row" }, field("About inject", inject), field("About objective", objective))],
    build: () => (!text.value.trim() ? "Write the observation." : { type: "addNote", text: text.value.trim(), ...(inject.value ? { inject: inject.value } : {}), ...(objective.value ? { objective: objective.value } : {}) }),
    reset: () => (text.value = ""),
  });
  const list = h("ol", { class: "notes", reversed: true, "aria-label": "Observer notes" });
  const render = (n: ObserverNote) => {
    const ctx = getCtx();
    const about = [n.inject ? `inject ${ctx.perspective?.injects[n.inject]?.number ?? n.inject}` : "", n.objective ? `objective “${ctx.perspective?.objectives[n.objective]?.title ?? n.objective}”` : ""].filter(Boolean).join(", ");
    return h("li", {}, h("p", { class: "meta" }, `T${n.turn} · ${n.author} · ${new Date(n.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}${about ? ` · ${about}` : ""}`), h("p", {}, n.text));
  };
  return {
    id: "notes",
    title: "Notes",
    element: h("div", { class: "panel" }, h("h2", {}, "Observer notes"), form, section("Notes so far", list)),
    update(ctx) {
      setOptions(inject, Object.values(ctx.perspective?.injects ?? {}).sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true })).map((i) => ({ value: i.id, label: `${i.number} ${i.title}` })), "— none —");
      setOptions(objective, Object.values(ctx.perspective?.objectives ?? {}).map((o) => ({ value: o.id, label: o.title })), "— none —");
      keyedList(list, Object.values(ctx.perspective?.notes ?? {}).sort((a, b) => b.at - a.at), (n) => n.id, render);
      form.hidden = !ctx.isFacilitator;
    },
  };
}
