import { h, keyedList } from "../ui/html.ts";
import { commandForm, field, select, checkboxGroup, section, statusLine, commandButton } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { nationName, otherNations } from "../game/names.ts";
import type { Agreement } from "../../../shared/state/schema.ts";

const KIND_LABEL: Record<string, string> = { mou: "MOU", sofa: "SOFA", "intel-sharing": "Intelligence-sharing agreement", "joint-exercise-programme": "Joint exercise programme" };

/** Agreements: status of each, accept/reject when it is our turn to answer, and a proposal form. */
export function agreementsSection(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void; pending(ctx: GameContext): number } {
  const list = h("ul", { class: "agreements", "aria-label": "Agreements" });
  const none = h("p", { class: "muted" }, "No agreements yet.");
  const status = statusLine();
  const kind = select("kind", Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label })));
  const title = h("input", { name: "title", maxlength: "120", placeholder: "e.g. Northern ports SOFA" });
  const parties = checkboxGroup("Partners", "agreement-parties");
  const duration = h("input", { type: "number", name: "durationTurns", min: "1", max: "100", placeholder: "open-ended" });
  const form = commandForm({
    label: "Propose an agreement",
    submit: "Propose agreement",
    success: "Proposed: partners can accept or reject it now.",
    send: (c) => getCtx().send(c),
    children: [h("h4", {}, "Propose an agreement"), field("Kind", kind), field("Title", title), parties.element, field("Duration in turns (optional)", duration)],
    build: () => {
      if (!title.value.trim()) return "Give the agreement a title.";
      if (!parties.values().length) return "Choose at least one partner.";
      const turns = Number(duration.value);
      return { type: "proposeAgreement", kind: kind.value, title: title.value.trim(), parties: parties.values(), ...(duration.value && turns >= 1 ? { durationTurns: Math.round(turns) } : {}) };
    },
    reset: () => {
      title.value = "";
      parties.clear();
    },
  });

  const render = (a: Agreement) => {
    const ctx = getCtx();
    const me = ctx.viewNation;
    const mustAnswer = ctx.canAct && me !== null && a.status === "proposed" && a.parties.includes(me) && !a.acceptedBy.includes(me);
    const send = (c: { type: string } & Record<string, unknown>) => getCtx().send(c);
    return h(
      "li",
      { class: `agreement status-${a.status}` },
      h("p", {}, h("strong", {}, `${KIND_LABEL[a.kind] ?? a.kind}: ${a.title}`)),
      h("p", {}, `Parties: ${a.parties.map((p) => `${nationName(ctx.state, p)}${a.acceptedBy.includes(p) ? " ✓" : ""}`).join(", ")}`),
      h("p", {}, h("span", { class: "status-word" }, `Status: ${a.status}`), a.proposer ? ` · proposed by ${nationName(ctx.state, a.proposer)} in turn ${a.proposedTurn}` : " · in force from the start", a.expiresTurn ? ` · until turn ${a.expiresTurn}` : ""),
      mustAnswer
        ? h(
            "div",
            { class: "actions" },
            commandButton("Accept", { class: "primary small", "aria-label": `Accept ${a.title}` }, () => ({ type: "answerAgreement", agreement: a.id, accept: true }), send, status, "Accepted."),
            commandButton("Reject", { class: "small", "aria-label": `Reject ${a.title}` }, () => ({ type: "answerAgreement", agreement: a.id, accept: false }), send, status, "Rejected."),
          )
        : null,
    );
  };

  return {
    element: section("Agreements", none, list, status.element, form),
    pending: (ctx) => Object.values(ctx.perspective?.agreements ?? {}).filter((a) => ctx.viewNation && a.status === "proposed" && a.parties.includes(ctx.viewNation) && !a.acceptedBy.includes(ctx.viewNation)).length,
    update(ctx) {
      const items = Object.values(ctx.perspective?.agreements ?? {}).sort((a, b) => b.proposedTurn - a.proposedTurn || a.id.localeCompare(b.id));
      none.hidden = items.length > 0;
      keyedList(list, items, (a) => a.id, render, (a) => JSON.stringify([a, ctx.canAct, ctx.viewNation]));
      parties.set(otherNations(ctx.state, ctx.viewNation));
      form.hidden = !ctx.canAct;
    },
  };
}
