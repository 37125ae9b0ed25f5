import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ChatHistory } from "../../server/http/chat-history.ts";
import { MemoryStore } from "../../server/store/memory-store.ts";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { foldEvents, stamp } from "../../shared/engine/evolve.ts";
import type { ExerciseState, Message } from "../../shared/state/schema.ts";
import type { Actor, Command } from "../../shared/protocol/commands.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";

const scenario = ScenarioSpec.parse(JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "scenarios", "tiny.json"), "utf8")));

/** A store holding a started exercise, and a way to play more into it through the engine. */
async function exercise() {
  const store = new MemoryStore();
  await store.createExercise({
    id: "ex",
    title: "Chat",
    scenario,
    seed: 3,
    createdAt: 0,
    facilitatorTokenHash: "0".repeat(64),
    joinCodes: {},
    observerCode: "OBSERVE1",
  });
  let state: ExerciseState = initialState(scenario, "ex", 3);
  let now = 1_000;
  // Every message as the log holds it (the state keeps only each channel's last window).
  const sent: Message[] = [];
  const play = async (command: Command, actor: Actor) => {
    const decision = decide(state, command, actor, (now += 10));
    if ("rejected" in decision) throw new Error(JSON.stringify(decision.rejected));
    const events: ExerciseEvent[] = stamp(state, decision.events, now);
    state = foldEvents(state, events);
    for (const e of events) if (e.type === "messageSent") sent.push(e.message);
    await store.append("ex", events);
  };
  await play({ type: "startExercise" }, { role: "facilitator", name: "Control" });
  const say = (nation: string, channel: string, text: string) =>
    play({ type: "sendMessage", channel, text }, { role: "participant", nation, name: `${nation} officer` });
  return { store, say, state: () => state, messages: () => sent };
}

describe("ChatHistory: older chat a page at a time", () => {
  it("pages a channel back to its first message as the fold of the log has it, oldest first", async () => {
    const { store, say, messages } = await exercise();
    for (let i = 0; i < 25; i++) {
      await say("north", "team:north", `North ${i}`);
      if (i % 3 === 0) await say("south", "team:south", `South ${i}`);
      if (i % 4 === 0) await say("north", "bilateral:north:south", `Both ${i}`);
    }
    const history = new ChatHistory(store);
    const north = { kind: "nation", nation: "north" } as const;
    const truth = messages().filter((m) => m.channel === "team:north");
    const newest = await history.page("ex", north, "team:north", null, 10);
    expect(newest).toEqual({ channel: "team:north", messages: truth.slice(15), more: true });
    const older = await history.page("ex", north, "team:north", truth[15]!.id, 10);
    expect(older).toEqual({ channel: "team:north", messages: truth.slice(5, 15), more: true });
    expect(await history.page("ex", north, "team:north", truth[5]!.id, 10)).toEqual({ channel: "team:north", messages: truth.slice(0, 5), more: false });
    expect(await history.page("ex", north, "bilateral:north:south", null, 100)).toMatchObject({
      messages: messages().filter((m) => m.channel === "bilateral:north:south"),
      more: false,
    });
    // Another team's channel is not north's to read; exercise control reads every channel.
    expect(await history.page("ex", north, "team:south", null, 10)).toEqual({ refused: 403, code: "not_your_channel" });
    expect(await history.page("ex", { kind: "white" }, "team:south", null, 100)).toMatchObject({
      messages: messages().filter((m) => m.channel === "team:south"),
    });
    // A message of another channel, or none, is not a place in this one.
    const southId = messages().find((m) => m.channel === "team:south")!.id;
    expect(await history.page("ex", north, "team:north", southId, 10)).toEqual({ refused: 404, code: "unknown_message" });
    expect(await history.page("ex", north, "team:north", "m999999", 10)).toEqual({ refused: 404, code: "unknown_message" });
  });

  it("reads only the events logged since the last page, and pages what was sent since", async () => {
    const { store, say, state } = await exercise();
    for (let i = 0; i < 8; i++) await say("north", "team:north", `Before ${i}`);
    const reads: number[] = [];
    const history = new ChatHistory({
      getExercise: (id) => store.getExercise(id),
      readEvents: (id, from, to) => (reads.push(from ?? 1), store.readEvents(id, from, to)),
    });
    const north = { kind: "nation", nation: "north" } as const;
    await history.page("ex", north, "team:north", null, 5);
    await history.page("ex", north, "team:north", null, 5);
    const seq = state().seq;
    expect(reads).toEqual([1, seq + 1]);
    await say("north", "team:north", "After");
    const page = await history.page("ex", north, "team:north", null, 2);
    expect(page).toMatchObject({ messages: [{ text: "Before 7" }, { text: "After" }], more: true });
    expect(reads.at(-1)).toBe(seq + 1);
    // Pages asked at once share one read of the log.
    await say("north", "team:north", "Later");
    const before = reads.length;
    await Promise.all([history.page("ex", north, "team:north", null, 1), history.page("ex", north, "team:north", null, 1)]);
    expect(reads.length).toBe(before + 1);
  });
});
