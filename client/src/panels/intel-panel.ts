import { h, keyedList, setOptions } from "../ui/html.ts";
import { statusLine } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import { nationName, otherNations } from "../game/names.ts";
import { t, lang } from "../i18n.ts";
import { reportCard } from "./report-card.ts";
import { knownForcesSection } from "./known-forces.ts";
import { listFilter } from "./list-filter.ts";
import { nameLookup, mainLang } from "../game/names.ts";
import { reportText } from "../../../shared/view/report-words.ts";
import type { Report } from "../../../shared/state/schema.ts";
import { panelWords, term } from "./words.ts";
import type { InfoRequest } from "../../../shared/state/schema.ts";

/** Which kind of report a reader is looking at: written by its nation, shared with it, or from exercise control and injects. */
function reportKind(state: GameContext["state"], r: Report): "own" | "received" | "control" {
  if (r.copiedFrom !== null) return "received";
  return Object.hasOwn(state.nations, r.originator) ? "own" : "control";
}

/**
 * Intelligence: the known-forces picture (sightings, kept up to date each turn), own reports
 * and those shared with us (grading, provenance, share form; filtered by kind and text), and
 * requests for information in both directions.
 */
export function intelPanel(getCtx: () => GameContext): Panel {
  const w = panelWords();
  const reports = w.attr(h("div", { class: "reports" }), "aria-label", "panels.intel.reportsLabel");
  const noReports = w.text(h("p", { class: "muted" }), "panels.intel.noReports");
  const noMatch = w.text(h("p", { class: "muted" }), "picture.noMatch");
  const known = knownForcesSection(getCtx);
  const filter = listFilter(
    "picture.filter.reportsLegend",
    [
      { name: "kind", label: "picture.filter.kind" },
      { name: "holder", label: "picture.filter.holder" },
    ],
    () => panel.update(getCtx()),
  );
  const holderField = filter.element.querySelector("select[name=holder]")!.closest<HTMLElement>(".field")!;
  const target = h("select", { name: "to" });
  const question = h("textarea", { name: "question", rows: "2", maxlength: "1000" });
  const requestForm = w.form({
    label: "panels.intel.ask.heading",
    submit: "panels.intel.ask.submit",
    success: "panels.intel.ask.success",
    send: (c) => getCtx().send(c),
    children: [w.text(h("h3"), "panels.intel.ask.heading"), w.field("panels.intel.ask.nation", target), w.field("panels.intel.ask.question", question)],
    build: () =>
      !target.value
        ? t("panels.intel.ask.errorNation")
        : !question.value.trim()
          ? t("panels.intel.ask.errorQuestion")
          : { type: "requestInfo", to: target.value, question: question.value.trim() },
    reset: () => (question.value = ""),
  });
  const incoming = w.attr(h("ul", { class: "requests" }), "aria-label", "panels.intel.toUsLabel");
  const outgoing = w.attr(h("ul", { class: "requests" }), "aria-label", "panels.intel.fromUsLabel");
  const requestsStatus = statusLine();
  const element = h(
    "div",
    { class: "panel" },
    w.text(h("h2"), "panels.intel.title"),
    known.element,
    w.section("panels.intel.reports", filter.element, noReports, noMatch, reports),
    w.section(
      "panels.intel.requests",
      w.text(h("h4"), "panels.intel.toUs"),
      incoming,
      w.text(h("h4"), "panels.intel.fromUs"),
      outgoing,
      requestsStatus.element,
    ),
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
      h(
        "p",
        {},
        h("strong", {}, t("panels.intel.request.asks", { nation: requester })),
        ` ${t("panels.intel.request.question", { turn: q.turn, question: q.question })}`,
      ),
      q.status === "pending" && ctx.canAct
        ? form
        : h("p", { class: "muted" }, q.answer ? t("panels.intel.request.answered", { answer: q.answer }) : term("requestStatus", q.status)),
    );
  };
  const renderOutgoing = (q: InfoRequest) => {
    const ctx = getCtx();
    const who = ctx.viewNation
      ? t("panels.intel.request.to", { nation: nationName(ctx.state, q.target) })
      : t("panels.intel.request.between", { from: nationName(ctx.state, q.requester), to: nationName(ctx.state, q.target) });
    return h(
      "li",
      { class: "request" },
      h("p", {}, h("strong", {}, who), ` ${t("panels.intel.request.question", { turn: q.turn, question: q.question })}`),
      h(
        "p",
        { class: "muted" },
        q.answer ? t("panels.intel.request.answer", { answer: q.answer }) : t("panels.common.status", { status: term("requestStatus", q.status) }),
      ),
    );
  };

  const panel: Panel = {
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
      known.update(ctx);
      const all = Object.values(ctx.perspective?.reports ?? {}).sort((a, b) => b.turn - a.turn || b.id.localeCompare(a.id, undefined, { numeric: true }));
      filter.choices(
        "kind",
        (["own", "received", "control"] as const)
          .filter((k) => all.some((r) => reportKind(ctx.state, r) === k))
          .map((k) => ({ value: k, label: t(`picture.reportKind.${k}`) })),
      );
      // Exercise control reads every nation's reports: it may narrow them to one holder.
      holderField.hidden = ctx.viewNation !== null;
      filter.choices(
        "holder",
        [...new Set(all.map((r) => r.owner))].map((n) => ({ value: n, label: nationName(ctx.state, n) })).sort((x, y) => x.label.localeCompare(y.label)),
      );
      const chosen = filter.values();
      const lookup = nameLookup(ctx.state);
      const words = (r: Report) =>
        [
          reportText(language, r, "title", lookup, mainLang(ctx.state)),
          reportText(language, r, "text", lookup, mainLang(ctx.state)),
          nationName(ctx.state, r.owner),
        ].join(" ");
      const list = all.filter(
        (r) => (!chosen.kind || reportKind(ctx.state, r) === chosen.kind) && (!chosen.holder || r.owner === chosen.holder) && filter.matches(words(r)),
      );
      noReports.hidden = all.length > 0;
      noMatch.hidden = all.length === 0 || list.length > 0;
      filter.element.hidden = all.length === 0;
      filter.count(list.length, all.length);
      keyedList(
        reports,
        list,
        (r) => r.id,
        (r) => reportCard(getCtx(), r, getCtx),
        (r) => JSON.stringify([r, ctx.canAct, ctx.viewNation, language]),
      );
      const requests = Object.values(ctx.perspective?.infoRequests ?? {});
      keyedList(
        incoming,
        requests.filter((q) => q.target === ctx.viewNation),
        (q) => q.id,
        renderIncoming,
        (q) => JSON.stringify([q, ctx.canAct, language]),
      );
      keyedList(
        outgoing,
        requests.filter((q) => q.target !== ctx.viewNation),
        (q) => q.id,
        renderOutgoing,
        (q) => JSON.stringify([q, ctx.viewNation, language]),
      );
      setOptions(target, otherNations(ctx.state, ctx.viewNation), t("panels.common.chooseNation"));
      requestForm.hidden = !ctx.canAct;
    },
  };
  return panel;
}
