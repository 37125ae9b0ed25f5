import type { ScenarioSpec } from "../scenario/schema.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import type { ExerciseState } from "../state/schema.ts";
import { initialState } from "../engine/initial-state.ts";
import { evolve } from "../engine/evolve.ts";
import { viewFor, type View, type Viewer } from "../engine/view-for.ts";
import { metricsSnapshot, type MetricsSnapshot } from "../engine/metrics.ts";
import { feedItemFor, type FeedItem } from "../view/feed.ts";
import { TurnSummaries, type TurnSummary } from "../view/turn-summary.ts";
import { reviewInjects, type InjectReview } from "../aar/inject-evaluation.ts";
import { ReplayTimeline, type InjectMarker, type TurnMarker } from "./timeline.ts";

/** What the server's `GET /api/exercises/:id/events` returns. */
export type RecordedExercise = { exerciseId: string; title?: string; scenario: ScenarioSpec; seed: number; events: ExerciseEvent[] };

/**
 * A recorded exercise as the replay viewer uses it: seek to any event, look through any
 * viewer's eyes (the same `viewFor` that served them live), metrics per turn, inject review.
 */
export class ReplaySession {
  readonly recording: RecordedExercise;
  readonly timeline: ReplayTimeline;
  readonly turns: TurnMarker[];
  readonly injects: InjectMarker[];
  readonly metrics: MetricsSnapshot[];
  private finalState: ExerciseState;

  constructor(recording: RecordedExercise, snapshotEvery = 200) {
    this.recording = recording;
    const initial = initialState(recording.scenario, recording.exerciseId, recording.seed);
    this.timeline = new ReplayTimeline(initial, recording.events, snapshotEvery);
    this.turns = this.timeline.turnMarkers();
    this.injects = this.timeline.injectMarkers();
    this.finalState = this.timeline.stateAt(this.timeline.lastSeq);
    this.metrics = [metricsSnapshot(initial), ...this.turns.filter((t) => t.turn > 1).map((t) => metricsSnapshot(this.timeline.stateAt(t.seq)))];
    if (this.metrics[this.metrics.length - 1]!.seq !== this.finalState.seq) this.metrics.push(metricsSnapshot(this.finalState));
  }

  get lastSeq(): number {
    return this.timeline.lastSeq;
  }

  stateAt(seq: number): ExerciseState {
    return this.timeline.stateAt(seq);
  }

  viewAt(seq: number, viewer: Viewer): View {
    return viewFor(this.stateAt(seq), viewer);
  }

  /** The event at a sequence number, if any. */
  eventAt(seq: number): ExerciseEvent | undefined {
    return this.recording.events[seq - 1]?.seq === seq ? this.recording.events[seq - 1] : this.recording.events.find((e) => e.seq === seq);
  }

  private feeds = new Map<string, FeedItem[]>();
  private cards: { seq: number; card: TurnSummary }[] | null = null;

  /**
   * The turn cards this viewer had received up to `seq` (newest first), built as the room builds
   * them (server/rooms/room-feeds.ts): a nation its own, exercise control and observers every team's.
   */
  turnsAt(seq: number, viewer: Viewer): TurnSummary[] {
    if (!this.cards) {
      const summaries = new TurnSummaries();
      const cards: { seq: number; card: TurnSummary }[] = [];
      let state = this.timeline.initial;
      for (const event of this.recording.events) {
        state = evolve(state, event);
        for (const card of summaries.record(event, state)) cards.push({ seq: event.seq, card });
      }
      this.cards = cards;
    }
    const mine = viewer.kind === "nation" ? viewer.nation : null;
    return this.cards.filter((c) => c.seq <= seq && (mine === null || c.card.nation === mine)).map((c) => c.card).reverse();
  }

  /** The feed this viewer had received up to `seq` (newest first), exactly as it was live. */
  feedAt(seq: number, viewer: Viewer, limit = 60): FeedItem[] {
    const key = viewer.kind === "nation" ? viewer.nation : viewer.kind;
    let items = this.feeds.get(key);
    if (!items) {
      // One fold per viewer, then every seek is a slice.
      items = [];
      let state = this.timeline.initial;
      for (const event of this.recording.events) {
        state = evolve(state, event);
        const item = feedItemFor(event, state, viewer);
        if (item) items.push(item);
      }
      this.feeds.set(key, items);
    }
    let end = 0;
    while (end < items.length && items[end]!.seq <= seq) end++;
    return items.slice(Math.max(0, end - limit), end).reverse();
  }

  /** Index into `metrics` of the snapshot in force at `seq` (for the chart marker). */
  metricsIndexAt(seq: number): number {
    let index = 0;
    this.metrics.forEach((m, i) => {
      if (m.seq <= seq) index = i;
    });
    return index;
  }

  turnAt(seq: number): number {
    return this.stateAt(seq).turn;
  }

  injectReview(): InjectReview[] {
    return reviewInjects(this.timeline.initial, this.recording.events);
  }
}
