import { describe, it, expect } from "vitest";
import { ReplaySession, type RecordedExercise } from "../../shared/replay/replay-session.ts";
import { logRanges, type LogRange } from "../../shared/replay/log-ranges.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { makeLongLog } from "../../bench/scale/long-log.ts";

/** What the server answers for a range (`GET …/events?from=&to=`). */
const served = (log: readonly ExerciseEvent[], range: LogRange) => log.filter((e) => e.seq >= range.from && (range.to === undefined || e.seq <= range.to));

describe("the log asked for in ranges", () => {
  it("covers every event once, in order, the last range running to the log's end", () => {
    const log = Array.from({ length: 25 }, (_, i) => ({ seq: i + 1 }) as ExerciseEvent);
    for (const [lastSeq, size] of [
      [25, 10],
      [20, 10],
      [21, 10],
      [1, 10],
      [0, 10],
      [25, 1],
    ]) {
      const ranges = logRanges(lastSeq, size);
      expect(ranges.at(-1)!.to, `${lastSeq}/${size}`).toBeUndefined();
      expect(ranges.slice(0, -1).every((r) => r.to! - r.from + 1 === size)).toBe(true);
      // Read against a log longer than `lastSeq` (events appended since): all of it, once.
      expect(ranges.flatMap((r) => served(log, r)).map((e) => e.seq)).toEqual(log.map((e) => e.seq));
    }
    expect(logRanges(20, 10)).toEqual([{ from: 1, to: 10 }, { from: 11 }]);
  });
});

describe("a replay folded range by range", () => {
  const { scenario, initial, events } = makeLongLog(1500, { nations: 5, regions: 14, assets: 40, injects: 24, turns: 8, seed: 5 });
  const header = { exerciseId: initial.exerciseId, scenario, seed: initial.seed };
  const EVERY = 50;
  const whole = new ReplaySession({ ...header, events }, EVERY);
  const white = { kind: "white" } as const;
  let wholeStates: string[] | null = null;
  const wholeState = (seq: number) => (wholeStates ??= Array.from({ length: events.length + 1 }, (_, at) => JSON.stringify(whole.stateAt(at))))[seq];

  /** A session built from the ranges the viewer asks for, against a log that grew to `events` since `lastSeq` was read. */
  const ranged = (lastSeq: number, size: number) => {
    const [first, ...rest] = logRanges(lastSeq, size);
    // As the page receives them: the first range with the header, the later ones without it
    // (`only=events`), each parsed on its own (no object shared with the first's scenario).
    const session = new ReplaySession(JSON.parse(JSON.stringify({ ...header, events: served(events, first!) })) as RecordedExercise, EVERY);
    for (const range of rest) session.append((JSON.parse(JSON.stringify({ events: served(events, range) })) as Pick<RecordedExercise, "events">).events);
    return session;
  };

  // Ranges that end inside a stretch between kept states, on a kept state, and a last range of
  // a few events (1,500 = 14 × 107 + 2); the log read as 1,400 events long, grown to 1,500.
  for (const [lastSeq, size] of [
    [1500, 107],
    [1500, 250],
    [1400, 700],
  ] as const) {
    it(`gives the whole fold's state at every moment, its feed, cards, markers, metrics and review (${size} events a range)`, () => {
      const session = ranged(lastSeq, size);
      expect(session.lastSeq).toBe(whole.lastSeq);
      for (let seq = 0; seq <= events.length; seq++) expect(JSON.stringify(session.stateAt(seq)), `seq ${seq}`).toBe(wholeState(seq));
      expect(session.turns).toEqual(whole.turns);
      expect(session.injects).toEqual(whole.injects);
      expect(session.metrics).toEqual(whole.metrics);
      expect(session.feedAt(1500, white, 5000)).toEqual(whole.feedAt(1500, white, 5000));
      expect(session.feedAt(1500, { kind: "nation", nation: "n01" }, 5000)).toEqual(whole.feedAt(1500, { kind: "nation", nation: "n01" }, 5000));
      expect(session.turnsAt(1500, white)).toEqual(whole.turnsAt(1500, white));
      expect(session.injectReview()).toEqual(whole.injectReview());
      expect(session.eventAt(1500)).toEqual(events[1499]);
    });
  }

  it("asked for its review, its metrics or a nation's feed before the last range, then given it, answers as the whole fold", () => {
    const [first, ...rest] = logRanges(1500, 600).map((range) => served(events, range));
    const session = new ReplaySession({ ...header, events: first! }, EVERY);
    for (const range of rest) {
      session.injectReview();
      session.feedAt(session.lastSeq, { kind: "nation", nation: "n01" });
      session.append(range);
    }
    expect(session.injectReview()).toEqual(whole.injectReview());
    expect(session.metrics).toEqual(whole.metrics);
    expect(session.feedAt(1500, { kind: "nation", nation: "n01" }, 5000)).toEqual(whole.feedAt(1500, { kind: "nation", nation: "n01" }, 5000));
    expect(session.stateAt(1500)).toEqual(whole.stateAt(1500));
  });
});
