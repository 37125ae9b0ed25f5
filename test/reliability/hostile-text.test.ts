import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from "vitest";
import { startHarness, until, sleep, type Harness, type Seat } from "../server/harness.ts";
import { matchMaker } from "@colyseus/core";
import type { Logger } from "../../server/log.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";
import { wellFormed, MAX_PAYLOAD_DEPTH } from "../../server/security/well-formed.ts";

/**
 * Text and nesting from hostile peers. A lone UTF-16 surrogate in a name went out in the
 * Colyseus state as bytes that are not UTF-8 (team-mates' decoders logged "Invalid byte" and
 * "field not defined" and showed an empty name); in a command's text it came back out of the
 * state's JSON as the same lone surrogate. A room message nested 10,000 deep overflowed
 * msgpackr's stack in Colyseus, which printed a stack trace for every such frame and dropped the
 * sender.
 */

// Room frames by hand, as test/reliability/hostile-input.ts builds them (the SDK's own encoder
// overflows its stack on such values before anything is sent).
const ROOM_DATA = 13;
const ROOM_REQUEST = 21;
const mpString = (s: string): number[] => {
  const b = [...Buffer.from(s)];
  if (b.length < 32) return [0xa0 | b.length, ...b];
  return [0xd9, b.length, ...b];
};
const COMMAND = mpString("command");
const deepArrays = (depth: number) => [...new Array(depth).fill(0x91), 0xc0];

/** Every line the server logs and everything written to stderr or the console while it runs. */
const lines: string[] = [];
const recorder: Logger = {
  info: (message, fields) => lines.push(`info ${message} ${JSON.stringify(fields ?? {})}`),
  warn: (message, fields) => lines.push(`warn ${message} ${JSON.stringify(fields ?? {})}`),
  error: (message, fields) => lines.push(`error ${message} ${JSON.stringify(fields ?? {})}`),
};

/** Lines printed (console, stderr) and logged while `during` runs. */
async function output(during: () => Promise<void>): Promise<string[]> {
  const printed: string[] = [];
  const record = (...args: unknown[]) =>
    void printed.push(
      ...args
        .map((a) => (a instanceof Error ? String(a.stack) : String(a)))
        .join(" ")
        .split("\n"),
    );
  const spies = (["error", "warn", "log", "info", "debug"] as const).map((level) => vi.spyOn(console, level).mockImplementation(record));
  const write = process.stderr.write.bind(process.stderr);
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    printed.push(...String(chunk).replace(/\n$/, "").split("\n"));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write);
  const logged = lines.length;
  try {
    await during();
  } finally {
    for (const spy of [...spies, stderr]) spy.mockRestore();
  }
  return [...lines.slice(logged), ...printed];
}

function rawSocket(seat: Seat): WebSocket {
  return (seat.room.connection as any).transport.ws as WebSocket;
}

let h: Harness;
let ex: CreatedExercise;
const seats: Seat[] = [];
const codeOf = (nation: string) => ex.joinCodes.find((c) => c.nation === nation)!.code;
const join = async (options: Record<string, unknown>) => {
  const seat = await h.join(ex.id, options);
  seats.push(seat);
  return seat;
};

beforeAll(async () => {
  h = await startHarness({ log: recorder });
  ex = await h.createExercise();
  const control = await join({ token: ex.facilitatorToken, name: "Control" });
  expect(await control.send({ type: "startExercise" })).toMatchObject({ ok: true });
});
// A seat the server closed never answers leave(): do not wait for it.
const leave = (seat: Seat) => Promise.race([seat.room.leave().catch(() => undefined), sleep(500)]);
afterEach(async () => {
  for (const seat of seats.splice(1)) await leave(seat);
});
afterAll(async () => {
  for (const seat of seats) await leave(seat);
  await h.shutdown();
});

