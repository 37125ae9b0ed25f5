import { h, keyedList } from "../ui/html.ts";
import { section } from "../ui/form.ts";
import type { GameContext, Panel } from "../game/context.ts";
import type { FeedItem, InjectView } from "../state/client-state.ts";
import { nationName } from "../game/names.ts";

const KIND_ICON: Record<string, string> = { inject: "✉", order: "⚑", turn: "◷", intel: "◉", diplomacy: "⚐", adjudication: "⚖", lifecycle: "▶" };

/** Injects addressed to this viewer (full text) and the feed of results and events, newest first. */
export function feedPanel(getCtx: () => GameContext): Panel {
  const injects = h("div", { class: "injects", "aria-label": "Injects received" });
  const noInjects = h("p", { class: "muted" }, "No injects yet.");
  const feed = h("ol", { class: "feed", "aria-label": "Exercise feed" });
  const element = h("div", { class: "panel" }, h("h2", {}, "News and results"), section("Injects", noInjects, injects), section("Feed", feed));
  const seenKey = () => {
    const ctx = getCtx();
    return `concord.feedSeen.${ctx.state.exerciseId}.${ctx.welcome.seatId}.${ctx.viewNation ?? "white"}`;
  };
  const seen = () => Number(localStorage.getItem(seenKey()) ?? 0);
  const visible = () => !element.closest<HTMLElement>("[role=tabpanel]")?.hidden;

  const renderInject = (i: InjectView) =>
    h(
      "article",
      { class: "inject-card", "data-inject": i.number },
      h("h4", {}, `${i.number} ${i.title}`),
      h("p", { class: "meta" }, `${i.type} · via ${i.delivery} · from ${i.from} · to ${i.to === "all" ? "all nations" : i.to.map((n) => nationName(getCtx().state, n)).join(", ")}${i.releasedTurn ? ` · turn ${i.releasedTurn}` : ""}`),
      h("p", {}, i.body),
    );
  const renderItem = (f: FeedItem) => h("li", { class: `feed-item kind-${f.kind}` }, h("span", { class: "feed-kind", "aria-hidden": "true" }, KIND_ICON[f.kind] ?? "•"), h("span", { class: "feed-turn" }, `T${f.turn}`), h("span", { class: "feed-text" }, f.text));

  return {
    id: "feed",
    title: "News",
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
      keyedList(injects, released, (i) => i.id, renderInject);
      keyedList(feed, ctx.perspective?.feed ?? [], (f) => String(f.seq), renderItem);
      if (visible() && ctx.perspective?.feed[0]) {
        try {
          localStorage.setItem(seenKey(), String(ctx.perspective.feed[0].seq));
        } catch {
          /* ignore */
        }
      }
    },
  };
}
