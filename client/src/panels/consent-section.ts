import { h, keyedList, setOptions } from "../ui/html.ts";
import { commandForm, field, select, section, statusLine, commandButton } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { nationName, regionName } from "../game/names.ts";
import type { ConsentRequest } from "../../../shared/state/schema.ts";

/** Sovereignty: ask a host nation to let our assets into its territory; grant or deny such requests. */
export function consentSection(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void; pending(ctx: GameContext): number } {
  const list = h("ul", { class: "consents", "aria-label": "Consent requests" });
  const none = h("p", { class: "muted" }, "No consent requests.");
  const status = statusLine();
  const region = select("region");
  const note = h("input", { name: "note", maxlength: "500", placeholder: "Purpose, e.g. medical evacuation" });
  const form = commandForm({
    label: "Request consent to enter",
    submit: "Request consent",
    success: "Request sent to the host nation.",
    send: (c) => getCtx().send(c),
    children: [h("h4", {}, "Request consent to enter territory"), field("Region (host nation)", region), field("Note", note)],
    build: () => {
      const ctx = getCtx();
      const host = ctx.state.regions[region.value]?.owner;
      if (!region.value || !host) return "Choose a region that belongs to another nation.";
      return { type: "requestConsent", host, region: region.value, note: note.value.trim() };
    },
    reset: () => (note.value = ""),
  });
  const render = (c: ConsentRequest) => {
    const ctx = getCtx();
    const send = (cmd: { type: string } & Record<string, unknown>) => getCtx().send(cmd);
    const mine = ctx.canAct && c.host === ctx.viewNation && c.status === "pending";
    return h(
      "li",
      {},
      h("p", {}, h("strong", {}, `${nationName(ctx.state, c.requester)} → ${nationName(ctx.state, c.host)}`), `: enter ${regionName(ctx.state, c.region)} (turn ${c.turn})${c.note ? ` — “${c.note}”` : ""}`),
      h("p", {}, h("span", { class: "status-word" }, `Status: ${c.status}`)),
      mine
        ? h(
            "div",
            { class: "actions" },
            commandButton("Grant", { class: "primary small", "aria-label": `Grant ${nationName(ctx.state, c.requester)} entry to ${regionName(ctx.state, c.region)}` }, () => ({ type: "answerConsent", request: c.id, grant: true }), send, status, "Consent granted."),
            commandButton("Deny", { class: "small", "aria-label": `Deny ${nationName(ctx.state, c.requester)} entry to ${regionName(ctx.state, c.region)}` }, () => ({ type: "answerConsent", request: c.id, grant: false }), send, status, "Consent denied."),
          )
        : null,
    );
  };
  return {
    element: section("Consent to enter territory", none, list, status.element, form),
    pending: (ctx) => Object.values(ctx.perspective?.consentRequests ?? {}).filter((c) => c.host === ctx.viewNation && c.status === "pending").length,
    update(ctx) {
      const items = Object.values(ctx.perspective?.consentRequests ?? {}).sort((a, b) => b.turn - a.turn || a.id.localeCompare(b.id));
      none.hidden = items.length > 0;
      keyedList(list, items, (c) => c.id, render, (c) => JSON.stringify([c, ctx.canAct]));
      const foreign = ctx.state.scenario.regions.filter((r) => {
        const owner = ctx.state.regions[r.id]?.owner;
        return owner && owner !== ctx.viewNation;
      });
      setOptions(region, foreign.map((r) => ({ value: r.id, label: `${r.name} (${nationName(ctx.state, ctx.state.regions[r.id]!.owner)})` })), "— choose a region —");
      form.hidden = !ctx.canAct;
    },
  };
}
