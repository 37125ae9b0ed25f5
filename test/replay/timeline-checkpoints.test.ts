import { describe, it, expect } from "vitest";
import { ReplayTimeline } from "../../shared/replay/timeline.ts";
import { ReplaySession } from "../../shared/replay/replay-session.ts";
import { evolve, foldEvents } from "../../shared/engine/evolve.ts";
import { reviewInjects } from "../../shared/aar/inject-evaluation.ts";
import { CHAT_WINDOW } from "../../shared/state/schema.ts";
import { metricsSnapshot } from "../../shared/engine/metrics.ts";
import { makeLongLog } from "../../bench/scale/long-log.ts";

describe("the replay's kept states (folded transiently, a scope per stretch)", () => {
  const { scenario, initial, events } = makeLongLog(1500, { nations: 5, regions: 14, assets: 40, injects: 24, turns: 8, seed: 5 });

  it("every moment equals the log folded up to it, in any order of seeking, and the kept states never change", () => {
    const timeline = new ReplayTimeline(initial, events, 50);
    const kept = [50, 100, 700, 1450].map((seq) => [seq, JSON.stringify(timeline.stateAt(seq))] as const);
    for (const seq of [1499, 3, 777, 50, 51, 1200, 0, 1500, 99, 640])
      expect(JSON.stringify(timeline.stateAt(seq)), `seq ${seq}`).toBe(JSON.stringify(foldEvents(initial, events.slice(0, seq))));
    for (const [seq, json] of kept) expect(JSON.stringify(timeline.stateAt(seq)), `kept ${seq}`).toBe(json);
  });

  it("the session's feed, turn cards and inject markers from its one fold are those of separate folds", () => {
    const session = new ReplaySession({ exerciseId: initial.exerciseId, scenario, seed: initial.seed, events }, 50);
    const white = { kind: "white" } as const;
    // An observer's feed is folded on its own (the white cell's came from the timeline's fold): both alike.
    expect(session.feedAt(900, white, 500)).toEqual(session.feedAt(900, { kind: "observer" } as never, 500));
    expect(session.injects).toEqual(session.timeline.injectMarkers());
    expect(session.injects.length).toBeGreaterThan(0);
    expect(session.turnsAt(1500, white).length).toBeGreaterThan(0);
    // The inject review, judged during that fold, is the one a fold of its own gives (the AAR's;
    // verdicts.test.ts compares them on injects with expected actions of every kind).
    expect(session.injectReview()).toEqual(reviewInjects(initial, events));
    // The metrics taken as the fold passes each turn's start are those of the state folded up to it.
    const starts = events.filter((e) => e.type === "turnStarted" && e.turn > 1).map((e) => e.seq);
    const metrics = [initial, ...starts.map((seq) => foldEvents(initial, events.slice(0, seq)))].map(metricsSnapshot);
    if (metrics.at(-1)!.seq !== events.at(-1)!.seq) metrics.push(metricsSnapshot(foldEvents(initial, events)));
    expect(starts.length).toBeGreaterThan(2);
    expect(session.metrics).toEqual(metrics);
  });

  it("chat windows changed in place during a fold leave every kept state and the state given in as they were", () => {
    // Enough messages that the channels' windows are full and lose their oldest as the fold goes.
    const long = makeLongLog(5000, { nations: 3, regions: 8, assets: 12, injects: 6, turns: 4, seed: 9 });
    const copied = (upTo: number) => long.events.slice(0, upTo).reduce(evolve, long.initial); // no transient scope: copies only
    const full = Object.values(copied(5000).chat ?? {}).filter((w) => w.count > CHAT_WINDOW);
    expect(full.length).toBeGreaterThan(0);
    const start = copied(1000);
    const before = JSON.stringify(start.chat);
    expect(foldEvents(start, long.events.slice(1000))).toEqual(copied(5000));
    expect(JSON.stringify(start.chat)).toBe(before);
    const timeline = new ReplayTimeline(long.initial, long.events, 400);
    for (const seq of [400, 2000, 3600, 4799]) expect(timeline.stateAt(seq).chat, `seq ${seq}`).toEqual(copied(seq).chat);
    for (const seq of [4000, 1200, 2001]) expect(timeline.stateAt(seq), `seq ${seq}`).toEqual(copied(seq));
  });
});
