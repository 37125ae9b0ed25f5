import { h, keyedList, setText } from "../ui/html.ts";
import { statusLine, gated, blockWithReason, clearStatusLines, setBusy } from "../ui/form.ts";
import { tm } from "../i18n.ts";
import { isMsg, type Msg } from "../../../shared/i18n/message.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { nationName } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { describeOrder } from "./order-words.ts";
import { panelWords, term } from "./words.ts";
import { orderForm } from "./order-form.ts";
import type { DraftView } from "../../../shared/engine/view-for.ts";
import { totalCost, type OrderCost } from "../../../shared/engine/order-cost.ts";
import { draftMark, simulatedPlayer } from "../game/simulated-marks.ts";

/**
 * Orders for this turn: the team's drafts (live, with who proposed each), the draft form, and
 * commit / un-commit with every nation's readiness. Exercise control sees every team's drafts
 * and may withdraw any of them.
 */
export function ordersPanel(getCtx: () => GameContext): Panel & { prefill(values: { asset?: string; destination?: string; kind?: string }): void } {
  const w = panelWords();
  const phaseHint = h("p", { class: "hint-banner" });
  const commitState = h("p", { class: "commit-state", "aria-live": "polite" });
  const commitButton = h("button", { type: "button", class: "primary big" }, t("panels.orders.commit.button"));
  const commitStatus = statusLine();
  const readiness = w.attr(h("ul", { class: "readiness" }), "aria-label", "panels.orders.ready.label");
  const drafts = w.attr(h("ul", { class: "drafts" }), "aria-label", "panels.orders.drafts.label");
  const draftStatus = statusLine();
  const empty = w.text(h("p", { class: "muted" }), "panels.orders.drafts.empty");
  /** Planned spend against what the team has, above the drafts: seen before committing, not after. */
  const planned = h("p", { class: "planned-spend", "data-testid": "planned-spend", "aria-live": "polite" });
  const form = orderForm(getCtx);
  const commitGate = gated(commitButton);
  const commitBox = h("div", { class: "commit-box" }, commitState, h("div", { class: "actions" }, commitButton), commitGate.note, commitStatus.element);
  /** "Bob withdrew the draft order … proposed by Alice": a team-mate's or exercise control's withdrawal is said, not silent. */
  const notices = h("ul", { class: "withdrawn-notices", "aria-live": "polite" });
  const dismissed = new Set<number>();

  commitButton.addEventListener("click", async () => {
    const ctx = getCtx();
    const committed = ctx.state.nations[ctx.viewNation ?? ""]?.committed;
    clearStatusLines();
    setBusy(commitButton, true);
    const result = await ctx.send({ type: committed ? "uncommitTurn" : "commitTurn", turn: ctx.state.turn });
    setBusy(commitButton, false);
    commitStatus.show(result, t(committed ? "panels.orders.commit.uncommitted" : "panels.orders.commit.committed"));
  });

  const element = h(
    "div",
    { class: "panel" },
    w.text(h("h2"), "panels.orders.heading"),
    phaseHint,
    commitBox,
    w.section("panels.orders.ready.heading", readiness),
    w.section("panels.orders.drafts.heading", notices, planned, empty, drafts, draftStatus.element),
    form.element,
  );

  const renderNotices = (ctx: GameContext) => {
    const items = (ctx.perspective?.feed ?? []).filter((f) => f.turn === ctx.state.turn && f.msg.key === "participant.feed.withdrawn" && !dismissed.has(f.seq));
    const others = items.filter((f) => (f.msg.params as Record<string, unknown> | undefined)?.by !== ctx.welcome.name);
    keyedList(
      notices,
      ctx.canAct ? others : [],
      (f) => String(f.seq),
      (f) => {
        const p = (f.msg.params ?? {}) as { by?: string; author?: string; order?: unknown };
        const order = isMsg(p.order) ? tm(p.order as Msg) : "";
        return h(
          "li",
          { class: "withdrawn" },
          h("span", {}, t("participant.withdrawn.notice", { author: p.author ?? "", order, by: p.by ?? "" })),
          " ",
          h("button", { type: "button", class: "small", onclick: () => (dismissed.add(f.seq), renderNotices(getCtx())) }, t("participant.withdrawn.dismiss")),
        );
      },
      (f) => JSON.stringify([f, lang()]),
    );
  };

  const renderDraft = (d: DraftView) => {
    const ctx = getCtx();
    return h(
      "li",
      { class: "draft" },
      h("span", { class: "draft-text" }, describeOrder(ctx.state, d.order)),
      d.plan
        ? h(
            "span",
            { class: "draft-cost", "data-testid": "draft-cost" },
            costWords(d.plan.cost),
            d.plan.eta !== undefined ? ` · ${t("turns.cost.eta", { eta: d.plan.eta })}` : "",
          )
        : null,
      draftMark(d),
      h(
        "span",
        { class: "byline" },
        ctx.viewNation
          ? t("panels.orders.drafts.by", { author: d.author })
          : t("panels.orders.drafts.byNation", { nation: nationName(ctx.state, d.nation), author: d.author }),
      ),
      // Exercise control may withdraw any team's draft: the way out when one order stops the
      // turn from resolving.
      ctx.canAct || ctx.isFacilitator
        ? h(
            "button",
            {
              type: "button",
              class: "small",
              "aria-label": ctx.canAct
                ? t("panels.orders.drafts.withdrawLabel", { order: describeOrder(ctx.state, d.order) })
                : t("panels.orders.drafts.withdrawNation", { nation: nationName(ctx.state, d.nation), order: describeOrder(ctx.state, d.order) }),
              onclick: async (e: Event) => {
                (e.currentTarget as HTMLButtonElement).disabled = true;
                clearStatusLines();
                draftStatus.show(await getCtx().send({ type: "withdrawDraft", draft: d.id }), t("panels.orders.drafts.withdrawn"));
              },
            },
            t("panels.orders.drafts.withdraw"),
          )
        : null,
    );
  };

  let shownTurn = -1;
  return {
    id: "orders",
    get title() {
      return t("panels.orders.title");
    },
    element,
    prefill: form.prefill,
    update(ctx) {
      const { state } = ctx;
      w.refresh();
      if (state.turn !== shownTurn) {
        // Last turn's answers would only confuse: a new turn starts with a clean panel.
        if (shownTurn !== -1) for (const line of element.querySelectorAll(".form-status")) (line.textContent = ""), line.classList.remove("error");
        shownTurn = state.turn;
      }
      setText(
        phaseHint,
        state.phase === "running"
          ? t("panels.orders.hint.running", { turn: state.turn })
          : t("panels.orders.hint.waiting", { phase: term("phase", state.phase) }),
      );
      const me = ctx.viewNation ? state.nations[ctx.viewNation] : null;
      commitBox.hidden = !ctx.canAct;
      // Commit and Draft look active only when they can act: the phase says why not.
      const notRunning = state.phase === "running" ? null : t("engine.phase.state", { phase: state.phase });
      blockWithReason(commitButton, notRunning && t("participant.commit.notRunning", { phase: notRunning }));
      blockWithReason(form.element, notRunning && t("participant.draft.notRunning", { phase: notRunning }));
      renderNotices(ctx);
      form.element.hidden = !ctx.canAct;
      if (me && ctx.canAct) {
        const by = ctx.perspective?.nations[me.id]?.committedBy;
        setText(
          commitState,
          me.committed
            ? t(by ? "panels.orders.commit.doneBy" : "panels.orders.commit.done", { turn: state.turn, name: by ?? "" })
            : t("panels.orders.commit.notYet"),
        );
        setText(commitButton, t(me.committed ? "panels.orders.commit.undo" : "panels.orders.commit.button"));
        commitButton.classList.toggle("primary", !me.committed);
      }
      keyedList(
        readiness,
        Object.values(state.nations).filter((n) => n.playable),
        (n) => n.id,
        (n) =>
          h(
            "li",
            { "data-ready": String(n.committed) },
            h("span", { class: "swatch", style: `background:${n.color}`, "aria-hidden": "true" }),
            ` ${t("panels.orders.ready.nation", { nation: nationName(ctx.state, n.id) })} `,
            h("strong", {}, t(n.committed ? "panels.orders.ready.committed" : "panels.orders.ready.planning")),
            ` ${t("panels.orders.ready.online", { count: n.online })}`,
            simulatedPlayer(n) ? h("span", { class: "simulated-mark", "data-simulated": n.control!.by }, ` ⚙ ${simulatedPlayer(n)}`) : null,
          ),
        (n) => JSON.stringify([n, lang()]),
      );
      const list = Object.values(ctx.perspective?.drafts ?? {}).sort(
        (a, b) => a.nation.localeCompare(b.nation) || a.id.localeCompare(b.id, undefined, { numeric: true }),
      );
      empty.hidden = list.length > 0;
      renderPlanned(planned, ctx, list);
      keyedList(
        drafts,
        list,
        (d) => d.id,
        renderDraft,
        (d) => JSON.stringify([d, ctx.canAct, ctx.viewNation, lang()]),
      );
      form.update(ctx);
    },
  };
}

