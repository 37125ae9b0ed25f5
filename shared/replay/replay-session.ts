import type { ScenarioSpec } from "../scenario/schema.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import type { ExerciseState } from "../state/schema.ts";
import { initialState } from "../engine/initial-state.ts";
import { evolve } from "../engine/evolve.ts";
import { viewFor, type View, type Viewer } from "../engine/view-for.ts";
import { metricsSnapshot, type MetricsSnapshot } from "../engine/metrics.ts";
import { feedItemFor, type FeedItem } from "../view/feed.ts";
import { TurnSummaries, type TurnSummary } from "../view/turn-summary.ts";
import { reviewOfJudged, type InjectReview } from "../aar/inject-evaluation.ts";
import { nationActions } from "../aar/nation-actions.ts";
import { outcomeJudge, type OutcomeJudge } from "../aar/judge-outcomes.ts";
import { ReplayTimeline, injectMarkerOf, type InjectMarker, type TurnMarker } from "./timeline.ts";
import { transiently } from "../state/records.ts";

const WHITE = { kind: "white" } as const;

/** What the server's `GET /api/exercises/:id/events` returns (the whole log, or a range of it: `?from=&to=`). */
export type RecordedExercise = { exerciseId: string; title?: string; scenario: ScenarioSpec; seed: number; events: readonly ExerciseEvent[] };

/**
 * A recorded exercise as the replay viewer uses it: seek to any event, look through any
 * viewer's eyes (the same `viewFor` that served them live), metrics per turn, inject review.
 * Built from the whole log, or from its first range and then `append`ed range by range: the
 * same states, feed, cards, markers and metrics either way.
 */
export class ReplaySession {
  readonly recording: RecordedExercise;
  readonly timeline: ReplayTimeline;
  readonly turns: TurnMarker[] = [];
  readonly injects: InjectMarker[] = [];
  readonly metrics: MetricsSnapshot[];
  private finalState: ExerciseState;
  /** Whether the last of `metrics` is the end's (taken after the last event, not at a turn's start): the next range replaces it. */
  private endMetrics = false;

  constructor(recording: RecordedExercise, snapshotEvery = 200) {
    const initial = initialState(recording.scenario, recording.exerciseId, recording.seed);
    // One fold for the timeline, the white cell's feed, every turn card and the injects' markers
    // (each took a fold of its own: 10 s over a week-long log of 100,000 events).
    const white: FeedItem[] = [];
    const summaries = new TurnSummaries();
    const cards: { seq: number; card: TurnSummary }[] = [];
    const injects = this.injects;
    const turns = this.turns;
    // The metrics at the start of each turn after the first (and at the end), taken as the fold passes it.
    const metrics: MetricsSnapshot[] = [metricsSnapshot(initial)];
    this.judge = outcomeJudge(initial);
    const judge = this.judge;
    this.timeline = new ReplayTimeline(
      initial,
      [],
      snapshotEvery,
      (event, state) => {
        const item = feedItemFor(event, state, WHITE);
        if (item) white.push(item);
        for (const card of summaries.record(event, state)) cards.push({ seq: event.seq, card });
        if (event.type === "injectReleased") injects.push(injectMarkerOf(event, state));
        if (event.type === "turnStarted") turns.push({ turn: event.turn, seq: event.seq });
        if (event.type === "turnStarted" && event.turn > 1) metrics.push(metricsSnapshot(state));
        judge.after(event, state);
      },
      (event, state) => judge.before(event, state),
    );
    this.recording = { ...recording, events: this.timeline.events };
    this.feeds.set(WHITE.kind, white);
    this.cards = cards;
    this.metrics = metrics;
    this.finalState = initial;
    this.append(recording.events);
  }

  /**
   * Folds the events that follow the log so far (the next range of it, in seq order). The
   * feeds of other viewers and the inject review are made from the whole log when first asked.
   */
  append(events: readonly ExerciseEvent[]): void {
    if (this.endMetrics) this.metrics.pop();
    this.timeline.append(events);
    this.finalState = this.timeline.stateAt(this.timeline.lastSeq);
    this.endMetrics = this.metrics[this.metrics.length - 1]!.seq !== this.finalState.seq;
    if (this.endMetrics) this.metrics.push(metricsSnapshot(this.finalState));
    for (const key of [...this.feeds.keys()]) if (key !== WHITE.kind) this.feeds.delete(key);
    this.review = null;
  }

  get lastSeq(): number {
    return this.timeline.lastSeq;
  }

  stateAt(seq: number): ExerciseState {
    return this.timeline.stateAt(seq);
  }

  /** What `viewer` knew at `seq`; `{ chat: false }` without the chat windows (viewFor), as the replay viewer, which shows no chat, asks. */
  viewAt(seq: number, viewer: Viewer, options?: { chat?: boolean }): View {
    return viewFor(this.stateAt(seq), viewer, options);
  }

  /** The event at a sequence number, if any. */
  eventAt(seq: number): ExerciseEvent | undefined {
    const events = this.timeline.events;
    return events[seq - 1]?.seq === seq ? events[seq - 1] : events.find((e) => e.seq === seq);
  }

  private feeds = new Map<string, FeedItem[]>();
  private readonly cards: { seq: number; card: TurnSummary }[];

  /**
   * The turn cards this viewer had received up to `seq` (newest first), built as the room builds
   * them (server/rooms/room-feeds.ts): a nation its own, exercise control and observers every team's.
   */
  turnsAt(seq: number, viewer: Viewer): TurnSummary[] {
    const mine = viewer.kind === "nation" ? viewer.nation : null;
    return this.cards
      .filter((c) => c.seq <= seq && (mine === null || c.card.nation === mine))
      .map((c) => c.card)
      .reverse();
  }

  /** The feed this viewer had received up to `seq` (newest first), exactly as it was live. */
  feedAt(seq: number, viewer: Viewer, limit = 60): FeedItem[] {
    const key = viewer.kind === "nation" ? viewer.nation : viewer.kind;
    let items = this.feeds.get(key);
    if (!items) {
      // One fold per viewer (transient: each line reads the state at once), then every seek is a slice.
      const lines: FeedItem[] = [];
      transiently(() => {
        let state = this.timeline.initial;
        for (const event of this.timeline.events) {
          state = evolve(state, event);
          const item = feedItemFor(event, state, viewer);
          if (item) lines.push(item);
        }
      });
      this.feeds.set(key, (items = lines));
    }
    // The first line after `seq` (lines are in seq order).
    let end = 0;
    for (let high = items.length; end < high; ) {
      const mid = (end + high) >> 1;
      if (items[mid]!.seq <= seq) end = mid + 1;
      else high = mid;
    }
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

  /** The injects' outcomes, judged during the timeline's fold (as reviewInjects judges them in a fold of its own). */
  private readonly judge: OutcomeJudge;
  private review: InjectReview[] | null = null;

  injectReview(): InjectReview[] {
    this.review ??= reviewOfJudged(this.judge.finish(nationActions(this.timeline.events)));
    return this.review;
  }
}