describe("lone surrogates in text reach team-mates as U+FFFD", () => {
  it("in a participant's display name, with no decoder complaint", async () => {
    const printed = await output(async () => {
      const mallory = await join({ code: codeOf("north"), name: "Mal\ud800lory\udfff" });
      expect(mallory.welcome.name).toBe("Mal\ufffdlory\ufffd");
      const bob = await join({ code: codeOf("north"), name: "Bob" });
      const names = () => [...bob.perspective().seats.values()].map((s: { name: string }) => s.name);
      await until(() => names().includes("Bob") && names().some((n) => n.startsWith("Mal")), "Bob sees both seats of his team");
      expect(names()).toContain("Mal\ufffdlory\ufffd");
      expect(names().every((n) => n.isWellFormed())).toBe(true);
      // One more patch after the name, decoded cleanly too.
      expect(await bob.send({ type: "sendMessage", channel: "team:north", text: "after the name" })).toMatchObject({ ok: true });
      await sleep(100);
    });
    expect(printed.filter((l) => /mismatch|refId|decode|not defined|@colyseus\/schema/i.test(l))).toEqual([]);
  });

  it("in a chat message (and in a key of the command), with no decoder complaint", async () => {
    const printed = await output(async () => {
      const mallory = await join({ code: codeOf("north"), name: "Mallory" });
      const bob = await join({ code: codeOf("north"), name: "Bob" });
      const texts = () => [...bob.perspective().messages.values()].map((json: string) => (JSON.parse(json) as { text: string }).text);
      // Over the websocket, msgpackr 2 already decodes the bytes a lone surrogate is sent as
      // (ED A0 80) to U+FFFD, one per byte. A command that reaches the pipeline with the JS
      // string intact (over HTTP, or between processes as JSON: applyExternal) did not.
      expect(await mallory.send({ type: "sendMessage", channel: "team:north", text: "ws \ud800" })).toMatchObject({ ok: true });
      const command = { type: "sendMessage", channel: "team:north", text: "hi \ud800 there \udc00", ["x\ud800"]: 1 };
      const reply = await matchMaker.remoteRoomCall(ex.id, "applyExternal", [
        { id: "c\ud800", command },
        { role: "participant", nation: "north", name: "Mallory" },
      ]);
      expect(reply).toMatchObject({ ok: true });
      await until(() => texts().some((t) => t.startsWith("hi ")) && texts().some((t) => t.startsWith("ws ")), "Bob sees both messages");
      expect(texts()).toContain("hi \ufffd there \ufffd");
      expect(texts().every((t) => t.isWellFormed())).toBe(true);
    });
    expect(printed.filter((l) => /mismatch|refId|decode|not defined|@colyseus\/schema/i.test(l))).toEqual([]);
  });

  it("in an exercise's title sent over HTTP", async () => {
    const res = await fetch(`${h.url}/api/exercises`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenarioId: "tiny", title: "Storm \ud800 warning" }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreatedExercise;
    const seat = await h.join(created.id, { code: created.joinCodes[0]!.code, name: "Ann" });
    seats.push(seat);
    expect(seat.room.state.title).toBe("Storm \ufffd warning");
  });
});

