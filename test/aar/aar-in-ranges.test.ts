import { describe, it, expect } from "vitest";
import { aarFold, buildAfterActionReport, aarJson } from "../../shared/aar/index.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import { MemoryStore } from "../../server/store/memory-store.ts";
import { AAR_RANGE, exportAar } from "../../server/exercises/aar-export.ts";
import { makeLongLog } from "../../bench/scale/long-log.ts";
import { playTiny } from "./play-tiny.ts";

function inRanges(initial: ExerciseState, events: readonly ExerciseEvent[], size: number) {
  const fold = aarFold(initial, "Ranges");
  for (let i = 0; i < events.length; i += size) fold.add(events.slice(i, i + size));
  return fold.finish();
}

// The export reads the log a range at a time (memory on a week-long exercise): wherever a range
// ends — inside an adjudication's decision, between a release and its response — the report is
// the whole log's.
describe("the after-action report built from the log in ranges", () => {
  it("is the whole log's report for any range size (a scripted game with adjudications and evaluations)", () => {
    const g = playTiny();
    const whole = buildAfterActionReport(g.initial, g.events, "Ranges");
    expect(whole.adjudications.length).toBeGreaterThan(0);
    for (const size of [1, 2, 3, 7, 64]) expect(inRanges(g.initial, g.events, size), `ranges of ${size}`).toEqual(whole);
  });

  it("is the whole log's report for a long, twelve-nation log", () => {
    const { initial, events } = makeLongLog(3000);
    const whole = buildAfterActionReport(initial, events, "Ranges");
    expect(whole.injects.some((i) => i.status === "released")).toBe(true);
    for (const size of [1, 499, 1000]) expect(inRanges(initial, events, size), `ranges of ${size}`).toEqual(whole);
  });

  it("is what the export sends for a log longer than one range", async () => {
    const { scenario, initial, events } = makeLongLog(AAR_RANGE + 1200);
    expect(events.length).toBeGreaterThan(AAR_RANGE);
    const store = new MemoryStore();
    await store.createExercise({
      id: initial.exerciseId,
      title: "Ranges",
      scenario,
      seed: 7,
      createdAt: 0,
      facilitatorTokenHash: "0".repeat(64),
      joinCodes: {},
      observerCode: "OBSERVE1",
    });
    await store.append(initial.exerciseId, events);
    const exported = await exportAar(store, initial.exerciseId, "json", "en");
    const whole = buildAfterActionReport(initial, events, "Ranges");
    expect(JSON.parse(exported!.body as string)).toEqual(JSON.parse(JSON.stringify(aarJson(whole, "en"))));
    expect(whole.exercise.events).toBe(events.length);
  });
});
