import { h, keyedList } from "../ui/html.ts";
import { section } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { FeedItem, InjectView } from "../state/client-state.ts";
import { nameLookup, nationName, scenarioText } from "../game/names.ts";
import { t, lang, onLanguageChange } from "../i18n.ts";
import { translate, termKey, msg, type MessageKey } from "../../../shared/i18n/index.ts";
import { listFilter } from "./list-filter.ts";

const FEED_KINDS: readonly FeedItem["kind"][] = ["inject", "order", "turn", "intel", "diplomacy", "adjudication", "lifecycle", "rule"];

const KIND_ICON: Record<string, string> = { inject: "✉", order: "⚑", turn: "◷", intel: "◉", diplomacy: "⚐", adjudication: "⚖", lifecycle: "▶" };

/** Injects addressed to this viewer (full text) and the feed of results and events, newest first. */
export function feedPanel(getCtx: () => GameContext): Panel {
  const injects = h("div", { class: "injects" });
  const noInjects = h("p", { class: "muted" });
  const feed = h("ol", { class: "feed" });
  const heading = h("h2", {});
  const injectSection = section("", noInjects, injects);
  const filter = listFilter("picture.filter.feedLegend", [{ name: "kind", label: "picture.filter.kind" }], () => panel.update(getCtx()));
  const noMatch = h("p", { class: "muted" });
  const feedSection = section("", filter.element, noMatch, feed);
  const element = h("div", { class: "panel" }, heading, injectSection, feedSection);
  const labels = () => {
    heading.textContent = t("feed.panel.heading");
    injectSection.querySelector("h3")!.textContent = t("feed.panel.injects");
    feedSection.querySelector("h3")!.textContent = t("feed.panel.feed");
    injects.setAttribute("aria-label", t("feed.panel.injectsLabel"));
    feed.setAttribute("aria-label", t("feed.panel.feedLabel"));
    noInjects.textContent = t("feed.panel.noInjects");
    noMatch.textContent = t("picture.noMatch");
  };
  labels();
  const seenKey = () => {
    const ctx = getCtx();
    return `concord.feedSeen.${ctx.state.exerciseId}.${ctx.welcome.seatId}.${ctx.viewNation ?? "white"}`;
  };
  const seen = () => Number(localStorage.getItem(seenKey()) ?? 0);
  const visible = () => !element.closest<HTMLElement>("[role=tabpanel]")?.hidden;

  const renderInject = (i: InjectView) => {
    const state = getCtx().state;
    const typeKey = termKey("injectType", i.type);
    const deliveryKey = termKey("delivery", i.delivery);
    const meta = t("feed.panel.injectMeta", {
      type: typeKey ? msg(typeKey) : i.type,
      delivery: deliveryKey ? msg(deliveryKey) : i.delivery,
      from: nameLookup(state)({ ref: "injectSender", id: i.id }),
      to: i.to === "all" ? msg("feed.panel.allNations") : i.to.map((n) => nationName(state, n)),
      turn: i.releasedTurn ?? 0,
    });
    return h(
      "article",
      { class: "inject-card", "data-inject": i.number },
      h("h4", {}, `${i.number} ${scenarioText(state, i, "title")}`),
      h("p", { class: "meta" }, meta),
      h("p", {}, scenarioText(state, i, "body")),
    );
  };
  const renderItem = (f: FeedItem) =>
    h(
      "li",
      { class: `feed-item kind-${f.kind}` },
      h("span", { class: "feed-kind", "aria-hidden": "true" }, KIND_ICON[f.kind] ?? "•"),
      h("span", { class: "feed-turn" }, t("feed.panel.turn", { turn: f.turn })),
      h("span", { class: "feed-text" }, translate(lang(), f.msg, nameLookup(getCtx().state))),
    );
  // Re-rendered when the seat's language changes: the signature includes the language.
  const signature = (item: unknown) => `${lang()}\u0000${JSON.stringify(item)}`;

  const panel: Panel = {
    id: "feed",
    get title() {
      return t("feed.panel.tab");
    },
    element,
    badge(ctx) {
      if (visible()) return 0;
      const s = seen();
      return (ctx.perspective?.feed ?? []).filter((f) => f.seq > s).length;
    },
    update(ctx) {
      const released = Object.values(ctx.perspective?.injects ?? {})
        .filter((i) => i.releasedTurn !== null && (i.status === undefined || i.status === "released"))
        .sort((a, b) => (b.releasedTurn ?? 0) - (a.releasedTurn ?? 0) || b.number.localeCompare(a.number, undefined, { numeric: true }));
      noInjects.hidden = released.length > 0;
      keyedList(injects, released, (i) => i.id, renderInject, signature);
      const items = ctx.perspective?.feed ?? [];
      filter.choices(
        "kind",
        FEED_KINDS.filter((k) => items.some((f) => f.kind === k)).map((k) => ({ value: k, label: t(`picture.feedKind.${k}` as MessageKey) })),
      );
      const { kind, text } = filter.values();
      const lookup = nameLookup(ctx.state);
      const shown = items.filter((f) => (!kind || f.kind === kind) && (!text || filter.matches(translate(lang(), f.msg, lookup))));
      filter.element.hidden = items.length === 0;
      noMatch.hidden = items.length === 0 || shown.length > 0;
      filter.count(shown.length, items.length);
      keyedList(feed, shown, (f) => String(f.seq), renderItem, signature);
      if (visible() && ctx.perspective?.feed[0]) {
        try {
          localStorage.setItem(seenKey(), String(ctx.perspective.feed[0].seq));
        } catch {
          /* ignore */
        }
      }
    },
  };
  onLanguageChange(() => {
    labels();
    try {
      panel.update(getCtx());
    } catch {
      // Not yet in a game: the next update renders in the new language.
    }
  });
  return panel;
}