describe("deep nesting is refused in one log line, and the room keeps serving", () => {
  it("a room message nested 10,000 deep: answered invalid_payload, at most one line, next command answered", async () => {
    const mallory = await join({ code: codeOf("south"), name: "Mallory" });
    let closed: number | null = null;
    mallory.room.onLeave((code: number) => void (closed = code));
    const printed = await output(async () => {
      const before = mallory.results.length;
      rawSocket(mallory).send(Uint8Array.from([ROOM_DATA, ...COMMAND, ...deepArrays(10_000)]));
      await until(() => mallory.results.length > before || closed !== null, "an answer to the deep frame");
      expect(closed).toBeNull();
      expect(mallory.results.at(-1)).toMatchObject({ id: null, ok: false, code: "invalid_payload" });
    });
    expect(printed.length, printed.join("\n")).toBeLessThanOrEqual(1);
    expect(printed.join("\n")).not.toMatch(/\n| {4}at /);
    expect(await mallory.send({ type: "sendMessage", channel: "team:south", text: "still here" })).toMatchObject({ ok: true });
    const bob = await join({ code: codeOf("north"), name: "Bob" });
    expect(await bob.send({ type: "pingRegion", region: "island" })).toMatchObject({ ok: true });
  });

  it("the same nesting as a room.request(): the request is answered too", async () => {
    const mallory = await join({ code: codeOf("south"), name: "Mallory" });
    const printed = await output(async () => {
      const before = mallory.results.length;
      rawSocket(mallory).send(Uint8Array.from([ROOM_REQUEST, 0x07, ...COMMAND, ...deepArrays(10_000)]));
      await until(() => mallory.results.length > before, "an answer to the deep request");
      expect(mallory.results.at(-1)).toMatchObject({ code: "invalid_payload" });
    });
    expect(printed.length, printed.join("\n")).toBeLessThanOrEqual(1);
    expect(await mallory.send({ type: "pingRegion", region: "island" })).toMatchObject({ ok: true });
  });

  it("a frame that is not msgpack at all closes the connection with 1007, in one line", async () => {
    const mallory = await join({ code: codeOf("south"), name: "Mallory" });
    let closed: number | null = null;
    mallory.room.onLeave((code: number) => void (closed = code));
    const printed = await output(async () => {
      // A str8 that claims 255 bytes and carries one.
      rawSocket(mallory).send(Uint8Array.from([ROOM_DATA, ...COMMAND, 0xd9, 0xff, 0x41]));
      await until(() => closed !== null, "the connection closed");
    });
    expect(closed).toBe(1007);
    expect(printed.length, printed.join("\n")).toBeLessThanOrEqual(1);
    const bob = await join({ code: codeOf("south"), name: "Bob" });
    expect(await bob.send({ type: "pingRegion", region: "island" })).toMatchObject({ ok: true });
  });

  it(`a command nested ${MAX_PAYLOAD_DEPTH + 36} deep (decodable) is refused invalid_payload by the pipeline`, async () => {
    const mallory = await join({ code: codeOf("south"), name: "Mallory" });
    let text: unknown = "bottom";
    for (let i = 0; i < MAX_PAYLOAD_DEPTH + 36; i++) text = [text];
    const reply = await mallory.send({ type: "sendMessage", channel: "team:south", text });
    expect(reply).toMatchObject({ ok: false, code: "invalid_payload" });
    expect(reply.message).toMatch(/deeper than 64/);
  });

  it("a JSON body nested deeper than the limit is refused with 400 invalid_payload", async () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    const res = await fetch(`${h.url}/api/exercises`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"scenarioId":"tiny","extra":${deep}}`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_payload" } });
  });
});

describe("deep join options (public matchmaking HTTP)", () => {
  it("a join request with a field nested 10,000 deep is refused quietly, not logged as an unreachable room", async () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    let status = 0;
    let body = "";
    const printed = await output(async () => {
      const res = await fetch(`${h.url}/matchmake/joinById/${ex.id}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: `{"code":"${codeOf("north")}","name":"Deep","extra":${deep}}`,
      });
      status = res.status;
      body = await res.text();
    });
    // onAuth passes on only the join fields; Colyseus's own seat reservation then round-trips
    // the options through JSON too, fails, and answers "already full" (523) without a log line.
    expect(status, body).not.toBe(503);
    expect(body).not.toMatch(/internal_error/);
    expect(printed.filter((l) => l.startsWith("error") || / {4}at /.test(l))).toEqual([]);
  });
});

describe("wellFormed, the walk every incoming command goes through", () => {
  it("stops at the depth limit instead of recursing without bound", () => {
    let value: unknown = "x";
    for (let i = 0; i < 200_000; i++) value = { v: value };
    expect(wellFormed(value)).toEqual({
      ok: false,
      reason: `the payload nests deeper than ${MAX_PAYLOAD_DEPTH} levels`,
      limit: "depth",
      max: MAX_PAYLOAD_DEPTH,
    });
  });

  it("refuses shared references instead of walking them exponentially", () => {
    let value: unknown = "leaf";
    for (let i = 0; i < 60; i++) value = [value, value];
    const started = performance.now();
    expect(wellFormed(value)).toMatchObject({ ok: false });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("keeps __proto__ an own key and makes keys and values well-formed", () => {
    const parsed = JSON.parse('{"__proto__": {"admin": true}, "k\\ud800": ["\\udc00"]}');
    const result = wellFormed(parsed);
    expect(result.ok).toBe(true);
    const value = (result as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect((value as { admin?: unknown }).admin).toBeUndefined();
    expect(value["k\ufffd"]).toEqual(["\ufffd"]);
  });
});
