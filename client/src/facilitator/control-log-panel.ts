import { h, keyedList } from "../ui/html.ts";
import { t, lang } from "../i18n.ts";
import { formatDateTime } from "../../../shared/i18n/index.ts";
import { commandForm, field, section } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { ControlLogEntry } from "../../../shared/state/schema.ts";

/**
 * The controller log: exercise control's logbook, as a control room keeps one. Each entry is
 * time-stamped and signed by the controller who wrote it; newest first; in the AAR too.
 */
export function controlLogPanel(getCtx: () => GameContext): Panel {
  const text = h("textarea", { name: "entry", rows: "2", maxlength: "2000" });
  const form = commandForm({
    label: t("seats.log.title"),
    submit: t("seats.log.submit"),
    success: t("seats.log.saved"),
    send: (c) => getCtx().send(c),
    children: [field(t("seats.log.entry"), text)],
    build: () => (!text.value.trim() ? t("seats.log.empty") : { type: "logControlEntry", text: text.value.trim() }),
    reset: () => (text.value = ""),
  });
  const list = h("ol", { class: "notes control-log", reversed: true, "aria-label": t("seats.log.title") });
  const empty = h("p", { class: "muted" }, t("seats.log.nothing"));
  const render = (e: ControlLogEntry) => {
    // The reader's own clock: the log is kept in real time, not scenario time.
    const time = formatDateTime(lang(), e.at, Intl.DateTimeFormat().resolvedOptions().timeZone, { hour: "2-digit", minute: "2-digit" });
    return h("li", { "data-log-entry": e.id }, h("p", { class: "meta" }, t("seats.log.meta", { time, turn: e.turn, by: e.by })), h("p", {}, e.text));
  };
  return {
    id: "control-log",
    title: t("seats.log.tab"),
    element: h("div", { class: "panel" }, h("h2", {}, t("seats.log.title")), form, section(t("seats.log.sofar"), empty, list)),
    update(ctx) {
      const entries = Object.values(ctx.perspective?.controlLog ?? {}).sort((a, b) => b.at - a.at || b.id.localeCompare(a.id));
      empty.hidden = entries.length > 0;
      keyedList(list, entries, (e) => e.id, render);
      form.hidden = !ctx.isFacilitator;
    },
  };
}
