import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { Room as SdkRoom } from "@colyseus/sdk";
import { startHarness, until, sleep, type Harness } from "./harness.ts";

/**
 * Secrecy is checked on the raw bytes each client receives, not on decoded state: a field a
 * client cannot decode is still a leak. Every received frame is recorded per SDK room.
 */
const received = new WeakMap<object, Buffer[]>();
const original = (SdkRoom.prototype as any).onMessageCallback;

let h: Harness;
beforeAll(async () => {
  (SdkRoom.prototype as any).onMessageCallback = function (this: object, event: MessageEvent) {
    const frames = received.get(this) ?? [];
    frames.push(Buffer.from(event.data as ArrayBuffer));
    received.set(this, frames);
    return original.call(this, event);
  };
  h = await startHarness();
});
afterAll(async () => {
  (SdkRoom.prototype as any).onMessageCallback = original;
  await h.shutdown();
});

const bytesOf = (room: object) => Buffer.concat(received.get(room) ?? []);

describe("no cross-nation leak in raw bytes", () => {
  it("keeps a nation's drafts, team chat, reports, injects and undetected assets from other nations", async () => {
    const ex = await h.createExercise();
    const code = (n: string) => ex.joinCodes.find((c) => c.nation === n)!.code;
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const alice = await h.join(ex.id, { code: code("north"), name: "Alice" });
    const bob = await h.join(ex.id, { code: code("south"), name: "Bob" });

    expect((await control.send({ type: "startExercise" })).ok).toBe(true);
    expect((await alice.send({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "escort" } })).ok).toBe(true);
    expect((await alice.send({ type: "sendMessage", channel: "team:north", text: "NORTH-TEAM-SECRET-7731" })).ok).toBe(true);
    expect((await control.send({ type: "releaseInject", inject: "red-sighting" })).ok).toBe(true);
    expect(
      (
        await control.send({
          type: "fireInject",
          inject: { number: "X.1", type: "information", from: "White cell", to: ["north"], title: "INJECT-NORTH-ONLY-4410", body: "For Nordmark only." },
        })
      ).ok,
    ).toBe(true);
    expect((await control.send({ type: "grantIntel", to: ["north"], report: { title: "Agency note", text: "REPORT-NORTH-ONLY-9921" } })).ok).toBe(true);
    expect((await control.send({ type: "addNote", text: "WHITE-CELL-NOTE-5150" })).ok).toBe(true);
    await until(() => [...alice.perspective().reports.values()].length >= 2, "north's reports");
    await sleep(150);

    const northBytes = bytesOf(alice.room);
    const southBytes = bytesOf(bob.room);
    const secrets = ["NORTH-TEAM-SECRET-7731", "INJECT-NORTH-ONLY-4410", "REPORT-NORTH-ONLY-9921", "RNS Grom sighted", "setMission", "Unidentified warship"];
    for (const secret of secrets) expect(northBytes.includes(secret), `north should receive ${secret}`).toBe(true);
    for (const secret of [...secrets, "WHITE-CELL-NOTE-5150", "r-frigate", "RNS Grom", "NMS Valkyrie"]) {
      expect(southBytes.includes(secret), `south must never receive ${secret}`).toBe(false);
    }
    expect(northBytes.includes("WHITE-CELL-NOTE-5150")).toBe(false);
    for (const seat of [control, alice, bob]) await seat.room.leave();
  });
});
