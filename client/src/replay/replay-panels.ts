import type { View, InjectView } from "../../../shared/engine/view-for.ts";
import type { ExerciseState } from "../../../shared/state/schema.ts";
import type { FeedItem } from "../../../shared/view/feed.ts";
import type { InjectReview, Verdict } from "../../../shared/aar/inject-evaluation.ts";
import { localText, formatNumber, type Localized, type MessageKey } from "../../../shared/i18n/index.ts";
import { scenarioLang } from "../../../shared/view/feed.ts";
import { h } from "../ui/html.ts";
import { lang } from "../i18n.ts";
import { words } from "./replay-words.ts";
import { placeInOrder } from "./replay-list.ts";

/** A scenario text in the seat's language, marked when it is not translated. */
function local(state: ExerciseState, item: object, field: string): string {
  const w = words(state);
  const text = localText(lang(), item as Localized & Record<string, unknown>, field, scenarioLang(state));
  return text.fallback ? w.t("common.untranslated", { text: text.text }) : text.text;
}

const num = (n: number) => formatNumber(lang(), Math.round(n));

/** What the viewer knew about nations: its own books in full, others' only what is public. */
export function nationsPanel(view: View, state: ExerciseState): HTMLElement {
  const w = words(state);
  const unknown = w.t("common.unknown");
  const rows = Object.values(view.nations).map((n) => {
    const full = "budget" in n;
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, h("span", { class: "swatch", style: `background:${n.color}` }), w.nation(n.id)),
      h("td", {}, full ? num(n.budget) : unknown),
      h("td", {}, full ? num(n.politicalCapital) : unknown),
      h("td", {}, full ? num(n.readiness) : unknown),
      h(
        "td",
        {},
        full
          ? w.t("replay.alertRoe", { alert: w.term("alertLevel", n.policies.alertLevel), roe: w.term("rulesOfEngagement", n.policies.rulesOfEngagement) })
          : "—",
      ),
      h("td", {}, w.term("publicStance", n.policies.publicStance)),
    );
  });
  const col = (key: MessageKey) => h("th", {}, w.t(key));
  return h(
    "section",
    { class: "panel", "aria-labelledby": "nations-h" },
    h("h2", { id: "nations-h" }, w.t("replay.nations")),
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          col("replay.col.nation"),
          col("replay.col.budget"),
          col("replay.col.capital"),
          col("replay.col.readiness"),
          col("replay.col.alertRoe"),
          col("replay.col.stance"),
        ),
      ),
      h("tbody", {}, rows),
    ),
    h("p", { class: "hint" }, w.t("replay.cohesion", { value: num(view.cohesion) })),
  );
}

/** The reports the panel lists (newest turn first, the first 30 of them) and how many there are. */
export function latestReports(view: View): { count: number; latest: View["reports"][string][] } {
  const reports = Object.values(view.reports).sort((a, b) => b.turn - a.turn);
  return { count: reports.length, latest: reports.slice(0, 30) };
}

export function reportsPanel(view: View, state: ExerciseState, { count, latest } = latestReports(view)): HTMLElement {
  const w = words(state);
  return h(
    "section",
    { class: "panel", "aria-labelledby": "reports-h" },
    h("h2", { id: "reports-h" }, w.t("replay.reports", { count })),
    count === 0
      ? h("p", { class: "hint" }, w.t("replay.noReports"))
      : h(
          "ul",
          { class: "list" },
          latest.map((r) =>
            h(
              "li",
              {},
              h("strong", {}, r.title),
              w.t("replay.reportMeta", {
                owner: w.nation(r.owner),
                grading: `${r.reliability}${r.credibility}`,
                classification: w.term("classification", r.classification),
                turn: r.turn,
              }),
              h("div", {}, r.text),
              r.provenance.length
                ? h(
                    "div",
                    { class: "hint" },
                    w.t("replay.provenance", {
                      steps: r.provenance
                        .map((p) =>
                          w.t("replay.provenanceStep", { from: w.nation(p.from), to: w.nation(p.to), turn: p.turn, redacted: p.redacted ? "yes" : "no" }),
                        )
                        .join("; "),
                    }),
                  )
                : null,
            ),
          ),
        ),
  );
}

/**
 * The injects released by this point, newest first: one panel for the replay, each inject's
 * item built once per inject record (a view's inject object, memoised by `viewFor`) and
 * language, and the list changed only where it differs (replay-list.ts). Rebuilt whole, the
 * 400 injects of a week, each text looked up in the seat's language, were most of a jump's
 * side column.
 */
