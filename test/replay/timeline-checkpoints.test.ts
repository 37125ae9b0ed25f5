import { describe, it, expect } from "vitest";
import { ReplayTimeline } from "../../shared/replay/timeline.ts";
import { ReplaySession } from "../../shared/replay/replay-session.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";
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
  });
});
