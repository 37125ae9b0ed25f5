import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { CONCORD_OPERATOR_PASSWORD: "correct horse battery staple" } });
});
afterAll(async () => h.shutdown());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${h.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("HTTP API", () => {
  it("answers /health with version, uptime, rooms and store", async () => {
    const res = await fetch(`${h.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", version: "0.1.0", store: "memory", rooms: expect.any(Number), uptimeSeconds: expect.any(Number) });
  });

  it("lists scenarios with summaries", async () => {
    const { scenarios } = await (await fetch(`${h.url}/api/scenarios`)).json();
    expect(scenarios[0]).toMatchObject({ id: "tiny", title: "Tiny test exercise", turns: 4 });
  });

  it("restricts creating and listing exercises to the operator password when one is set", async () => {
    const refused = await post("/api/exercises", { scenarioId: "tiny" });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("operator_password_required");
    expect((await post("/api/exercises", { scenarioId: "tiny" }, { authorization: "Bearer wrong" })).status).toBe(401);
    const created = await post("/api/exercises", { scenarioId: "tiny", title: "Course 7" }, { authorization: "Bearer correct horse battery staple" });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ title: "Course 7", joinCodes: [expect.objectContaining({ code: expect.stringMatching(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/) }), expect.anything()] });
    expect((await fetch(`${h.url}/api/exercises`)).status).toBe(401);
  });

  it("answers bad requests with JSON errors that say what to do", async () => {
    const auth = { authorization: "Bearer correct horse battery staple" };
    expect(await (await post("/api/exercises", "{not json", auth)).json()).toMatchObject({ error: { code: "invalid_json" } });
    expect(await (await post("/api/exercises", { scenarioId: "atlantis" }, auth)).json()).toMatchObject({ error: { code: "unknown_scenario" } });
    expect(await (await post("/api/join", { code: "" })).json()).toMatchObject({ error: { code: "code_required" } });
    expect(await (await fetch(`${h.url}/api/nope`)).json()).toMatchObject({ error: { code: "not_found" } });
    const log = await fetch(`${h.url}/api/exercises/ex-missing/events`, { headers: { authorization: "Bearer x" } });
    expect(log.status).toBe(404);
  });

  it("keeps the log from participants and serves it to the facilitator and observers, as JSON or NDJSON", async () => {
    const auth = { authorization: "Bearer correct horse battery staple" };
    const ex = await (await post("/api/exercises", { scenarioId: "tiny" }, auth)).json();
    const code = ex.joinCodes[0].code;
    const seat = await h.join(ex.id, { code, name: "Alice" });
    const asParticipant = await fetch(`${h.url}/api/exercises/${ex.id}/events`, { headers: { authorization: `Bearer ${seat.welcome.seat}` } });
    expect(asParticipant.status).toBe(403);
    expect((await fetch(`${h.url}/api/exercises/${ex.id}/events`)).status).toBe(401);
    const json = await (await fetch(`${h.url}/api/exercises/${ex.id}/events`, { headers: { authorization: `Bearer ${ex.observerCode}` } })).json();
    expect(json).toMatchObject({ exerciseId: ex.id, seed: expect.any(Number), events: [] });
    const control = await h.join(ex.id, { token: ex.facilitatorToken });
    await control.send({ type: "startExercise" });
    const ndjson = await (await fetch(`${h.url}/api/exercises/${ex.id}/events?format=ndjson`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).text();
    expect(ndjson.trim().split("\n").map((l) => JSON.parse(l).type)).toContain("exerciseStarted");
    const northView = await (await fetch(`${h.url}/api/exercises/${ex.id}/state?nation=north&seq=1`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).json();
    expect(northView).toMatchObject({ viewer: { kind: "nation", nation: "north" }, seq: 1 });
    await seat.room.leave();
    await control.room.leave();
  });
});
