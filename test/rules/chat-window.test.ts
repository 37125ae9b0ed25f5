import { describe, it, expect } from "vitest";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp, foldEvents } from "../../shared/engine/evolve.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { Command, type Actor } from "../../shared/protocol/commands.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { CHAT_WINDOW } from "../../shared/state/schema.ts";
import { tinyInput } from "./game.ts";

describe("chat in the folded state (ExerciseState.chat)", () => {
  it(`keeps each channel's count and its last ${CHAT_WINDOW} messages, whatever the log holds`, () => {
    const scenario = ScenarioSpec.parse(tinyInput());
    let state = initialState(scenario, "ex-chat", 1);
    const log: ExerciseEvent[] = [];
    const apply = (command: unknown, actor: Actor) => {
      const decision = decide(state, Command.parse(command), actor, 1_000_000);
      if ("rejected" in decision) throw new Error(decision.rejected.message);
      const events = stamp(state, decision.events, 1_000_000);
      log.push(...events);
      state = foldEvents(state, events);
    };
    apply({ type: "startExercise" }, { role: "facilitator", name: "Control" });
    const north: Actor = { role: "participant", nation: "north", name: "Alice" };
    for (let i = 0; i < CHAT_WINDOW + 57; i++) {
      apply({ type: "sendMessage", channel: "team:north", text: `Team ${i}` }, north);
      if (i % 10 === 0) apply({ type: "sendMessage", channel: "alliance", text: `Alliance ${i}` }, north);
    }
    const sent = (channel: string) => log.flatMap((e) => (e.type === "messageSent" && e.message.channel === channel ? [e.message] : []));
    expect(state.chat!["team:north"]).toEqual({ count: CHAT_WINDOW + 57, recent: sent("team:north").slice(-CHAT_WINDOW) });
    expect(state.chat!.alliance).toEqual({ count: 26, recent: sent("alliance") });
    // A view holds the windows of the channels it reads, nothing of the others.
    const north_ = viewFor(state, { kind: "nation", nation: "north" });
    expect(Object.keys(north_.messages)).toHaveLength(CHAT_WINDOW + 26);
    const south = viewFor(state, { kind: "nation", nation: "south" });
    expect(Object.values(south.messages).some((m) => m.channel === "team:north")).toBe(false);
  });
});
