import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, until, sleep, type Harness, type Seat } from "../server/harness.ts";
import { nextRandom } from "../../shared/engine/prng.ts";

/**
 * Seeded hostile input from every role, over a real connection: wrong types, huge strings, deep
 * nesting, prototype-pollution keys, unknown commands and message types, binary garbage. The
 * room must answer (or cut off) the abuser and keep serving a well-behaved client.
 */
const SEEDS = [101, 202, 303];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { CONCORD_COMMANDS_PER_SECOND: "1000" } });
});
afterAll(async () => h.shutdown());

function garbage(seed: number): unknown[] {
  let rng = seed;
  const roll = () => {
    const [v, n] = nextRandom(rng);
    rng = n;
    return v;
  };
  const deep = (depth: number): unknown => (depth === 0 ? "bottom" : { nested: deep(depth - 1) });
  const pool: (() => unknown)[] = [
    () => null,
    () => 42,
    () => "draftOrder",
    () => ({ id: "x".repeat(500), command: { type: "sendMessage", channel: "alliance", text: "too long an id" } }),
    () => ({ id: "huge", command: { type: "sendMessage", channel: "alliance", text: "A".repeat(30_000) } }),
    () => ({ id: "deep", command: deep(60) }),
    () => ({ id: "proto", command: JSON.parse('{"type":"draftOrder","__proto__":{"admin":true},"order":{"kind":"setPolicy","intelSharing":{"__proto__":"full","constructor":"full"}}}') }),
    () => ({ id: "ctor", command: { type: "constructor" } }),
    () => ({ id: "unknown", command: { type: "launchMissiles", target: "everything" } }),
    () => ({ id: "wrongtypes", command: { type: "commitTurn", turn: "one" } }),
    () => ({ id: "array", command: [1, 2, 3] }),
    () => ({ id: 12345, command: { type: "pingRegion", region: "island" } }),
    () => ({ id: "facil", command: { type: "adjustState", effects: [{ kind: "budget", nation: "north", delta: 1e9 }], rationale: "x" } }),
    () => ({ id: "nan", command: { type: "setTurnTimer", seconds: Number.NaN } }),
    () => ({ id: "neg", command: { type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "south", amount: -50 } } }),
  ];
  return Array.from({ length: 60 }, () => pool[Math.floor(roll() * pool.length)]!());
}

describe("protocol fuzzing over a real connection", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: every role's garbage is answered and the room keeps serving`, async () => {
      const ex = await h.createExercise();
      const code = (n: string) => ex.joinCodes.find((c) => c.nation === n)!.code;
      const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
      await control.send({ type: "startExercise" });
      const abusers: Seat[] = [
        await h.join(ex.id, { code: code("north"), name: "Mallory" }),
        await h.join(ex.id, { code: ex.observerCode, name: "Trudy" }),
        await h.join(ex.id, { token: ex.facilitatorToken, name: "Rogue control" }),
      ];
      const honest = await h.join(ex.id, { code: code("south"), name: "Bob" });

      for (const abuser of abusers) {
        const before = abuser.results.length;
        const messages = garbage(seed);
        for (const message of messages) abuser.room.send("command", message as never);
        abuser.room.send("no-such-type", { hello: "world" });
        abuser.room.send(99 as never, "numeric type");
        await until(() => abuser.results.length >= before + messages.length + 2 || abuser.room.connection?.isOpen === false, "every message answered", 10_000);
        const replies = abuser.results.slice(before);
        expect(replies.every((r) => r.ok === false || typeof r.seq === "number")).toBe(true);
        expect(replies.filter((r) => !r.ok).every((r) => typeof r.code === "string" && typeof r.message === "string" && r.message.length > 0)).toBe(true);
        expect(({} as Record<string, unknown>).admin).toBeUndefined();
        // The honest client is still served promptly.
        expect(await honest.send({ type: "sendMessage", channel: "team:south", text: `still served after ${abuser.welcome.name}` })).toMatchObject({ ok: true });
      }

      // State invariants, read as exercise control would.
      const state = await (await fetch(`${h.url}/api/exercises/${ex.id}/state`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).json();
      for (const nation of Object.values<any>(state.nations)) {
        expect(nation.budget).toBeGreaterThanOrEqual(0);
        expect(nation.readiness).toBeLessThanOrEqual(100);
      }
      const events = (await (await fetch(`${h.url}/api/exercises/${ex.id}/events`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).json()).events;
      expect(events.map((e: any) => e.seq)).toEqual(events.map((_: unknown, i: number) => i + 1));
      for (const seat of [control, honest, ...abusers]) await seat.room.leave().catch(() => undefined);
    });
  }

  it("throttles a flooding client and keeps answering the others", async () => {
    const ex = await h.createExercise();
    const flood = await startHarnessSeat(ex, "north");
    const honest = await startHarnessSeat(ex, "south");
    // 1,000 commands/s budget in this harness; send 3,000 at once.
    for (let i = 0; i < 3000; i++) flood.room.send("command", { id: `f${i}`, command: { type: "pingRegion", region: "island" } });
    await until(() => flood.results.length >= 3000 || flood.room.connection?.isOpen === false, "flood answered", 20_000);
    expect(flood.results.some((r) => r.code === "rate_limited")).toBe(true);
    expect(await honest.send({ type: "sendMessage", channel: "team:south", text: "unaffected" })).toMatchObject({ ok: true });
    await sleep(50);
    for (const seat of [flood, honest]) await seat.room.leave().catch(() => undefined);
  });
});

async function startHarnessSeat(ex: Awaited<ReturnType<Harness["createExercise"]>>, nation: string): Promise<Seat> {
  return h.join(ex.id, { code: ex.joinCodes.find((c) => c.nation === nation)!.code, name: nation });
}
