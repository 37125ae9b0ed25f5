import { h, keyedList, setText } from "../ui/html.ts";
import { statusLine, section } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { describeOrder, nationName } from "../game/names.ts";
import { orderForm } from "./order-form.ts";
import type { Draft } from "../../../shared/state/schema.ts";

/**
 * Orders for this turn: the team's drafts (live, with who proposed each), the draft form, and
 * commit / un-commit with every nation's readiness. Exercise control sees every team's drafts
 * and may withdraw any of them.
 */
export function ordersPanel(getCtx: () => GameContext): Panel & { prefill(values: { asset?: string; destination?: string; kind?: string }): void } {
  const phaseHint = h("p", { class: "hint-banner" });
  const commitState = h("p", { class: "commit-state", "aria-live": "polite" });
  const commitButton = h("button", { type: "button", class: "primary big" }, "Commit turn");
  const commitStatus = statusLine();
  const readiness = h("ul", { class: "readiness", "aria-label": "Which teams are ready" });
  const drafts = h("ul", { class: "drafts", "aria-label": "Draft orders" });
  const draftStatus = statusLine();
  const empty = h("p", { class: "muted" }, "No draft orders yet.");
  const form = orderForm(getCtx);
  const commitBox = h("div", { class: "commit-box" }, commitState, h("div", { class: "actions" }, commitButton), commitStatus.element);

  commitButton.addEventListener("click", async () => {
    const ctx = getCtx();
    const committed = ctx.state.nations[ctx.viewNation ?? ""]?.committed;
    commitButton.disabled = true;
    const result = await ctx.send({ type: committed ? "uncommitTurn" : "commitTurn", turn: ctx.state.turn });
    commitButton.disabled = false;
    commitStatus.show(result, committed ? "Un-committed: your team can change its orders." : "Committed: waiting for the other teams.");
  });

  const element = h("div", { class: "panel" }, h("h2", {}, "Orders this turn"), phaseHint, commitBox, section("Teams ready", readiness), section("Team drafts", empty, drafts, draftStatus.element), form.element);

  const renderDraft = (d: Draft) => {
    const ctx = getCtx();
    return h(
      "li",
      { class: "draft" },
      h("span", { class: "draft-text" }, describeOrder(ctx.state, d.order)),
      h("span", { class: "byline" }, ctx.viewNation ? `proposed by ${d.author}` : `${nationName(ctx.state, d.nation)} — proposed by ${d.author}`),
      // Exercise control may withdraw any team's draft: the way out when one order stops the
      // turn from resolving.
      ctx.canAct || ctx.isFacilitator
        ? h(
            "button",
            {
              type: "button",
              class: "small",
              "aria-label": ctx.canAct ? `Withdraw draft: ${describeOrder(ctx.state, d.order)}` : `Withdraw ${nationName(ctx.state, d.nation)}'s draft: ${describeOrder(ctx.state, d.order)}`,
              onclick: async (e: Event) => {
                (e.currentTarget as HTMLButtonElement).disabled = true;
                draftStatus.show(await getCtx().send({ type: "withdrawDraft", draft: d.id }), "Draft withdrawn.");
              },
            },
            "Withdraw",
          )
        : null,
    );
  };

  let shownTurn = -1;
  return {
    id: "orders",
    title: "Orders",
    element,
    prefill: form.prefill,
    update(ctx) {
      const { state } = ctx;
      if (state.turn !== shownTurn) {
        // Last turn's answers would only confuse: a new turn starts with a clean panel.
        if (shownTurn !== -1) for (const line of element.querySelectorAll(".form-status")) (line.textContent = ""), line.classList.remove("error");
        shownTurn = state.turn;
      }
      setText(phaseHint, state.phase === "running" ? `Turn ${state.turn}: plan with your team, then commit. The turn resolves when every team has committed or the timer runs out.` : `Orders are planned while the exercise is running (it is ${state.phase} now).`);
      const me = ctx.viewNation ? state.nations[ctx.viewNation] : null;
      commitBox.hidden = !ctx.canAct;
      form.element.hidden = !ctx.canAct;
      if (me && ctx.canAct) {
        const by = ctx.perspective?.nations[me.id]?.committedBy;
        setText(commitState, me.committed ? `✓ Your team has committed turn ${state.turn}${by ? ` (by ${by})` : ""}.` : "Your team has not committed yet.");
        setText(commitButton, me.committed ? "Un-commit turn" : "Commit turn");
        commitButton.classList.toggle("primary", !me.committed);
      }
      keyedList(
        readiness,
        Object.values(state.nations).filter((n) => n.playable),
        (n) => n.id,
        (n) => h("li", { "data-ready": String(n.committed) }, h("span", { class: "swatch", style: `background:${n.color}`, "aria-hidden": "true" }), ` ${n.name}: `, h("strong", {}, n.committed ? "✓ committed" : "… planning"), ` (${n.online} online)`),
      );
      const list = Object.values(ctx.perspective?.drafts ?? {}).sort((a, b) => a.nation.localeCompare(b.nation) || a.id.localeCompare(b.id, undefined, { numeric: true }));
      empty.hidden = list.length > 0;
      keyedList(drafts, list, (d) => d.id, renderDraft, (d) => JSON.stringify([d, ctx.canAct, ctx.viewNation]));
      form.update(ctx);
    },
  };
}
