import { describe, it, expect } from "vitest";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp, foldEvents } from "../../shared/engine/evolve.ts";
import { Command, type Actor } from "../../shared/protocol/commands.ts";
import type { Viewer } from "../../shared/engine/view-for.ts";
import { ExerciseRoomState, PerspectiveSchema } from "../../server/rooms/room-state.ts";
import { PerspectiveProjection, type Versioned } from "../../server/rooms/projection.ts";
import { PublicProjection } from "../../server/rooms/public-projection.ts";
import { tinyInput } from "../rules/game.ts";
import { Rng, randomCommand } from "../rules/random-play.ts";
import { LIVE_MESSAGES_PER_CHANNEL } from "../../shared/view/chat-window.ts";

/**
 * The room's projection is incremental: it recomputes only the parts of a view whose inputs
 * changed and appends new messages. Over seeded random play, with perspectives brought up to
 * date at random moments (as when nobody watches them for a while), it must always equal a
 * projection written from scratch.
 */
const nothing: Versioned<never[]> = { version: 0, value: () => [] };

function projected(viewers: Record<string, Viewer>) {
  const room = new ExerciseRoomState();
  const projections = new Map<string, PerspectiveProjection>();
  for (const [key, viewer] of Object.entries(viewers)) {
    const perspective = Object.assign(new PerspectiveSchema(), { viewer: key });
    room.perspectives.set(key, perspective);
    projections.set(key, new PerspectiveProjection(perspective, viewer));
  }
  return { room, publicProjection: new PublicProjection(room), projections };
}

function withoutSeq(json: any): unknown {
  const { seq: _seq, perspectives, ...rest } = json;
  return { ...rest, perspectives: Object.fromEntries(Object.entries(perspectives ?? {}).map(([k, { seq: _s, ...p }]: [string, any]) => [k, p])) };
}

describe("incremental projection", () => {
  for (const seed of [7, 8, 9]) {
    it(`seed ${seed}: always equals a projection written from scratch`, () => {
      const scenario = ScenarioSpec.parse(tinyInput());
      let state = initialState(scenario, "ex-projection", seed);
      const viewers: Record<string, Viewer> = { white: { kind: "white" } };
      for (const n of scenario.nations) viewers[n.id] = { kind: "nation", nation: n.id };
      const live = projected(viewers);
      const actors: Actor[] = [
        { role: "facilitator", name: "Control" },
        { role: "system" },
        ...scenario.nations.map((n) => ({ role: "participant" as const, nation: n.id, name: n.id })),
      ];
      const rng = new Rng(seed);
      let now = 1_000_000;
      let compared = 0;
      let accepted = 0;
      for (let step = 0; step < 1500; step++) {
        now += rng.int(120_000);
        // Chat is the bulk of a long exercise: weigh it in.
        const raw =
          rng.next() < 0.3
            ? { type: "sendMessage", channel: rng.pick(["alliance", "public", "team:north", "team:south", "facilitator:north"]), text: `Line ${step}` }
            : randomCommand(rng, state);
        const parsed = Command.safeParse(raw);
        if (!parsed.success) continue;
        const decision = decide(state, parsed.data, rng.pick(actors), now);
        if ("rejected" in decision) continue;
        state = foldEvents(state, stamp(state, decision.events, now));
        accepted++;
        live.publicProjection.update(state, { version: 0, value: () => ({}) });
        for (const projection of live.projections.values()) if (rng.next() < 0.6) projection.update(state, nothing, nothing);
        if (accepted % 10 !== 0) continue;
        for (const projection of live.projections.values()) projection.update(state, nothing, nothing);
        const fresh = projected(viewers);
        fresh.publicProjection.update(state, { version: 0, value: () => ({}) });
        for (const projection of fresh.projections.values()) projection.update(state, nothing, nothing);
        // The content must match; `seq` says when each part last changed, which a projection
        // written from scratch cannot know (it is checked in patch-fanout.test.ts).
        expect(withoutSeq(live.room.toJSON()), `step ${step}`).toEqual(withoutSeq(fresh.room.toJSON()));
        expect(live.room.seq).toBeLessThanOrEqual(state.seq);
        compared++;
      }
      expect(compared).toBeGreaterThanOrEqual(8);
      expect(Object.keys(live.room.perspectives.get("white")!.messages.toJSON()).length).toBeGreaterThan(20);
    });
  }
});

