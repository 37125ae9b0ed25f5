import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { matchMaker } from "@colyseus/core";
import { startHarness, until, type Harness } from "./harness.ts";

/** The exercise library's HTTP side (issue #20.5): listing by keys or operator password, archive, delete, new run. */
let h: Harness;
const PASSWORD = "operator-secret-1";
beforeAll(async () => {
  h = await startHarness({ env: { CONCORD_OPERATOR_PASSWORD: PASSWORD } });
});
afterAll(async () => h.shutdown());

const create = async (title: string) => {
  const res = await fetch(`${h.url}/api/exercises`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${PASSWORD}` },
    body: JSON.stringify({ scenarioId: "tiny", title }),
  });
  expect(res.status).toBe(201);
  return res.json();
};
const call = (method: string, path: string, token: string, body?: unknown) =>
  fetch(`${h.url}${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const library = async (keys: { id: string; token: string }[]) =>
  await (await fetch(`${h.url}/api/library`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ keys }) })).json();

describe("exercise library API", () => {
  it("lists the exercises whose keys the browser holds, with phase, turn, seats online and last activity", async () => {
    const mine = await create("Mine");
    const theirs = await create("Theirs");
    const seat = await h.join(mine.id, { token: mine.facilitatorToken, name: "Control" });
    expect((await seat.send({ type: "startExercise" })).ok).toBe(true);
    const listed = await library([
      { id: mine.id, token: mine.facilitatorToken },
      { id: theirs.id, token: "wrong" },
      { id: "ex-gone", token: "x" },
    ]);
    expect(listed.exercises).toHaveLength(1);
    expect(listed.exercises[0]).toMatchObject({
      id: mine.id,
      title: "Mine",
      scenarioId: "tiny",
      phase: "running",
      turn: 1,
      seatsOnline: 1,
      loaded: true,
      archivedAt: null,
    });
    expect(listed.exercises[0].lastActivityAt).toBeGreaterThan(Date.now() - 10_000);
    expect(listed.notOpened.sort()).toEqual(["ex-gone", theirs.id].sort());
    await seat.room.leave(true);

    // The operator password lists all; without it, nothing.
    const all = await (await call("GET", "/api/library", PASSWORD)).json();
    expect(all.exercises.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await call("GET", "/api/library", "wrong-password")).status).toBe(401);
    expect(
      (await fetch(`${h.url}/api/library`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ keys: "all" }) })).status,
    ).toBe(400);
  });

  it("archives (unloaded, read-only, still replayable), brings back, runs again and deletes after confirmation", async () => {
    const ex = await create("To archive");
    const seat = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const closed = new Promise<number>((resolve) => seat.room.onLeave((code: number) => resolve(code)));
    const participant = await fetch(`${h.url}/api/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: ex.joinCodes[0].code }),
    });
    expect(participant.status).toBe(200);

    // Only exercise control of this exercise (or the operator).
    expect((await call("POST", `/api/exercises/${ex.id}/archive`, "not-a-key")).status).toBe(403);
    const archived = await (await call("POST", `/api/exercises/${ex.id}/archive`, ex.facilitatorToken)).json();
    expect(archived).toMatchObject({ id: ex.id, loaded: false });
    expect(archived.archivedAt).toBeGreaterThan(0);
    expect(await closed).toBe(4410);
    expect(matchMaker.getLocalRoomById(ex.id)).toBeUndefined();
    await expect(h.join(ex.id, { token: ex.facilitatorToken, name: "Control" })).rejects.toThrow(/^archived: /);
    const byCode = await fetch(`${h.url}/api/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: ex.joinCodes[0].code }),
    });
    expect(byCode.status).toBe(403);
    expect((await call("POST", `/api/exercises/${ex.id}/improvements`, ex.facilitatorToken, { issue: "x", recommendation: "y" })).status).toBe(409);
    // Still replayable: its log and report are read from the store.
    const log = await (await call("GET", `/api/exercises/${ex.id}/events`, ex.facilitatorToken)).json();
    expect(log.events.length).toBeGreaterThanOrEqual(0);
    expect((await call("GET", `/api/exercises/${ex.id}/aar?format=md`, ex.facilitatorToken)).status).toBe(200);

    const back = await (await call("POST", `/api/exercises/${ex.id}/unarchive`, ex.facilitatorToken)).json();
    expect(back.archivedAt).toBeNull();
    const again = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    expect(again.welcome.role).toBe("facilitator");
    await again.room.leave(true);

    const rerun = await call("POST", `/api/exercises/${ex.id}/rerun`, ex.facilitatorToken, { password: PASSWORD });
    expect(rerun.status).toBe(201);
    const run2 = await rerun.json();
    expect(run2).toMatchObject({ scenarioId: "tiny" });
    expect(run2.id).not.toBe(ex.id);
    // With an operator password set, a new run needs it as creating does.
    expect((await call("POST", `/api/exercises/${ex.id}/rerun`, ex.facilitatorToken, {})).status).toBe(401);

    expect((await call("DELETE", `/api/exercises/${ex.id}`, ex.facilitatorToken, {})).status).toBe(400);
    expect((await call("DELETE", `/api/exercises/${ex.id}`, ex.facilitatorToken, { confirm: ex.id })).status).toBe(204);
    expect(await h.store.getExercise(ex.id)).toBeNull();
    await until(() => !matchMaker.getLocalRoomById(ex.id), "the deleted exercise's room to go");
    expect((await call("GET", `/api/exercises/${ex.id}/events`, ex.facilitatorToken)).status).toBe(404);
    expect((await library([{ id: run2.id, token: run2.facilitatorToken }])).exercises).toHaveLength(1);
  });
});
