import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, until, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.shutdown());

describe("dropped connections", () => {
  it("keeps the seat and view through a network drop while the turn timer runs on the server", async () => {
    const ex = await h.createExercise();
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const alice = await h.join(ex.id, { code: ex.joinCodes.find((c) => c.nation === "north")!.code, name: "Alice" });
    alice.room.reconnection.minUptime = 0;
    await control.send({ type: "startExercise" });
    expect((await control.send({ type: "setTurnTimer", seconds: 10 })).ok).toBe(true);
    await alice.send({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "escort" } });

    // Cut Alice's socket on the server side, as a lost network would.
    const serverRoom = h.colyseus.getRoomById(ex.id);
    const serverClient = serverRoom.clients.find((c: any) => c.sessionId === alice.room.sessionId)!;
    (serverClient.ref as any).terminate();
    await until(() => control.room.state.nations.get("north")?.online === 0, "north shown offline", 5000);
    await until(() => control.room.state.nations.get("north")?.online === 1, "north back online after the SDK reconnects", 10_000);

    expect([...alice.room.state.perspectives.keys()]).toEqual(["north"]);
    expect(alice.perspective().drafts.size).toBe(1);
    expect((await alice.send({ type: "sendMessage", channel: "team:north", text: "back" })).ok).toBe(true);

    // Nobody committed: the server's timer resolves the turn by itself.
    await until(() => alice.room.state.turn === 2, "the timer resolving turn 1", 15_000);
    const feed = [...alice.perspective().feed.values()].map((json: string) => JSON.parse(json).msg);
    expect(feed).toContainEqual({ key: "feed.turn.resolving", params: { turn: 1, cause: "timer" } });
    for (const seat of [control, alice]) await seat.room.leave();
  }, 40_000);

  it("tells exercise control, back after a drop, a join code replaced while it was away", async () => {
    const ex = await h.createExercise();
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const deputy = await h.join(ex.id, { token: ex.facilitatorToken, name: "Deputy" });
    control.room.reconnection.minUptime = 0;
    const codes: { nations: { nation: string; code: string }[] }[] = [];
    control.room.onMessage("joinCodes", (c: (typeof codes)[number]) => codes.push(c));
    const serverRoom = h.colyseus.getRoomById(ex.id);
    (serverRoom.clients.find((c: any) => c.sessionId === control.room.sessionId)!.ref as any).terminate();
    await until(() => control.room.connection.isOpen === false, "control's socket is down", 5000);
    expect((await deputy.send({ type: "newJoinCode", nation: "north" })).ok).toBe(true);
    const old = ex.joinCodes.find((c) => c.nation === "north")!.code;
    await until(() => codes.some((c) => c.nations.find((n) => n.nation === "north")!.code !== old), "the new code after the reconnection", 10_000);
    for (const seat of [control, deputy]) await seat.room.leave();
  }, 30_000);

  it("does not let a seat removed while its connection was down come back by reconnecting", async () => {
    const ex = await h.createExercise();
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const stranger = await h.join(ex.id, { code: ex.joinCodes.find((c) => c.nation === "north")!.code, name: "Stranger" });
    stranger.room.reconnection.minUptime = 0;
    const closed = new Promise<number>((resolve) => stranger.room.onLeave((code: number) => resolve(code)));
    const serverRoom = h.colyseus.getRoomById(ex.id);
    (serverRoom.clients.find((c: any) => c.sessionId === stranger.room.sessionId)!.ref as any).terminate();
    await until(() => control.room.state.nations.get("north")?.online === 0, "the stranger's connection is down", 5000);
    expect(await control.send({ type: "removeSeat", seat: stranger.welcome.seatId })).toMatchObject({ ok: true });
    expect(await closed).toBe(4403);
    expect(control.room.state.nations.get("north")?.online).toBe(0);
    expect(control.perspective().seats.has(stranger.welcome.seatId)).toBe(false);
    await control.room.leave();
  }, 30_000);
});
