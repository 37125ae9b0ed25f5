import type { ExerciseState } from "../../../shared/state/schema.ts";
import type { TurnSummary } from "../../../shared/view/turn-summary.ts";
import { h } from "../ui/html.ts";
import { lang } from "../i18n.ts";
import { words } from "./replay-words.ts";
import { turnCard } from "../panels/turn-card.ts";
import { placeInOrder } from "./replay-list.ts";

/** A number per card object: the replay's cards never change once made, so one is the same card. */
const cardIds = new WeakMap<TurnSummary, number>();
let nextCardId = 0;
const cardId = (c: TurnSummary) => {
  let id = cardIds.get(c);
  if (id === undefined) cardIds.set(c, (id = ++nextCardId));
  return id;
};

export type ReplayTurnsPanel = { element: HTMLElement; update(cards: readonly TurnSummary[], state: ExerciseState, withNation: boolean): HTMLElement };

/**
 * The turn cards the viewer had received by this point, newest open (the same cards as live:
 * panels/turn-card.ts). One panel for the whole replay, and each card's element is built once
 * per openness and language and kept, also after a jump back took it off the panel (a week of
 * play is some 600 cards), so jumping forward again builds none of them.
 *
 * Between two moments the list differs only at its top: it is every card received so far,
 * newest first, so a jump adds or takes away the newest cards and (through a nation's eyes)
 * changes which one is open. The panel keeps the elements it shows in order and moves only
 * those above the oldest ones the two lists share (replay-list.ts): a jump across the week
 * moves a few hundred cards in one fragment. (A keyed walk of every card, reading each one's
 * key and signature back from the DOM, was 13 ms a jump at 600 cards.)
 */
export function replayTurnsPanel(): ReplayTurnsPanel {
  const heading = h("h2", { id: "turns-h" });
  const empty = h("p", { class: "hint" });
  const list = h("div", { class: "turn-cards" });
  const element = h("section", { class: "panel", "aria-labelledby": "turns-h" }, heading, empty, list);
  const made = new Map<string, HTMLElement>();
  let madeIn = lang();
  /** The turns' boxes in `list`, in order, and each turn's box with the cards it holds. */
  let shown: HTMLElement[] = [];
  const groups = new Map<number, { element: HTMLElement; members: HTMLElement[] }>();
  return {
    element,
    update(cards, state, withNation) {
      const w = words(state);
      if (madeIn !== lang()) made.clear(), groups.clear(), (madeIn = lang());
      const newest = cards[0]?.turn;
      const wanted = cards.map((c) => {
        const open = c.turn === newest && !withNation;
        const sig = `${cardId(c)}|${open}|${withNation}`;
        let el = made.get(sig);
        if (!el) made.set(sig, (el = turnCard(c, w, { withNation, open })));
        return el;
      });
      // A card that had the focus and is replaced by its other openness passes the focus on.
      const active = document.activeElement;
      const focused = active && list.contains(active) ? active.closest<HTMLElement>(".turn-card") : null;
      const successor =
        focused && !wanted.includes(focused)
          ? wanted.find((el) => el.dataset.turn === focused.dataset.turn && el.dataset.nation === focused.dataset.nation)
          : undefined;
      // A turn's cards in one box of their own (`display: contents`: laid out as the list's own
      // children): a jump moves a box per turn, not twelve cards (removing 600 cards one by one
      // was most of what the panel still cost).
      const boxes: HTMLElement[] = [];
      for (let i = 0; i < wanted.length; ) {
        const turn = cards[i]!.turn;
        let end = i;
        while (end < wanted.length && cards[end]!.turn === turn) end++;
        const members = wanted.slice(i, end);
        let box = groups.get(turn);
        if (!box) groups.set(turn, (box = { element: h("div", { class: "turn-group" }), members: [] }));
        if (box.members.length !== members.length || box.members.some((el, k) => el !== members[k])) {
          box.element.replaceChildren(...members);
          box.members = members;
        }
        boxes.push(box.element);
        i = end;
      }
      placeInOrder(list, shown, boxes);
      shown = boxes;
      heading.textContent = w.t("turns.panel.heading");
      empty.textContent = w.t("turns.panel.empty");
      empty.hidden = cards.length > 0;
      list.hidden = cards.length === 0;
      successor?.querySelector("summary")?.focus();
      return element;
    },
  };
}
