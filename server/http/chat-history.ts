import type { EventStore } from "../store/event-store.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { messageFilter, type Viewer } from "../../shared/engine/view-for.ts";
import type { ExerciseState, Message } from "../../shared/state/schema.ts";

/** The answer to one page request, or why there is none (an HTTP status and error code). */
export type ChatPage = { channel: string; messages: Message[]; more: boolean } | { refused: 403 | 404; code: "not_your_channel" | "unknown_message" };

type ChannelLog = { messages: Message[]; at: Map<string, number> };
type Index = {
  /** The last event read from the log. */
  seq: number;
  channels: Map<string, ChannelLog>;
  /** Who reads which channel depends on the nations and their alliance membership, which come from the scenario (no event changes them). */
  nations: Pick<ExerciseState, "nations">;
  used: number;
};

/** How many exercises' chat stays indexed in memory; the least recently read one goes first. */
const KEPT = 16;

/**
 * Older chat, a page at a time (`GET /api/exercises/:id/messages`): the live state carries only
 * the last LIVE_MESSAGES_PER_CHANNEL messages of each channel. Folding the whole log for every
 * page cost 0.4 s at 25,000 messages and 1.3 s at 50,000 (bench/scale/chat.bench.ts); instead
 * each exercise's messages are indexed by channel once, and each request first reads only the
 * events logged since the last one (a few, or none) from the store. A page is then a lookup of
 * the `before` message's place in its channel and a slice. Messages never change once sent, so
 * the index only grows; it is kept for the KEPT most recently read exercises.
 */
export class ChatHistory {
  private readonly indexes = new Map<string, Index>();
  /** One catch-up with the log at a time per exercise: concurrent pages wait for the same read. */
  private readonly reading = new Map<string, Promise<Index>>();

  private readonly store: Pick<EventStore, "getExercise" | "readEvents">;

  constructor(store: Pick<EventStore, "getExercise" | "readEvents">) {
    this.store = store;
  }

  /** The newest `limit` messages of `channel` before message `before` (or the newest), oldest first. */
  async page(exerciseId: string, viewer: Viewer, channel: string, before: string | null, limit: number): Promise<ChatPage> {
    const index = await this.caughtUp(exerciseId);
    if (!messageFilter(index.nations as ExerciseState, viewer).reads(channel)) return { refused: 403, code: "not_your_channel" };
    const log = index.channels.get(channel);
    const end = before === null ? (log?.messages.length ?? 0) : log?.at.get(before);
    if (end === undefined) return { refused: 404, code: "unknown_message" };
    const start = Math.max(0, end - limit);
    return { channel, messages: log?.messages.slice(start, end) ?? [], more: start > 0 };
  }

  private caughtUp(exerciseId: string): Promise<Index> {
    const pending = this.reading.get(exerciseId);
    if (pending) return pending;
    const read = this.catchUp(exerciseId).finally(() => this.reading.delete(exerciseId));
    this.reading.set(exerciseId, read);
    return read;
  }

  private async catchUp(exerciseId: string): Promise<Index> {
    let index = this.indexes.get(exerciseId);
    if (!index) {
      const record = await this.store.getExercise(exerciseId);
      if (!record) throw new Error(`chat history: no exercise ${exerciseId}`);
      index = { seq: 0, channels: new Map(), nations: { nations: initialState(record.scenario, record.id, record.seed).nations }, used: 0 };
    }
    for (const event of await this.store.readEvents(exerciseId, index.seq + 1)) {
      index.seq = event.seq;
      if (event.type !== "messageSent") continue;
      const message = event.message;
      let log = index.channels.get(message.channel);
      if (!log) index.channels.set(message.channel, (log = { messages: [], at: new Map() }));
      log.at.set(message.id, log.messages.length);
      log.messages.push(message);
    }
    index.used = performance.now();
    this.indexes.set(exerciseId, index);
    if (this.indexes.size > KEPT) {
      const oldest = [...this.indexes.entries()].sort((a, b) => a[1].used - b[1].used)[0]!;
      this.indexes.delete(oldest[0]);
    }
    return index;
  }
}
