import type { Message } from "../../../shared/state/schema.ts";
import { LIVE_MESSAGES_PER_CHANNEL } from "../../../shared/view/chat-window.ts";

export type EarlierPage = { messages: Message[]; more: boolean };

/**
 * The chat a page shows: every message it has seen in the live state (which holds only the last
 * LIVE_MESSAGES_PER_CHANNEL of each channel) plus older pages fetched on demand. Messages never
 * change once sent, so keeping what was seen is always right. Kept per perspective, since exercise
 * control may look through several.
 */
export class ChatHistory {
  private readonly known = new Map<string, Map<string, Message>>();
  /** Each channel's messages in order, made again only after a message new to it arrived (a page renders them on every state patch). */
  private readonly ordered = new Map<string, Message[]>();
  /** Channels whose first message has been reached. */
  private readonly complete = new Set<string>();
  /** The page before a channel's oldest message, asked for ahead of "Show earlier". */
  private readonly ahead = new Map<string, { before: string; page: Promise<EarlierPage> }>();

  absorb(perspective: string, messages: Iterable<Message>): void {
    for (const message of messages) {
      const known = this.channel(perspective, message.channel);
      if (known.has(message.id)) continue;
      known.set(message.id, message);
      this.ordered.delete(`${perspective}|${message.channel}`);
    }
  }

  /** Oldest first; the same array until a message new to the channel arrives (do not change it). */
  messages(perspective: string, channel: string): readonly Message[] {
    const key = `${perspective}|${channel}`;
    let list = this.ordered.get(key);
    if (!list) this.ordered.set(key, (list = [...this.channel(perspective, channel).values()].sort(byTime)));
    return list;
  }

  /** Whether older messages may exist on the server: the live window is full and the start was not reached. */
  mayHaveEarlier(perspective: string, channel: string): boolean {
    return !this.complete.has(`${perspective}|${channel}`) && this.channel(perspective, channel).size >= LIVE_MESSAGES_PER_CHANNEL;
  }

  /**
   * Asks for the page before the oldest message now, and holds it until "Show earlier" is
   * pressed: the reader then waits for no server and no network (a page took 0.2–0.4 s to come
   * on loopback the first time an exercise of 50,000 messages was read, longer on a slow link).
   */
  prefetch(perspective: string, channel: string, fetchBefore: (messageId: string) => Promise<EarlierPage>): void {
    const key = `${perspective}|${channel}`;
    const oldest = this.messages(perspective, channel)[0];
    if (!oldest || !this.mayHaveEarlier(perspective, channel) || this.ahead.get(key)?.before === oldest.id) return;
    const page = fetchBefore(oldest.id);
    // A failed prefetch is forgotten; "Show earlier" asks again and says so if that fails too.
    page.catch(() => this.ahead.get(key)?.page === page && this.ahead.delete(key));
    this.ahead.set(key, { before: oldest.id, page });
  }

  async loadEarlier(perspective: string, channel: string, fetchBefore: (messageId: string) => Promise<EarlierPage>): Promise<number> {
    const key = `${perspective}|${channel}`;
    const oldest = this.messages(perspective, channel)[0];
    if (!oldest) return 0;
    const held = this.ahead.get(key);
    this.ahead.delete(key);
    const page = await (held?.before === oldest.id ? held.page : fetchBefore(oldest.id));
    this.absorb(perspective, page.messages);
    if (!page.more) this.complete.add(key);
    return page.messages.length;
  }

  private channel(perspective: string, channel: string): Map<string, Message> {
    const key = `${perspective}|${channel}`;
    let messages = this.known.get(key);
    if (!messages) this.known.set(key, (messages = new Map()));
    return messages;
  }
}

function byTime(a: Message, b: Message): number {
  return a.at - b.at || a.id.localeCompare(b.id, undefined, { numeric: true });
}
