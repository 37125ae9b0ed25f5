import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { feedItemFor, feedText } from "../../shared/view/feed.ts";
import { buildAfterActionReport, renderHtml } from "../../shared/aar/index.ts";
import { LANGUAGES } from "../../shared/i18n/languages.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { ExerciseState, Message } from "../../shared/state/schema.ts";
import { ROOT } from "../../server/config.ts";

/**
 * A whole exercise recorded before the languages and wargame issues changed the rules: ten turns
 * of Northern Flank, its order outcomes still English prose in the log. Old exercises must still
 * open, replay to the same state, and show their feeds and report.
 */
const fixture = JSON.parse(readFileSync(join(ROOT, "test/fixtures/logs/northern-flank-10-turns-v1.json"), "utf8")) as {
  exerciseId: string;
  seed: number;
  scenario: unknown;
  events: ExerciseEvent[];
  /**
   * `stateHash`: the whole state as folded when it was recorded (its scenario parsed with that
   * day's defaults); `keyHashes`: each part of the game's state on its own, which the new rules
   * must leave exactly as they were.
   */
  final: { turn: number; phase: string; seq: number; stateHash: string; keyHashes: Record<string, string> };
};

const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === "object"
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : v;

const hashOf = (value: unknown) =>
  createHash("sha256")
    .update(JSON.stringify(canonical(value)))
    .digest("hex")
    .slice(0, 16);

/**
 * The chat as the state held it when the log was recorded: every message in log order, in
 * chunks of 64. The state now keeps each channel's last CHAT_WINDOW only (ExerciseState.chat);
 * this log has fewer per channel, so its windows still hold every message.
 */
function recordedMessages(state: ExerciseState): Message[][] {
  const windows = Object.values(state.chat ?? {});
  for (const window of windows) expect(window.recent.length).toBe(window.count);
  const all = windows.flatMap((w) => w.recent).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  return Array.from({ length: Math.ceil(all.length / 64) }, (_, i) => all.slice(i * 64, i * 64 + 64));
}

describe("a log recorded with the rules of 2026-12-01", () => {
  const initial = initialState(ScenarioSpec.parse(fixture.scenario), fixture.exerciseId, fixture.seed);
  const state = foldEvents(initial, fixture.events);

  it("folds to the same state it ended with", () => {
    expect({ turn: state.turn, phase: state.phase, seq: state.seq }).toEqual({ turn: fixture.final.turn, phase: fixture.final.phase, seq: fixture.final.seq });
    // Every part of the state the log knew folds to exactly what it was; the scenario itself is
    // left out because parsing it today fills in the rules' newer defaults.
    const hashes = Object.fromEntries(
      Object.keys(fixture.final.keyHashes).map((key) => [key, hashOf(key === "messages" ? recordedMessages(state) : (state as Record<string, unknown>)[key])]),
    );
    expect(hashes).toEqual(fixture.final.keyHashes);
    // What the state gained since is what a new exercise starts with: no old event touched it.
    const gained = Object.keys(state).filter((key) => key !== "scenario" && key !== "chat" && !(key in fixture.final.keyHashes));
    for (const key of gained) expect((state as Record<string, unknown>)[key], key).toEqual((initial as Record<string, unknown>)[key]);
  });

  it("still gives every viewer its feed, its view and the after-action report", () => {
    const viewers = [
      { kind: "white" } as const,
      ...Object.values(state.nations)
        .filter((n) => n.playable)
        .map((n) => ({ kind: "nation" as const, nation: n.id })),
    ];
    let before = initial;
    let lines = 0;
    for (const event of fixture.events) {
      before = foldEvents(before, [event]);
      for (const viewer of viewers) if (feedItemFor(event, before, viewer)) lines++;
    }
    expect(lines).toBeGreaterThan(100);
    for (const viewer of viewers) expect(() => JSON.stringify(viewFor(state, viewer))).not.toThrow();
    const report = buildAfterActionReport(initial, fixture.events, "Legacy");
    expect(report.injects.length).toBeGreaterThan(10);
  });

  it("renders every feed line in English and French, its recorded prose shown as it was", () => {
    const viewers = [
      { kind: "white" } as const,
      ...Object.values(state.nations)
        .filter((n) => n.playable)
        .map((n) => ({ kind: "nation" as const, nation: n.id })),
    ];
    let after = initial;
    let asRecorded = 0;
    for (const event of fixture.events) {
      after = foldEvents(after, [event]);
      for (const viewer of viewers) {
        const item = feedItemFor(event, after, viewer);
        if (!item) continue;
        for (const lang of LANGUAGES) {
          const text = feedText(item, after, lang);
          expect(text, `${event.type} in ${lang}`).not.toMatch(/undefined|\{|\}|\[object Object\]/);
          expect(text.length).toBeGreaterThan(0);
        }
        if (event.type === "orderExecuted") {
          asRecorded++;
          expect(feedText(item, after, "fr")).toContain(event.outcome);
        }
      }
    }
    expect(asRecorded).toBeGreaterThan(0);
    const report = buildAfterActionReport(initial, fixture.events, "Legacy");
    for (const lang of LANGUAGES) expect(renderHtml(report, lang)).not.toMatch(/undefined|\[object Object\]/);
  });
});