/** "budget 20 · readiness 5", or "no cost": the draft's price from the engine (order-cost.ts). */
function costWords(cost: OrderCost): string {
  const parts = [
    cost.budget ? t("turns.cost.budget", { amount: cost.budget }) : "",
    cost.politicalCapital ? t("turns.cost.politicalCapital", { amount: cost.politicalCapital }) : "",
    cost.readiness ? t("turns.cost.readiness", { amount: cost.readiness }) : "",
  ].filter(Boolean);
  return parts.length ? t("turns.cost.draft", { parts: parts.join(" · ") }) : t("turns.cost.free");
}

/** The team's planned spend for the turn against its budget, political capital and readiness; marked when it is more than the team has. */
function renderPlanned(line: HTMLElement, ctx: GameContext, list: readonly DraftView[]): void {
  const me = ctx.viewNation ? ctx.perspective?.nations[ctx.viewNation] : undefined;
  const mine = list.filter((d) => d.nation === ctx.viewNation && d.plan);
  line.hidden = !me || mine.length === 0;
  if (!me || line.hidden) return;
  const sum = totalCost(mine.map((d) => d.plan!.cost));
  const over = sum.budget > me.budget || sum.politicalCapital > me.politicalCapital;
  const text = t("turns.plan.line", {
    budget: sum.budget,
    haveBudget: me.budget,
    politicalCapital: sum.politicalCapital,
    havePoliticalCapital: me.politicalCapital,
    readiness: sum.readiness,
    haveReadiness: me.readiness,
  });
  setText(line, over ? `${text} ${t("turns.plan.over")}` : text);
  line.classList.toggle("over", over);
}
