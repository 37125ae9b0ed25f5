import type { ExerciseState } from "../../shared/state/schema.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { Viewer } from "../../shared/engine/view-for.ts";
import { feedItemFor, type FeedItem } from "../../shared/view/feed.ts";
import { TurnSummaries, readSummary, type SummaryReading, type TurnSummary } from "../../shared/view/turn-summary.ts";

/** Lines of feed each perspective keeps (the client shows the latest; the replay has them all). */
const FEED_LENGTH = 100;
/** The white cell's perspective key; the others are nations' ids. */
export const WHITE = "white";

/**
 * The perspectives a room projects: the white cell's and each nation's, non-playable ones too
 * (their role-players see exactly what that nation may know). A perspective nobody looks
 * through costs its feed lines only (exercise-room.ts projects watched ones).
 */
export function viewerKeys(state: ExerciseState): string[] {
  return [WHITE, ...Object.keys(state.nations)];
}

export function viewerOf(key: string): Viewer {
  return key === WHITE ? { kind: "white" } : { kind: "nation", nation: key };
}

/** What the feeds take from the state after an event: each perspective's line, and what the turn cards need. */
export type FeedReading = { lines: [key: string, item: FeedItem][]; cards: SummaryReading };

/**
 * Read while the state after `event` is whole: the room's decisions read it as each event is
 * folded (builder.ts) and apply the readings once the events are stored.
 */
export function readFeeds(event: ExerciseEvent, state: ExerciseState): FeedReading {
  const lines: FeedReading["lines"] = [];
  for (const key of viewerKeys(state)) {
    const item = feedItemFor(event, state, viewerOf(key));
    if (item) lines.push([key, item]);
  }
  return { lines, cards: readSummary(event, state) };
}

/**
 * Each perspective's recent feed, as the events arrive: what that viewer may hear of each event
 * (shared/view/feed.ts), the last FEED_LENGTH lines, with a version the projection watches.
 */
export class RoomFeeds {
  private feeds = new Map<string, { items: FeedItem[]; version: number }>();
  /** Each team's turn cards (shared/view/turn-summary.ts), kept whole: a few per turn, and the Turns tab shows them all. */
  private summaries = new TurnSummaries();
  private cards = new Map<string, { items: TurnSummary[]; version: number }>();

  /** `state` is the state after the event. */
  record(event: ExerciseEvent, state: ExerciseState): void {
    this.apply(event, readFeeds(event, state));
  }

  /** The same from what `readFeeds` took of the state after the event (a decision's readings, builder.ts). */
  apply(event: ExerciseEvent, reading: FeedReading): void {
    for (const card of this.summaries.apply(event, reading.cards)) {
      // A team reads its own card; exercise control reads every team's.
      for (const key of [card.nation, WHITE]) {
        const cards = this.cards.get(key) ?? { items: [], version: 0 };
        cards.items.push(card);
        cards.version++;
        this.cards.set(key, cards);
      }
    }
    for (const [key, item] of reading.lines) {
      const feed = this.feeds.get(key) ?? { items: [], version: 0 };
      feed.items.push(item);
      if (feed.items.length > FEED_LENGTH) feed.items.splice(0, feed.items.length - FEED_LENGTH);
      feed.version++;
      this.feeds.set(key, feed);
    }
  }

  /**
   * Everything the feeds hold, for the room's cached fold (fold-snapshot.ts); Maps stay Maps.
   * The turn cards are written once (the builder's finished cards): each is shared by its
   * team's list and exercise control's, which fromSnapshot rebuilds.
   */
  toSnapshot(): { feeds: RoomFeeds["feeds"]; summaries: { done: TurnSummary[] } } {
    // Detached (feed lines are replaced, never changed): the snapshot may be written out later.
    const feeds = new Map([...this.feeds].map(([key, feed]) => [key, { items: feed.items.slice(), version: feed.version }]));
    return { feeds, summaries: this.summaries.toSnapshot() };
  }

  /** The feeds a snapshot's `toSnapshot()` came from, as they were. */
  static fromSnapshot(data: ReturnType<RoomFeeds["toSnapshot"]>): RoomFeeds {
    const feeds = new RoomFeeds();
    feeds.feeds = data.feeds;
    feeds.summaries = TurnSummaries.fromSnapshot(data.summaries);
    // record() pushes each finished card to its team and to WHITE, one version per card.
    for (const card of data.summaries.done) {
      for (const key of [card.nation, WHITE]) {
        const cards = feeds.cards.get(key) ?? { items: [], version: 0 };
        cards.items.push(card);
        cards.version++;
        feeds.cards.set(key, cards);
      }
    }
    return feeds;
  }

  /** A perspective's turn cards as a versioned value for the projection. */
  turnsOf(key: string): { version: number; value: () => TurnSummary[] } {
    const cards = this.cards.get(key);
    return { version: cards?.version ?? 0, value: () => cards?.items ?? [] };
  }

  /** A perspective's feed as a versioned value for the projection. */
  of(key: string): { version: number; value: () => FeedItem[] } {
    const feed = this.feeds.get(key);
    return { version: feed?.version ?? 0, value: () => feed?.items ?? [] };
  }
}
