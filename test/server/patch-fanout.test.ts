import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { Room as SdkRoom } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import { startHarness, until, sleep, type Harness, type Seat } from "./harness.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";

/**
 * A command that changes one team's view patches that team and exercise control, not every
 * seat in the exercise (issue #23, Seats: at 300 seats the per-socket writes of empty patches
 * were most of the server's time). The public `seq` moves only with the public part; each
 * perspective carries the event it last changed at.
 */
const frames = new WeakMap<object, number>();
const original = (SdkRoom.prototype as any).onMessageCallback;
(SdkRoom.prototype as any).onMessageCallback = function (this: object, event: MessageEvent) {
  frames.set(this, (frames.get(this) ?? 0) + 1);
  return original.call(this, event);
};

let h: Harness;
let ex: CreatedExercise;
const codeOf = (nation: string) => ex.joinCodes.find((c) => c.nation === nation)!.code;

beforeAll(async () => {
  h = await startHarness();
  ex = await h.createExercise();
});
afterAll(async () => h.shutdown());

const seen = (seat: Seat) => Math.max(seat.room.state.seq, seat.perspective().seq);

describe("patch fan-out", () => {
  it("sends a team's chat message to that team and control only, and a public change to everyone", async () => {
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const alice = await h.join(ex.id, { code: codeOf("north"), name: "Alice" });
    const bob = await h.join(ex.id, { code: codeOf("south"), name: "Bob" });
    expect((await control.send({ type: "startExercise" })).ok).toBe(true);
    await sleep(200); // the joins' and the start's patches have arrived

    const bobBefore = frames.get(bob.room) ?? 0;
    const bobSeq = seen(bob);
    const sent = await alice.send({ type: "sendMessage", channel: "team:north", text: "Hold the harbour." });
    expect(sent.ok).toBe(true);
    // Alice's own view reflects her message when its result arrives; control reads the team's channel too.
    expect(seen(alice)).toBeGreaterThanOrEqual(sent.seq!);
    await until(() => [...control.perspective().messages.values()].some((m: string) => m.includes("Hold the harbour.")), "control to see the team's message");
    await sleep(150);
    expect(frames.get(bob.room) ?? 0).toBe(bobBefore);
    expect(seen(bob)).toBe(bobSeq);

    // A change everyone sees still reaches everyone, and moves the public seq.
    const adjusted = await control.send({
      type: "adjustState",
      effects: [{ kind: "stability", region: "n-home", delta: -5 }],
      rationale: "Riots in the capital.",
    });
    expect(adjusted.ok).toBe(true);
    await until(() => bob.room.state.seq >= adjusted.seq!, "Bob's public seq to move with the public change");
    expect(frames.get(bob.room)!).toBeGreaterThan(bobBefore);
    for (const seat of [control, alice, bob]) await seat.room.leave();
  });

  it("in a big exercise, writes a bystander the patches of several seats' commands in one socket write, and each sender at once", async () => {
    const big = await h.createExercise();
    const code = (nation: string) => big.joinCodes.find((c) => c.nation === nation)!.code;
    const control = await h.join(big.id, { token: big.facilitatorToken, name: "Control" });
    expect((await control.send({ type: "startExercise" })).ok).toBe(true);
    const team = [];
    for (let i = 0; i < 3; i++) team.push(await h.join(big.id, { code: code("north"), name: `North ${i}` }));
    // 64 clients in all: the room holds bystanders' frames for its fan-out tick (fanout-tick.ts).
    const observers = [];
    for (let i = 0; i < 60; i++) observers.push(await h.join(big.id, { code: big.observerCode, name: `Observer ${i}` }));
    await sleep(200);
    const watcher = observers[0]!;
    const server = (matchMaker.getLocalRoomById(big.id) as any).clients.find((c: any) => c.sessionId === watcher.room.sessionId);
    const socket = server.ref._socket;
    let writes = 0;
    const count = (name: "_write" | "_writev") => {
      const original = socket[name].bind(socket);
      socket[name] = (...args: unknown[]) => (writes++, original(...args));
    };
    count("_write");
    count("_writev");

    // Three seats' commands, each flushed on its own (one patch each).
    const sent = await Promise.all(team.map((seat, i) => seat.send({ type: "sendMessage", channel: "team:north", text: `Report ${i} from the harbour.` })));
    for (const [i, result] of sent.entries()) {
      expect(result.ok).toBe(true);
      // Each sender's view holds its message when its result arrives: its patch was not held back.
      expect(seen(team[i]!)).toBeGreaterThanOrEqual(result.seq!);
    }
    await until(
      () => [0, 1, 2].every((i) => [...watcher.perspective().messages.values()].some((m: string) => m.includes(`Report ${i} from`))),
      "the observer to read the three reports",
    );
    // One write at the tick (two if a tick fell between the commands), not one per command.
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThanOrEqual(2);
    for (const seat of [control, ...team, ...observers]) await seat.room.leave();
  });
});