export function replayInjectsPanel(): { element: HTMLElement; update(view: View, state: ExerciseState): HTMLElement } {
  const heading = h("h2", { id: "injects-h" });
  const empty = h("p", { class: "hint" });
  const list = h("ul", { class: "list" });
  const element = h("section", { class: "panel", "aria-labelledby": "injects-h" }, heading, empty, list);
  let made = new WeakMap<InjectView, HTMLElement>();
  let madeIn = lang();
  let shown: HTMLElement[] = [];
  return {
    element,
    update(view, state) {
      const w = words(state);
      if (madeIn !== lang()) (made = new WeakMap()), (madeIn = lang());
      const injects = Object.values(view.injects)
        .filter((i) => i.releasedTurn !== null)
        .sort((a, b) => (b.releasedTurn ?? 0) - (a.releasedTurn ?? 0));
      const spec = (id: string) => state.injects[id]?.spec ?? {};
      const wanted = injects.map((i) => {
        let el = made.get(i);
        if (!el)
          made.set(
            i,
            (el = h(
              "li",
              {},
              h("strong", {}, `${i.number} ${local(state, spec(i.id), "title") || i.title}`),
              w.t("replay.injectMeta", { turn: i.releasedTurn ?? 0, from: local(state, spec(i.id), "from") || i.from }),
              h("div", {}, local(state, spec(i.id), "body") || i.body),
            )),
          );
        return el;
      });
      placeInOrder(list, shown, wanted);
      shown = wanted;
      heading.textContent = w.t("replay.injects", { count: injects.length });
      empty.textContent = w.t("replay.noInjects");
      empty.hidden = injects.length > 0;
      list.hidden = injects.length === 0;
      return element;
    },
  };
}

/**
 * The feed's latest lines at this point, newest first: one panel for the replay, a line's item
 * built once per feed line (the session's lines are kept objects) and language, the list
 * changed where it differs (replay-list.ts): a step adds a line at the top and drops one below.
 */
export function replayFeedPanel(): { element: HTMLElement; update(items: FeedItem[], state: ExerciseState): HTMLElement } {
  const heading = h("h2", { id: "feed-h" });
  const list = h("ol", { class: "list feed" });
  const element = h("section", { class: "panel", "aria-labelledby": "feed-h" }, heading, list);
  let made = new WeakMap<FeedItem, HTMLElement>();
  let madeIn = lang();
  let shown: HTMLElement[] = [];
  return {
    element,
    update(items, state) {
      const w = words(state);
      if (madeIn !== lang()) (made = new WeakMap()), (madeIn = lang());
      const wanted = items.map((f) => {
        let el = made.get(f);
        if (!el) made.set(f, (el = h("li", {}, h("span", { class: "hint" }, w.t("replay.feedTurn", { turn: f.turn })), w.tm(f.msg))));
        return el;
      });
      placeInOrder(list, shown, wanted);
      shown = wanted;
      heading.textContent = w.t("replay.feed");
      return element;
    },
  };
}

const VERDICT: Record<InjectReview["verdict"] | Verdict, MessageKey> = {
  met: "aar.verdict.met",
  partly: "aar.verdict.partly",
  "not met": "aar.verdict.notMet",
  attempted: "evaluation.verdict.attempted",
  "for the evaluator": "evaluation.verdict.forEvaluator",
  "not applicable": "evaluation.verdict.notApplicable",
  "no expectation": "aar.verdict.noExpectation",
};

export function injectReviewTable(review: InjectReview[], state: ExerciseState, onJump: (inject: string) => void): HTMLElement {
  const w = words(state);
  const badge = (v: InjectReview["verdict"] | Verdict) => h("span", { class: `verdict ${v.replace(/ /g, "-")}` }, w.t(VERDICT[v] ?? "common.unknown"));
  const col = (key: MessageKey) => h("th", {}, w.t(key));
  return h(
    "table",
    { class: "review" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        col("replay.col.inject"),
        col("replay.col.released"),
        col("aar.col.expected"),
        col("aar.col.nation"),
        col("aar.col.verdict"),
        col("aar.col.response"),
        col("aar.col.whatTheyDid"),
        col("replay.col.notes"),
      ),
    ),
    h(
      "tbody",
      {},
      review.flatMap((inject) => {
        const rows = inject.expected.flatMap((ex) => ex.byNation.map((n) => ({ ex, n })));
        const title = `${inject.number} ${local(state, inject, "title")}`;
        const jump = inject.releasedTurn !== null ? h("button", { type: "button", class: "link", onclick: () => onJump(inject.inject) }, title) : title;
        const notes = inject.notes.map((n) => `${n.author}: ${n.text}`).join(" / ");
        const released = inject.releasedTurn === null ? w.term("injectStatus", inject.injectStatus) : w.t("replay.releasedTurn", { turn: inject.releasedTurn });
        if (rows.length === 0)
          return [h("tr", {}, h("td", {}, jump), h("td", {}, released), h("td", { colspan: 5 }, badge(inject.verdict)), h("td", {}, notes))];
        return rows.map(({ ex, n }, i) =>
          h(
            "tr",
            {},
            i === 0 ? h("td", { rowspan: rows.length }, jump) : null,
            i === 0 ? h("td", { rowspan: rows.length }, released) : null,
            h("td", {}, local(state, ex, "description")),
            h("td", {}, w.nation(n.nation)),
            h("td", {}, badge(n.verdict)),
            h("td", {}, n.responseTurns === null ? "—" : w.t("aar.turns", { turns: n.responseTurns })),
            h("td", {}, n.action ? w.tm(n.action.detail) : n.attempts.map((a) => w.tm(a.detail)).join(" / ")),
            i === 0 ? h("td", { rowspan: rows.length }, notes) : null,
          ),
        );
      }),
    ),
  );
}
