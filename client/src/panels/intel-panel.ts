import { h, keyedList, setOptions } from "../ui/html.ts";
import { statusLine } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { nationName, otherNations } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { reportCard } from "./report-card.ts";
import { panelWords, term } from "./words.ts";
import type { InfoRequest } from "../../../shared/state/schema.ts";

/**
 * Intelligence: own reports and those shared with us (grading, provenance, share form), and
 * requests for information in both directions.
 */
export function intelPanel(getCtx: () => GameContext): Panel {
  const w = panelWords();
  const reports = w.attr(h("div", { class: "reports" }), "aria-label", "panels.intel.reportsLabel");
  const noReports = w.text(h("p", { class: "muted" }), "panels.intel.noReports");
  const target = h("select", { name: "to" });
  const question = h("textarea", { name: "question", rows: "2", maxlength: "1000" });
  const requestForm = w.form({
    label: "panels.intel.ask.heading",
    submit: "panels.intel.ask.submit",
    success: "panels.intel.ask.success",
    send: (c) => getCtx().send(c),
    children: [w.text(h("h3"), "panels.intel.ask.heading"), w.field("panels.intel.ask.nation", target), w.field("panels.intel.ask.question", question)],
    build: () => (!target.value ? t("panels.intel.ask.errorNation") : !question.value.trim() ? t("panels.intel.ask.errorQuestion") : { type: "requestInfo", to: target.value, question: question.value.trim() }),
    reset: () => (question.value = ""),
  });
  const incoming = w.attr(h("ul", { class: "requests" }), "aria-label", "panels.intel.toUsLabel");
  const outgoing = w.attr(h("ul", { class: "requests" }), "aria-label", "panels.intel.fromUsLabel");
  const requestsStatus = statusLine();
  const element = h(
    "div",
    { class: "panel" },
    w.text(h("h2"), "panels.intel.title"),
    w.section("panels.intel.reports", noReports, reports),
    w.section("panels.intel.requests", w.text(h("h4"), "panels.intel.toUs"), incoming, w.text(h("h4"), "panels.intel.fromUs"), outgoing, requestsStatus.element),
    requestForm,
  );

  const renderIncoming = (q: InfoRequest) => {
    const ctx = getCtx();
    const requester = nationName(ctx.state, q.requester);
    const iw = panelWords();
    const answer = h("textarea", { name: "answer", rows: "2", maxlength: "4000", "aria-label": t("panels.intel.answer.label", { nation: requester }) });
    const form = iw.form({
      label: "panels.intel.answer.form",
      labelParams: { nation: requester },
      submit: "panels.intel.answer.submit",
      success: "panels.intel.answer.success",
      send: (c) => getCtx().send(c),
      children: [answer],
      build: () => (!answer.value.trim() ? t("panels.intel.answer.error") : { type: "answerInfo", request: q.id, answer: answer.value.trim() }),
    });
    return h(
      "li",
      { class: "request" },
      h("p", {}, h("strong", {}, t("panels.intel.request.asks", { nation: requester })), ` ${t("panels.intel.request.question", { turn: q.turn, question: q.question })}`),
      q.status === "pending" && ctx.canAct ? form : h("p", { class: "muted" }, q.answer ? t("panels.intel.request.answered", { answer: q.answer }) : term("requestStatus", q.status)),
    );
  };
  const renderOutgoing = (q: InfoRequest) => {
    const ctx = getCtx();
    const who = ctx.viewNation ? t("panels.intel.request.to", { nation: nationName(ctx.state, q.target) }) : t("panels.intel.request.between", { from: nationName(ctx.state, q.requester), to: nationName(ctx.state, q.target) });
    return h(
      "li",
      { class: "request" },
      h("p", {}, h("strong", {}, who), ` ${t("panels.intel.request.question", { turn: q.turn, question: q.question })}`),
      h("p", { class: "muted" }, q.answer ? t("panels.intel.request.answer", { answer: q.answer }) : t("panels.common.status", { status: term("requestStatus", q.status) })),
    );
  };

  return {
    id: "intel",
    get title() {
      return t("panels.intel.title");
    },
    element,
    badge(ctx) {
      return Object.values(ctx.perspective?.infoRequests ?? {}).filter((q) => q.target === ctx.viewNation && q.status === "pending").length;
    },
    update(ctx) {
      w.refresh();
      const language = lang();
      const list = Object.values(ctx.perspective?.reports ?? {}).sort((a, b) => b.turn - a.turn || b.id.localeCompare(a.id, undefined, { numeric: true }));
      noReports.hidden = list.length > 0;
      keyedList(reports, list, (r) => r.id, (r) => reportCard(getCtx(), r, getCtx), (r) => JSON.stringify([r, ctx.canAct, ctx.viewNation, language]));
      const requests = Object.values(ctx.perspective?.infoRequests ?? {});
      keyedList(incoming, requests.filter((q) => q.target === ctx.viewNation), (q) => q.id, renderIncoming, (q) => JSON.stringify([q, ctx.canAct, language]));
      keyedList(outgoing, requests.filter((q) => q.target !== ctx.viewNation), (q) => q.id, renderOutgoing, (q) => JSON.stringify([q, ctx.viewNation, language]));
      setOptions(target, otherNations(ctx.state, ctx.viewNation), t("panels.common.chooseNation"));
      requestForm.hidden = !ctx.canAct;
    },
  };
}