describe("cost of a projection as the exercise grows", () => {
  it("after 4,000 chat messages, a new message is projected without reading the old ones", () => {
    const scenario = ScenarioSpec.parse(tinyInput());
    let state = initialState(scenario, "ex-history", 1);
    const control: Actor = { role: "facilitator", name: "Control" };
    const apply = (command: unknown, actor: Actor) => {
      const decision = decide(state, Command.parse(command), actor, 1_000_000);
      if ("rejected" in decision) throw new Error(decision.rejected.message);
      state = foldEvents(state, stamp(state, decision.events, 1_000_000));
    };
    apply({ type: "startExercise" }, control);
    const north: Actor = { role: "participant", nation: "north", name: "Alice" };
    for (let i = 0; i < 4000; i++) apply({ type: "sendMessage", channel: i % 2 ? "team:north" : "alliance", text: `Line ${i}` }, north);
    const { projections } = projected({ white: { kind: "white" }, north: { kind: "nation", nation: "north" }, south: { kind: "nation", nation: "south" } });
    for (const projection of projections.values()) projection.update(state, nothing, nothing);

    apply({ type: "sendMessage", channel: "team:north", text: "One more" }, north);
    // Count every message the projection reads from the log.
    let reads = 0;
    const counted = {
      ...state,
      chat: Object.fromEntries(
        Object.entries(state.chat!).map(([channel, window]) => [
          channel,
          {
            ...window,
            recent: new Proxy(window.recent, {
              get: (target, key, receiver) => (typeof key === "string" && /^\d+$/.test(key) && reads++, Reflect.get(target, key, receiver)),
            }),
          },
        ]),
      ),
    };
    for (const projection of projections.values()) projection.update(counted, nothing, nothing);
    // One new message in a full window: it is read, and the one it pushed out (per perspective that reads the channel).
    expect(reads).toBeLessThanOrEqual(3);
    expect(projections.size).toBe(3);
  });
});

describe("chat in the live state", () => {
  it(`holds the last ${LIVE_MESSAGES_PER_CHANNEL} messages of each channel, incrementally and from scratch alike`, () => {
    const scenario = ScenarioSpec.parse(tinyInput());
    let state = initialState(scenario, "ex-window", 1);
    const apply = (command: unknown, actor: Actor) => {
      const decision = decide(state, Command.parse(command), actor, 1_000_000);
      if ("rejected" in decision) throw new Error(decision.rejected.message);
      state = foldEvents(state, stamp(state, decision.events, 1_000_000));
    };
    apply({ type: "startExercise" }, { role: "facilitator", name: "Control" });
    const north: Actor = { role: "participant", nation: "north", name: "Alice" };
    const viewers: Record<string, Viewer> = { north: { kind: "nation", nation: "north" } };
    const live = projected(viewers);
    for (let i = 0; i < LIVE_MESSAGES_PER_CHANNEL + 50; i++) {
      apply({ type: "sendMessage", channel: "team:north", text: `Team ${i}` }, north);
      if (i % 7 === 0) apply({ type: "sendMessage", channel: "alliance", text: `Alliance ${i}` }, north);
      if (i % 3 === 0) live.projections.get("north")!.update(state, nothing, nothing);
    }
    live.projections.get("north")!.update(state, nothing, nothing);
    const fresh = projected(viewers);
    fresh.projections.get("north")!.update(state, nothing, nothing);
    const texts = (room: typeof live.room) => [...room.perspectives.get("north")!.messages.values()].map((json) => JSON.parse(json).text as string);
    const team = texts(live.room).filter((t) => t.startsWith("Team"));
    expect(team).toHaveLength(LIVE_MESSAGES_PER_CHANNEL);
    expect(team).toContain(`Team ${LIVE_MESSAGES_PER_CHANNEL + 49}`);
    expect(team).not.toContain("Team 49");
    expect(texts(live.room).filter((t) => t.startsWith("Alliance"))).toHaveLength(36);
    expect(new Set(texts(live.room))).toEqual(new Set(texts(fresh.room)));
  });
});

describe("assets on the wire", () => {
  it("a moving asset carries why it moves to its own nation, and nothing of it to others", () => {
    const scenario = ScenarioSpec.parse(tinyInput());
    const state = initialState(scenario, "ex-intent", 1);
    const frigate = state.assets["n-frigate"]!;
    const moving = {
      ...state,
      assets: {
        ...state.assets,
        "n-frigate": { ...frigate, status: "moving" as const, destination: "s-sea", route: ["s-sea"], eta: 2, intent: "preposition" as const },
      },
    };
    const { room, projections } = projected({ north: { kind: "nation", nation: "north" }, white: { kind: "white" } });
    for (const projection of projections.values()) projection.update(moving, nothing, nothing);
    expect(room.perspectives.get("north")!.assets.get("n-frigate")!.toJSON()).toMatchObject({ status: "moving", destination: "s-sea", intent: "preposition" });
    expect(room.perspectives.get("white")!.assets.get("n-frigate")!.intent).toBe("preposition");
    for (const projection of projections.values()) projection.update(state, nothing, nothing);
    expect(room.perspectives.get("north")!.assets.get("n-frigate")!.intent).toBe("");
  });
});
