import { describe, it, expect } from "vitest";
import { ReplaySession } from "../../shared/replay/replay-session.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { playTiny, tinyScenario } from "../aar/play-tiny.ts";
import { feedText, type FeedItem } from "../../shared/view/feed.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp } from "../../shared/engine/evolve.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";

describe("replay session", () => {
  const game = playTiny();
  const replay = new ReplaySession({ exerciseId: "ex-script", scenario: tinyScenario, seed: 11, events: game.events }, 8);

  it("shows a nation exactly what it knew at a moment, and not what it learned later", () => {
    const shared = game.events.find((e) => e.type === "intelShared")!;
    const before = replay.viewAt(shared.seq - 1, { kind: "nation", nation: "south" });
    const after = replay.viewAt(shared.seq + 1, { kind: "nation", nation: "south" });
    expect(Object.values(before.reports).some((r) => r.text.includes("RNS Grom"))).toBe(false);
    expect(Object.values(after.reports).some((r) => r.text.includes("RNS Grom"))).toBe(true);
    expect(after).toEqual(viewFor(replay.stateAt(shared.seq + 1), { kind: "nation", nation: "south" }));
  });

  it("without the chat, as the viewer asks it (which shows none), is the same view with no messages", () => {
    // A team line sent at the start, replayed.
    const started = initialState(tinyScenario, "ex-chat", 11);
    let now = Date.parse(tinyScenario.startTime);
    const events: ExerciseEvent[] = [];
    let state = started;
    for (const [command, actor] of [
      [{ type: "startExercise" }, { role: "facilitator", name: "Control" }],
      [
        { type: "sendMessage", channel: "team:north", text: "Brief at the hour." },
        { role: "participant", nation: "north", name: "Alice" },
      ],
    ] as [Command, Actor][]) {
      const decision = decide(state, command, actor, (now += 1000));
      if ("rejected" in decision) throw new Error(`rejected: ${JSON.stringify(decision)}`);
      events.push(...stamp(state, decision.events, now));
      state = decision.state;
    }
    const chat = new ReplaySession({ exerciseId: "ex-chat", scenario: tinyScenario, seed: 11, events }, 8);
    const viewer = { kind: "nation", nation: "north" } as const;
    const full = chat.viewAt(chat.lastSeq, viewer);
    expect(Object.values(full.messages).map((m) => m.text)).toEqual(["Brief at the hour."]);
    expect(chat.viewAt(chat.lastSeq, viewer, { chat: false })).toEqual({ ...full, messages: {} });
  });

  it("ends in the live final state", () => {
    expect(replay.stateAt(replay.lastSeq)).toEqual(game.state);
  });

  it("gives turn and inject markers, metrics per turn and the feed as it was", () => {
    expect(replay.turns.map((t) => t.turn)).toEqual([1, 2, 3, 4]);
    expect(replay.injects.map((i) => i.number)).toEqual(["1.01", "1.02"]);
    expect(replay.metrics.length).toBe(5);
    const final = replay.stateAt(replay.lastSeq);
    const text = (f: FeedItem) => feedText(f, final, "en");
    const feed = replay.feedAt(replay.lastSeq, { kind: "nation", nation: "north" });
    expect(text(feed[0]!)).toBe("The exercise has ended.");
    expect(feed.some((f) => text(f).includes("Unidentified warship"))).toBe(true);
    expect(replay.feedAt(replay.lastSeq, { kind: "nation", nation: "south" }).some((f) => text(f).includes("Unidentified warship"))).toBe(false);
  });
});
