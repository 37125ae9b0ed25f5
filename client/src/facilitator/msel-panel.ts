import { h, keyedList } from "../ui/html.ts";
import { statusLine } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { InjectView } from "../state/client-state.ts";
import { nationName, scenarioText, term } from "../game/names.ts";
import { responseLabel } from "./expected-response-editor.ts";
import { t, lang } from "../i18n.ts";
import { listIn } from "../../../shared/i18n/index.ts";

/** The MSEL as a table: number, turn, title, audience, status; Release / Skip / Delay per inject. */
export function mselPanel(getCtx: () => GameContext): Panel {
  const status = statusLine();
  const rows = h("tbody", {});
  const notice = h("p", { class: "hint-banner", hidden: true }, t("console.msel.viewingAs"));
  const columns = [t("console.msel.number"), t("console.msel.turn"), t("console.msel.injectTitle"), t("console.msel.audience"), t("console.msel.status"), t("console.msel.actions")];
  const table = h("table", { class: "grid msel", "aria-label": t("console.msel.name") }, h("thead", {}, h("tr", {}, ...columns.map((c) => h("th", { scope: "col" }, c)))), rows);
  const element = h("div", { class: "panel" }, h("h2", {}, t("console.msel.title")), notice, status.element, h("div", { class: "table-scroll" }, table));

  const act = async (button: HTMLButtonElement, command: { type: string } & Record<string, unknown>, success: string) => {
    button.disabled = true;
    status.show(await getCtx().send(command), success);
    button.disabled = false;
  };
  const render = (i: InjectView) => {
    const ctx = getCtx();
    const { state } = ctx;
    const trigger =
      i.trigger?.kind === "scheduled" ? t("console.msel.scheduled", { turn: i.trigger.turn }) : i.trigger?.kind === "conditional" ? t("console.msel.conditional", { turn: i.trigger.earliestTurn ?? 1 }) : t("console.msel.manual");
    const delayTo = h("input", { type: "number", min: "1", max: "1000", value: String(Math.max(state.turn + 1, 1)), class: "tiny", "aria-label": t("console.msel.delayTo", { number: i.number }) });
    const open = ctx.isFacilitator && (i.status === "planned" || i.status === "delayed");
    const statusWord = term("injectStatus", i.status ?? "planned");
    const statusText =
      i.status === "released" && i.releasedTurn ? t("console.msel.releasedIn", { status: statusWord, turn: i.releasedTurn }) : i.status === "delayed" && i.delayedToTurn ? t("console.msel.delayedTo", { status: statusWord, turn: i.delayedToTurn }) : statusWord;
    const title = scenarioText(state, i, "title");
    return h(
      "tr",
      { "data-inject": i.number, "data-status": i.status ?? "" },
      h("td", {}, i.number),
      h("td", {}, trigger),
      h(
        "td",
        {},
        h(
          "details",
          {},
          h("summary", {}, title),
          h("p", { class: "meta" }, t("console.msel.meta", { type: term("injectType", i.type), delivery: term("delivery", i.delivery), from: scenarioText(state, i, "from") })),
          h("p", {}, scenarioText(state, i, "body")),
          i.expectedActions?.length
            ? h(
                "div",
                {},
                h("strong", {}, t("console.msel.expected")),
                h(
                  "ul",
                  {},
                  ...i.expectedActions.map((a) =>
                    h("li", {}, a.withinTurns !== undefined ? t("console.msel.expectedWithin", { description: scenarioText(state, a, "description"), action: responseLabel(a.command), turns: a.withinTurns }) : t("console.msel.expectedLine", { description: scenarioText(state, a, "description"), action: responseLabel(a.command) })),
                  ),
                ),
              )
            : null,
          i.objective ? h("p", {}, t("console.msel.objective", { objective: scenarioText(state, i, "objective") })) : null,
          i.capability ? h("p", {}, t("console.msel.capability", { capability: scenarioText(state, i, "capability") })) : null,
        ),
      ),
      h("td", {}, i.to === "all" ? t("console.msel.all") : listIn(lang(), i.to.map((n) => nationName(state, n)))),
      h("td", {}, h("span", { class: `status-word status-${i.status}` }, statusText)),
      h(
        "td",
        { class: "row-actions" },
        open
          ? [
              h("button", { type: "button", class: "small primary", "aria-label": t("console.msel.releaseName", { number: i.number }), onclick: (e: Event) => act(e.currentTarget as HTMLButtonElement, { type: "releaseInject", inject: i.id }, t("console.msel.released", { number: i.number })) }, t("console.msel.release")),
              h("button", { type: "button", class: "small", "aria-label": t("console.msel.skipName", { number: i.number }), onclick: (e: Event) => act(e.currentTarget as HTMLButtonElement, { type: "skipInject", inject: i.id }, t("console.msel.skipped", { number: i.number })) }, t("console.msel.skip")),
              h(
                "span",
                { class: "delay" },
                delayTo,
                h("button", { type: "button", class: "small", "aria-label": t("console.msel.delayName", { number: i.number }), onclick: (e: Event) => act(e.currentTarget as HTMLButtonElement, { type: "delayInject", inject: i.id, toTurn: Math.round(Number(delayTo.value)) }, t("console.msel.delayed", { number: i.number, turn: delayTo.value })) }, t("console.msel.delay")),
              ),
            ]
          : "—",
      ),
    );
  };
  return {
    id: "msel",
    title: t("console.msel.tab"),
    element,
    update(ctx) {
      notice.hidden = ctx.viewNation === null;
      const injects = Object.values(ctx.perspective?.injects ?? {}).sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }));
      keyedList(rows, injects, (i) => i.id, render, (i) => JSON.stringify([i, ctx.state.turn, lang()]));
    },
  };
}
