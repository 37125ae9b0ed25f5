import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { Room as SdkRoom } from "@colyseus/sdk";
import { startHarness, sleep, until, type Harness } from "./harness.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";

/**
 * A seat gets its perspective once: whole in its full state at its join, or whole in the patch
 * after a "View as", and not a second time in the patch after (issue #23, Length: a megabyte
 * at 100,000 events, encoded again on the server and decoded again by the seat while the
 * next seat joined). Each frame's bytes are counted as the seat receives them.
 */
const ROOM_STATE = 14;
const ROOM_STATE_PATCH = 15;
const received = new WeakMap<object, { state: number; patches: number }>();
const original = (SdkRoom.prototype as any).onMessageCallback;
(SdkRoom.prototype as any).onMessageCallback = function (this: object, event: MessageEvent) {
  const data = new Uint8Array(event.data as ArrayBuffer);
  const counts = received.get(this) ?? { state: 0, patches: 0 };
  if (data[0] === ROOM_STATE) counts.state += data.byteLength;
  if (data[0] === ROOM_STATE_PATCH) counts.patches += data.byteLength;
  received.set(this, counts);
  return original.call(this, event);
};

let h: Harness;
let ex: CreatedExercise;
const codeOf = (nation: string) => ex.joinCodes.find((c) => c.nation === nation)!.code;

beforeAll(async () => {
  h = await startHarness();
  ex = await h.createExercise();
  const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
  expect((await control.send({ type: "startExercise" })).ok).toBe(true);
  await control.room.leave();
});
afterAll(async () => h.shutdown());

describe("a seat's perspective on the wire", () => {
  it("comes whole in the full state at a join, and the next patches do not carry it again", async () => {
    const alice = await h.join(ex.id, { code: codeOf("north"), name: "Alice" });
    await sleep(300); // the room's patch interval has passed several times
    const counts = received.get(alice.room)!;
    expect(alice.perspective().assets.size).toBeGreaterThan(0);
    expect(counts.state).toBeGreaterThan(0);
    // Before: the patch after the join carried the perspective twice (the view's changes and
    // the projection's writes), more than the full state itself.
    expect(counts.patches).toBeLessThan(counts.state * 0.1);
    await alice.room.leave();
  });

  it("comes once in the patch after a switch of view, as large as the next switch to it", async () => {
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    await sleep(200);
    const patchesAfterSwitch = async (nation: string) => {
      const before = received.get(control.room)!.patches;
      control.room.send("viewAs", { nation });
      await until(() => control.room.state.perspectives.has(nation), `the ${nation} perspective`);
      await sleep(200);
      return received.get(control.room)!.patches - before;
    };
    // South's perspective was not watched: the switch projects it whole first.
    const first = await patchesAfterSwitch("south");
    await patchesAfterSwitch("white");
    const again = await patchesAfterSwitch("south");
    expect(again).toBeGreaterThan(0);
    expect(first).toBeLessThan(again * 1.3);
    await control.room.leave();
  });
});
