import { h, keyedList, setOptions } from "../ui/html.ts";
import { commandForm, field, select, section, statusLine } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { nationName, otherNations } from "../game/names.ts";
import { reportCard } from "./report-card.ts";
import type { InfoRequest } from "../../../shared/state/schema.ts";

/**
 * Intelligence: own reports and those shared with us (grading, provenance, share form), and
 * requests for information in both directions.
 */
export function intelPanel(getCtx: () => GameContext): Panel {
  const reports = h("div", { class: "reports", "aria-label": "Intelligence reports" });
  const noReports = h("p", { class: "muted" }, "No reports yet. ISR assets, injects and partners bring them.");
  const target = select("to");
  const question = h("textarea", { name: "question", rows: "2", maxlength: "1000" });
  const requestForm = commandForm({
    label: "Request information",
    submit: "Send request",
    success: "Request sent.",
    send: (c) => getCtx().send(c),
    children: [h("h3", {}, "Request information"), field("From nation", target), field("Question", question)],
    build: () => (!target.value ? "Choose the nation to ask." : !question.value.trim() ? "Write your question." : { type: "requestInfo", to: target.value, question: question.value.trim() }),
    reset: () => (question.value = ""),
  });
  const incoming = h("ul", { class: "requests", "aria-label": "Requests addressed to your nation" });
  const outgoing = h("ul", { class: "requests", "aria-label": "Requests your nation made" });
  const requestsStatus = statusLine();
  const element = h(
    "div",
    { class: "panel" },
    h("h2", {}, "Intelligence"),
    section("Reports", noReports, reports),
    section("Requests for information", h("h4", {}, "To us"), incoming, h("h4", {}, "From us"), outgoing, requestsStatus.element),
    requestForm,
  );

  const renderIncoming = (q: InfoRequest) => {
    const ctx = getCtx();
    const answer = h("textarea", { name: "answer", rows: "2", maxlength: "4000", "aria-label": `Answer to ${nationName(ctx.state, q.requester)}` });
    const form = commandForm({
      label: `Answer ${nationName(ctx.state, q.requester)}`,
      submit: "Answer",
      success: "Answer sent.",
      send: (c) => getCtx().send(c),
      children: [answer],
      build: () => (!answer.value.trim() ? "Write an answer." : { type: "answerInfo", request: q.id, answer: answer.value.trim() }),
    });
    return h(
      "li",
      { class: "request" },
      h("p", {}, h("strong", {}, `${nationName(ctx.state, q.requester)} asks`), ` (turn ${q.turn}): ${q.question}`),
      q.status === "pending" && ctx.canAct ? form : h("p", { class: "muted" }, q.answer ? `Answered: ${q.answer}` : q.status),
    );
  };
  const renderOutgoing = (q: InfoRequest) => {
    const ctx = getCtx();
    return h("li", { class: "request" }, h("p", {}, h("strong", {}, ctx.viewNation ? `To ${nationName(ctx.state, q.target)}` : `${nationName(ctx.state, q.requester)} → ${nationName(ctx.state, q.target)}`), ` (turn ${q.turn}): ${q.question}`), h("p", { class: "muted" }, q.answer ? `Answer: ${q.answer}` : `Status: ${q.status}`));
  };

  return {
    id: "intel",
    title: "Intelligence",
    element,
    badge(ctx) {
      return Object.values(ctx.perspective?.infoRequests ?? {}).filter((q) => q.target === ctx.viewNation && q.status === "pending").length;
    },
    update(ctx) {
      const list = Object.values(ctx.perspective?.reports ?? {}).sort((a, b) => b.turn - a.turn || b.id.localeCompare(a.id, undefined, { numeric: true }));
      noReports.hidden = list.length > 0;
      keyedList(reports, list, (r) => r.id, (r) => reportCard(getCtx(), r, getCtx), (r) => JSON.stringify([r, ctx.canAct, ctx.viewNation]));
      const requests = Object.values(ctx.perspective?.infoRequests ?? {});
      keyedList(incoming, requests.filter((q) => q.target === ctx.viewNation), (q) => q.id, renderIncoming, (q) => JSON.stringify([q, ctx.canAct]));
      keyedList(outgoing, requests.filter((q) => q.target !== ctx.viewNation), (q) => q.id, renderOutgoing);
      setOptions(target, otherNations(ctx.state, ctx.viewNation), "— choose a nation —");
      requestForm.hidden = !ctx.canAct;
    },
  };
}
