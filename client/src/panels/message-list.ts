import { h } from "../ui/html.ts";
import type { Message } from "../../../shared/state/schema.ts";

/**
 * Messages a block of the list holds. Out of sight, a block is one box that is not laid out,
 * painted or hit-tested inside (`content-visibility: auto`); with that on every message instead,
 * Chromium kept a paint layer and an intersection target per message, and a page added at the
 * top of 10,000 took ~90 ms of hit tests, pre-paint and intersections (bench/scale/chat.bench.ts).
 */
export const MESSAGES_PER_BLOCK = 100;
/** The height an unseen block is given until it has been laid out once (a message is about this tall). */
const MESSAGE_HEIGHT_EM = 3.5;

/**
 * One channel's messages as a list, brought up to date by adding what is new: messages never
 * change once sent and only ever arrive (at the end as they are sent, at the start as earlier
 * pages are read), so the ids shown are compared with the messages in order and the new ones are
 * put in their places. keyedList would compare a signature per message on every state patch,
 * 10,000 of them in a long channel. The items are made again only when the words around the
 * messages change (the language), or if the order was ever not what the list holds.
 */
export class MessageList {
  // It scrolls: focusable, so the keyboard scrolls it too (axe scrollable-region-focusable).
  // A list of blocks of items: the blocks are no list element, so the list is an ARIA one.
  readonly element = h("div", { class: "messages", role: "list", tabindex: "0", "aria-labelledby": "channel-heading" });
  private shown: readonly Message[] | null = null;
  private hidden = 0;
  private words = "";
  /** The ids of the messages in the list, in its order: compared with the messages, not read from 10,000 items. */
  private ids: string[] = [];

  /**
   * `messages` oldest first, of which the `hidden` oldest are left out of the list (a channel
   * opened again shows its newest page, and what was read further back comes back from memory);
   * the same array and count as last time means nothing changed.
   */
  show(messages: readonly Message[], words: string, render: (message: Message) => HTMLElement, hidden = 0): void {
    if (words !== this.words) {
      this.clear();
      this.words = words;
    }
    if (messages === this.shown && hidden === this.hidden) return;
    this.shown = messages;
    this.hidden = hidden;
    // More left out than before: the list's first items go, up to the first one kept.
    const dropped = messages.length > hidden ? this.ids.indexOf(messages[hidden]!.id) : this.ids.length;
    if (dropped > 0) this.dropFirst(dropped);
    // Where the list's first message is among those to show: what comes before it is new at the top.
    let first = this.ids.length ? hidden : messages.length;
    while (first < messages.length && messages[first]!.id !== this.ids[0]) first++;
    if (this.ids.length && !this.holdsFrom(messages, first)) {
      // Not in the order this list holds (no message is ever taken back): made again, whole.
      this.clear();
      first = messages.length;
    }
    const last = first + this.ids.length;
    if (!this.ids.length) this.append(messages.slice(hidden), render);
    else {
      this.prepend(messages.slice(hidden, first), render);
      this.append(messages.slice(last), render);
    }
  }

  private holdsFrom(messages: readonly Message[], first: number): boolean {
    if (first + this.ids.length > messages.length) return false;
    for (let i = 0; i < this.ids.length; i++) if (messages[first + i]!.id !== this.ids[i]) return false;
    return true;
  }

  private append(messages: readonly Message[], render: (message: Message) => HTMLElement): void {
    let at = 0;
    while (at < messages.length) {
      let block = this.element.lastElementChild as HTMLElement | null;
      if (!block || block.childElementCount >= MESSAGES_PER_BLOCK) this.element.append((block = newBlock()));
      const room = MESSAGES_PER_BLOCK - block.childElementCount;
      const part = messages.slice(at, at + room);
      block.append(...part.map(render));
      sized(block);
      for (const message of part) this.ids.push(message.id);
      at += part.length;
    }
  }

  /** New blocks above the first one; the partly filled one on top, where the next earlier page goes. */
  private prepend(messages: readonly Message[], render: (message: Message) => HTMLElement): void {
    if (!messages.length) return;
    const blocks: HTMLElement[] = [];
    for (let end = messages.length; end > 0; end -= MESSAGES_PER_BLOCK) {
      const block = newBlock();
      block.append(...messages.slice(Math.max(0, end - MESSAGES_PER_BLOCK), end).map(render));
      blocks.unshift(sized(block));
    }
    this.element.prepend(...blocks);
    this.ids = [...messages.map((m) => m.id), ...this.ids];
  }

  private dropFirst(count: number): void {
    this.ids.splice(0, count);
    let left = count;
    while (left > 0 && this.element.firstElementChild) {
      const block = this.element.firstElementChild as HTMLElement;
      if (block.childElementCount <= left) {
        left -= block.childElementCount;
        block.remove();
        continue;
      }
      for (; left > 0; left--) block.firstElementChild!.remove();
      sized(block);
    }
  }

  private clear(): void {
    this.element.replaceChildren();
    this.ids = [];
  }
}

function newBlock(): HTMLElement {
  return h("div", { class: "block", role: "none" });
}

/** The height the block is taken to have until it is laid out (afterwards its own last height, kept by the browser). */
function sized(block: HTMLElement): HTMLElement {
  block.style.containIntrinsicHeight = `auto ${block.childElementCount * MESSAGE_HEIGHT_EM}em`;
  return block;
}
