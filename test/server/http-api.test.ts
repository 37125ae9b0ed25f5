import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { LIVE_MESSAGES_PER_CHANNEL } from "../../shared/view/chat-window.ts";

let h: Harness;
beforeAll(async () => {
  // A generous message budget: one test writes a long chat history.
  h = await startHarness({ env: { CONCORD_OPERATOR_PASSWORD: "correct horse battery staple", CONCORD_COMMANDS_PER_SECOND: "2000" } });
});
afterAll(async () => h.shutdown());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${h.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

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
    expect(await created.json()).toMatchObject({
      title: "Course 7",
      joinCodes: [expect.objectContaining({ code: expect.stringMatching(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/) }), expect.anything()],
    });
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
    const ndjson = await (
      await fetch(`${h.url}/api/exercises/${ex.id}/events?format=ndjson`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })
    ).text();
    expect(
      ndjson
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).type),
    ).toContain("exerciseStarted");
    const northView = await (
      await fetch(`${h.url}/api/exercises/${ex.id}/state?nation=north&seq=1`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })
    ).json();
    expect(northView).toMatchObject({ viewer: { kind: "nation", nation: "north" }, seq: 1 });
    await seat.room.leave();
    await control.room.leave();
  });

  it("serves a seat the chat older than the live window, for its own channels only", async () => {
    const auth = { authorization: "Bearer correct horse battery staple" };
    const ex = await (await post("/api/exercises", { scenarioId: "tiny" }, auth)).json();
    const control = await h.join(ex.id, { token: ex.facilitatorToken });
    await control.send({ type: "startExercise" });
    const codeOf = (nation: string) => ex.joinCodes.find((c: { nation: string }) => c.nation === nation).code;
    const alice = await h.join(ex.id, { code: codeOf("north"), name: "Alice" });
    const bob = await h.join(ex.id, { code: codeOf("south"), name: "Bob" });
    const total = LIVE_MESSAGES_PER_CHANNEL + 30;
    for (let i = 0; i < total; i++) expect((await alice.send({ type: "sendMessage", channel: "team:north", text: `Line ${i}` })).ok).toBe(true);
    // The live state holds the window; the oldest line is gone from it.
    const live = [...alice.room.state.perspectives.get("north").messages.values()].map((json: string) => JSON.parse(json));
    expect(live).toHaveLength(LIVE_MESSAGES_PER_CHANNEL);
    const oldestLive = live.map((m) => m.id).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))[0];
    const read = (token: string, query: string) =>
      fetch(`${h.url}/api/exercises/${ex.id}/messages?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const page = await (await read(alice.welcome.seat, `channel=team:north&before=${oldestLive}&limit=20`)).json();
    expect(page.messages.map((m: { text: string }) => m.text)).toEqual(Array.from({ length: 20 }, (_, i) => `Line ${i + 10}`));
    expect(page.more).toBe(true);
    const rest = await (await read(alice.welcome.seat, `channel=team:north&before=${page.messages[0].id}`)).json();
    expect(rest).toMatchObject({ more: false, messages: Array.from({ length: 10 }, (_, i) => expect.objectContaining({ text: `Line ${i}` })) });
    // Another nation's team channel is not Bob's to read; exercise control reads every channel.
    const refused = await read(bob.welcome.seat, "channel=team:north");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("not_your_channel");
    expect((await (await read(ex.facilitatorToken, "channel=team:north&limit=5")).json()).messages).toHaveLength(5);
    expect((await read(alice.welcome.seat, "channel=team:north&before=m999999")).status).toBe(404);
    expect((await read("nonsense", "channel=team:north")).status).toBe(403);
  });
});
