import { h } from "../ui/html.ts";
import type { Message } from "../../../shared/state/schema.ts";

/**
 * One channel's messages as a list, brought up to date by adding what is new: messages never
 * change once sent and only ever arrive (at the end as they are sent, at the start as earlier
 * pages are read), so the list is walked once beside the messages in order and the new ones are
 * put in their places. keyedList would compare a signature per message on every state patch,
 * 10,000 of them in a long channel. The items are made again only when the words around the
 * messages change (the language).
 */
export class MessageList {
  // It scrolls: focusable, so the keyboard scrolls it too (axe scrollable-region-focusable).
  readonly element = h("ol", { class: "messages", tabindex: "0", "aria-labelledby": "channel-heading" });
  private shown: readonly Message[] | null = null;
  private hidden = 0;
  private words = "";

  /**
   * `messages` oldest first, of which the `hidden` oldest are left out of the list (a channel
   * opened again shows its newest page, and what was read further back comes back from memory);
   * the same array and count as last time means nothing changed.
   */
  show(messages: readonly Message[], words: string, render: (message: Message) => HTMLElement, hidden = 0): void {
    if (words !== this.words) {
      this.element.replaceChildren();
      this.shown = null;
      this.words = words;
    }
    if (messages === this.shown && hidden === this.hidden) return;
    // More left out than before: the items that go lead the list, in order, up to the first one kept.
    if (hidden > this.hidden) {
      const first = messages[hidden]?.id;
      while (this.element.firstElementChild && (this.element.firstElementChild as HTMLElement).dataset.key !== first) this.element.firstElementChild.remove();
    }
    this.shown = messages;
    this.hidden = hidden;
    let next = this.element.firstElementChild as HTMLElement | null;
    for (let i = hidden; i < messages.length; i++) {
      const message = messages[i]!;
      if (next?.dataset.key === message.id) {
        next = next.nextElementSibling as HTMLElement | null;
        continue;
      }
      const item = render(message);
      item.dataset.key = message.id;
      this.element.insertBefore(item, next);
    }
    // Nothing should be left over (no message is ever taken back); if the order was not what
    // this list held, what follows the last match was put in again above, and the old copies go.
    while (next) {
      const after = next.nextElementSibling as HTMLElement | null;
      next.remove();
      next = after;
    }
  }
}
