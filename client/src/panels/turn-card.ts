import { h } from "../ui/html.ts";
import { ref, type Msg } from "../../../shared/i18n/message.ts";
import type { MessageKey, Params } from "../../../shared/i18n/index.ts";
import type { TurnSummary } from "../../../shared/view/turn-summary.ts";

/** How a card's messages become words: the live game's (i18n.ts) or the replay's (replay-words.ts). */
export type CardWords = { tm(m: Msg): string; t(key: MessageKey, params?: Params): string };

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

/**
 * One team's card for a resolved turn (shared/view/turn-summary.ts): the books line by line
 * with where they started and ended, moves and arrivals, crises, its relations, reports
 * received, the known-forces picture, objectives, each failed order with why, and the rules'
 * reasons. Sections with nothing in them are left out; a quiet turn says so.
 */
export function turnCard(card: TurnSummary, w: CardWords, options: { withNation: boolean; open: boolean }): HTMLElement {
  const title = options.withNation
    ? w.tm({ key: "turns.card.headingNation", params: { turn: card.turn, nation: ref("nation", card.nation) } })
    : w.t("turns.card.heading", { turn: card.turn });
  const details = h("details", { class: "turn-card", "data-turn": String(card.turn), "data-nation": card.nation }, h("summary", {}, title));
  // A closed card's body is built when it is first opened: a week of play holds some 600 cards,
  // most of them older turns' (closed), and translating every sentence of each for every redraw
  // was most of a replay seek. A closed <details> shows (and exposes) only its summary anyway.
  let built = false;
  const build = () => {
    if (built) return;
    built = true;
    details.append(...cardBody(card, w));
  };
  if (options.open) {
    build();
    details.open = true;
  } else details.addEventListener("toggle", () => details.open && build());
  return details;
}

/** The card's body under its summary: the books, then the sections that have something in them (or "a quiet turn"). */
function cardBody(card: TurnSummary, w: CardWords): HTMLElement[] {
  const list = (heading: MessageKey, items: readonly string[], cls: string) =>
    items.length
      ? h(
          "section",
          { class: `turn-section ${cls}` },
          h("h4", {}, w.t(heading)),
          h(
            "ul",
            {},
            items.map((text) => h("li", {}, text)),
          ),
        )
      : null;
  const cell = (n: number) => h("td", { class: n < 0 ? "spent" : n > 0 ? "received" : "" }, signed(n));
  const books = h(
    "table",
    { class: "turn-books" },
    h("caption", {}, w.t("turns.card.books")),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, w.t("turns.card.line")),
        h("th", { scope: "col" }, w.t("turns.card.budget")),
        h("th", { scope: "col" }, w.t("turns.card.politicalCapital")),
        h("th", { scope: "col" }, w.t("turns.card.readiness")),
      ),
    ),
    h(
      "tbody",
      {},
      h(
        "tr",
        { class: "books-start" },
        h("th", { scope: "row" }, w.t("turns.card.start")),
        h("td", {}, String(card.start.budget)),
        h("td", {}, String(card.start.politicalCapital)),
        h("td", {}, String(card.start.readiness)),
      ),
      card.money.map((line) => h("tr", {}, h("th", { scope: "row" }, w.tm(line.what)), cell(line.budget), cell(line.politicalCapital), cell(line.readiness))),
      h(
        "tr",
        { class: "books-end" },
        h("th", { scope: "row" }, w.t("turns.card.end")),
        h("td", {}, String(card.end.budget)),
        h("td", {}, String(card.end.politicalCapital)),
        h("td", {}, String(card.end.readiness)),
      ),
    ),
  );
  const relations = card.relations.map((r) =>
    w.tm({
      key: "turns.card.relation",
      params: {
        nation: ref("nation", r.partner),
        trust: r.trust,
        trustChange: signed(r.trustChange),
        interoperability: r.interoperability,
        interoperabilityChange: signed(r.interoperabilityChange),
      },
    }),
  );
  const sections = [
    list(
      "turns.card.failures",
      card.failures.map((f) => w.t("turns.card.failure", { order: w.tm(f.order), reason: typeof f.reason === "string" ? f.reason : w.tm(f.reason) })),
      "failures",
    ),
    list(
      "turns.card.moves",
      card.moves.map((m) => w.tm(m)),
      "moves",
    ),
    list(
      "turns.card.crises",
      card.crises.map((m) => w.tm(m)),
      "crises",
    ),
    list("turns.card.relations", relations, "relations"),
    list(
      "turns.card.reports",
      [
        ...card.reports.map((id) => w.tm({ key: "turns.card.report", params: { title: ref("report", id) } })),
        ...(card.sightings ? [w.t("turns.card.sightings", { count: card.sightings })] : []),
      ],
      "reports",
    ),
    list(
      "turns.card.objectives",
      card.objectives.map((m) => w.tm(m)),
      "objectives",
    ),
    list(
      "turns.card.why",
      card.why.map((m) => w.tm(m)),
      "why",
    ),
  ].filter((s): s is HTMLElement => s !== null);
  return [books, ...(sections.length ? sections : [h("p", { class: "muted" }, w.t("turns.card.quiet"))])];
}
