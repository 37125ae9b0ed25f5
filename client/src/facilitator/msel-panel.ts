import { h, keyedList } from "../ui/html.ts";
import { statusLine } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { InjectView } from "../state/client-state.ts";
import { nationName } from "../game/names.ts";

/** The MSEL as a table: number, turn, title, audience, status; Release / Skip / Delay per inject. */
export function mselPanel(getCtx: () => GameContext): Panel {
  const status = statusLine();
  const rows = h("tbody", {});
  const notice = h("p", { class: "hint-banner", hidden: true }, "You are viewing as a nation: switch “View as” back to White cell to see the whole MSEL.");
  const table = h(
    "table",
    { class: "grid msel", "aria-label": "Master scenario events list" },
    h("thead", {}, h("tr", {}, ...["No.", "Turn", "Title", "Audience", "Status", "Actions"].map((t) => h("th", { scope: "col" }, t)))),
    rows,
  );
  const element = h("div", { class: "panel" }, h("h2", {}, "MSEL"), notice, status.element, h("div", { class: "table-scroll" }, table));

  const act = async (button: HTMLButtonElement, command: { type: string } & Record<string, unknown>, success: string) => {
    button.disabled = true;
    status.show(await getCtx().send(command), success);
    button.disabled = false;
  };
  const render = (i: InjectView) => {
    const ctx = getCtx();
    const trigger = i.trigger?.kind === "scheduled" ? `T${i.trigger.turn}` : i.trigger?.kind === "conditional" ? `if… (≥T${i.trigger.earliestTurn ?? 1})` : "manual";
    const delayTo = h("input", { type: "number", min: "1", max: "1000", value: String(Math.max(ctx.state.turn + 1, 1)), class: "tiny", "aria-label": `Delay inject ${i.number} to turn` });
    const open = ctx.isFacilitator && (i.status === "planned" || i.status === "delayed");
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
          h("summary", {}, i.title),
          h("p", { class: "meta" }, `${i.type} via ${i.delivery}, from ${i.from}`),
          h("p", {}, i.body),
          i.expectedActions?.length ? h("div", {}, h("strong", {}, "Expected actions:"), h("ul", {}, ...i.expectedActions.map((a) => h("li", {}, `${a.description} (${a.command}${a.withinTurns !== undefined ? `, within ${a.withinTurns} turn(s)` : ""})`)))) : null,
          i.objective ? h("p", {}, `Objective: ${i.objective}`) : null,
          i.capability ? h("p", {}, `Capability: ${i.capability}`) : null,
        ),
      ),
      h("td", {}, i.to === "all" ? "All" : i.to.map((n) => nationName(ctx.state, n)).join(", ")),
      h("td", {}, h("span", { class: `status-word status-${i.status}` }, `${i.status ?? ""}${i.status === "released" && i.releasedTurn ? ` T${i.releasedTurn}` : ""}${i.status === "delayed" && i.delayedToTurn ? ` to T${i.delayedToTurn}` : ""}`)),
      h(
        "td",
        { class: "row-actions" },
        open
          ? [
              h("button", { type: "button", class: "small primary", "aria-label": `Release inject ${i.number}`, onclick: (e: Event) => act(e.currentTarget as HTMLButtonElement, { type: "releaseInject", inject: i.id }, `Inject ${i.number} released.`) }, "Release"),
              h("button", { type: "button", class: "small", "aria-label": `Skip inject ${i.number}`, onclick: (e: Event) => act(e.currentTarget as HTMLButtonElement, { type: "skipInject", inject: i.id }, `Inject ${i.number} skipped.`) }, "Skip"),
              h("span", { class: "delay" }, delayTo, h("button", { type: "button", class: "small", "aria-label": `Delay inject ${i.number}`, onclick: (e: Event) => act(e.currentTarget as HTMLButtonElement, { type: "delayInject", inject: i.id, toTurn: Math.round(Number(delayTo.value)) }, `Inject ${i.number} delayed to turn ${delayTo.value}.`) }, "Delay")),
            ]
          : "—",
      ),
    );
  };
  return {
    id: "msel",
    title: "MSEL",
    element,
    update(ctx) {
      notice.hidden = ctx.viewNation === null;
      const injects = Object.values(ctx.perspective?.injects ?? {}).sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }));
      keyedList(rows, injects, (i) => i.id, render, (i) => JSON.stringify([i, ctx.state.turn]));
    },
  };
}
