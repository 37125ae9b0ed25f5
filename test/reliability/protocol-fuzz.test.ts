import { describe, it, expect, afterEach } from "vitest";
import {
  startServer,
  createExercise,
  joinSeat,
  codeOf,
  readAs,
  brokenInvariants,
  rawSocket,
  watchClose,
  percentile,
  sleep,
  Rng,
  type Server,
  type Seat,
} from "./support.ts";
import { hostileMessage, rawFrames } from "./hostile-input.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";

/**
 * Seeded hostile input from every role, over real connections to a real server process:
 * mutated commands, wrong types, huge strings, deep nesting, `__proto__`/`constructor`/`toString`
 * keys, unknown commands and message types, and raw websocket frames the SDK never sends.
 *
 * Asserted: every message is answered (one `result`, `welcome` or `viewChanged`) or the abuser
 * is disconnected with a close code; a well-behaved client keeps being answered promptly; the
 * process stays up and logs no pipeline failure; the state read back keeps its invariants and
 * its seq matches the log. A seed that ever fails stays in REGRESSION_SEEDS with a note.
 */
// Seed 101 found the process crash reproduced by the last test below (message type "*").
const SEEDS = process.env.CONCORD_FUZZ_SEEDS ? seedRange(process.env.CONCORD_FUZZ_SEEDS) : [101, 202, 303];
const REGRESSION_SEEDS: { seed: number; note: string }[] = [];
const PORT = 2631;
const MESSAGES_PER_ROLE = 60;
/** Close codes that say why: ours, Colyseus's and the websocket's (1006 = dropped without a word is not one). */
const CLOSE_WITH_REASON = new Set([1002, 1003, 1007, 1008, 1009, 4000, 4002, 4429]);

let server: Server | null = null;
afterEach(async (context) => {
  if (context.task.result?.state === "fail" && server) console.error(`server output (tail):\n${server.output().slice(-3000)}`);
  await server?.stop();
  server = null;
});

type Abuser = { seat: Seat; closed: () => { code: number; reason: string } | null; answers: () => number };

/** Every answer a seat gets to something it sent: results, welcomes, view changes. */
function abuser(seat: Seat): Abuser {
  let others = 0;
  seat.room.onMessage("welcome", () => others++);
  seat.room.onMessage("viewChanged", () => others++);
  const close = watchClose(seat);
  return { seat, closed: close.closed, answers: () => seat.results.length + others };
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(5);
  }
  return true;
}

/** A team-mate of nobody in particular sending ordinary commands every 25 ms, timing each reply. */
function honestLoop(seat: Seat) {
  const latencies: number[] = [];
  const failures: string[] = [];
  let running = true;
  const done = (async () => {
    for (let i = 0; running; i++) {
      const t = performance.now();
      try {
        const r = await seat.send({ type: "sendMessage", channel: "team:south", text: `honest ${i}` });
        latencies.push(performance.now() - t);
        if (!r.ok) failures.push(`${r.code}: ${r.message}`);
      } catch (error) {
        failures.push(String(error));
        return;
      }
      await sleep(25);
    }
  })();
  return {
    latencies,
    failures,
    async stop() {
      running = false;
      await done;
    },
  };
}

async function runSeed(seed: number) {
  server = await startServer(PORT, { CONCORD_COMMANDS_PER_SECOND: "100000" });
  const { url } = server;
  const rng = new Rng(seed);
  const ex: CreatedExercise = await createExercise(url);
  const control = await joinSeat(url, ex.id, { token: ex.facilitatorToken, name: "Control" });
  expect((await control.send({ type: "startExercise" })).ok).toBe(true);
  const honest = await joinSeat(url, ex.id, { code: codeOf(ex, "south"), name: "Bob" });
  const loop = honestLoop(honest);
  const roles: [string, Record<string, unknown>][] = [
    ["participant", { code: codeOf(ex, "north"), name: "Mallory" }],
    ["observer", { code: ex.observerCode, name: "Trudy" }],
    ["facilitator", { token: ex.facilitatorToken, name: "Rogue control" }],
  ];
  const problems: string[] = [];
  const disconnects: string[] = [];

  for (const [role, options] of roles) {
    // 1. Hostile messages through the SDK: each one answered, or the connection closed with a code.
    let a = abuser(await joinSeat(url, ex.id, options));
    const seatToken = a.seat.welcome.seat;
    for (let n = 0; n < MESSAGES_PER_ROLE; n++) {
      const m = hostileMessage(rng, n);
      const before = a.answers();
      try {
        a.seat.room.send(m.type as never, m.payload as never);
      } catch {
        continue; // the SDK's own encoder refused it (e.g. a toJSON key that is not a function): nothing sent
      }
      const answered = await waitFor(() => a.answers() > before || a.closed() !== null, 3000);
      if (!answered) problems.push(`${role}: no answer and no disconnect within 3 s for ${m.label} ${JSON.stringify(m.payload)?.slice(0, 200)}`);
      else if (a.closed()) {
        const { code, reason } = a.closed()!;
        disconnects.push(`${role} ${m.label}: ${code} ${reason}`);
        if (!CLOSE_WITH_REASON.has(code))
          problems.push(`${role}: disconnected without a reason (${code}) after ${m.label} ${JSON.stringify(m.payload)?.slice(0, 200)}`);
        a = abuser(await joinSeat(url, ex.id, { seat: seatToken }));
      }
      if (server.child.exitCode !== null) throw new Error(`the server process died after ${role}'s ${m.label} ${JSON.stringify(m.payload)?.slice(0, 300)}`);
    }
    const bad = a.seat.results.filter((r) => !r.ok && (typeof r.code !== "string" || typeof r.message !== "string" || r.message.length === 0));
    if (bad.length) problems.push(`${role}: refusals without a code and a sentence: ${JSON.stringify(bad.slice(0, 3))}`);

    // 2. Raw frames, each followed by a command that must be answered unless the frame cost the connection.
    let sample: Uint8Array | null = null;
    const transport = (a.seat.room.connection as any).transport;
    const send = transport.send.bind(transport);
    transport.send = (data: Uint8Array) => ((sample ??= Uint8Array.from(data)), send(data));
    await a.seat.send({ type: "pingRegion", region: "island" });
    transport.send = send;
    for (const frame of rawFrames(rng, sample!)) {
      rawSocket(a.seat).send(frame.bytes);
      const id = `sentinel-${frame.label}`.slice(0, 64);
      a.seat.room.send("command", { id, command: { type: "pingRegion", region: "island" } });
      const answered = await waitFor(() => a.seat.results.some((r) => r.id === id) || a.closed() !== null, 3000);
      if (!answered) problems.push(`${role}: after raw frame "${frame.label}" neither an answer nor a disconnect within 3 s`);
      else if (a.closed()) {
        const { code, reason } = a.closed()!;
        disconnects.push(`${role} raw "${frame.label}": ${code} ${reason}`);
        if (!CLOSE_WITH_REASON.has(code)) problems.push(`${role}: raw frame "${frame.label}" closed the connection without a reason (${code})`);
        a = abuser(await joinSeat(url, ex.id, { seat: seatToken }));
      }
      if (server.child.exitCode !== null) throw new Error(`the server process died after ${role}'s raw frame "${frame.label}"`);
    }

    // 3. A frame over the 64 KB limit costs the connection, with a code.
    if (role === roles[seed % roles.length]![0]) {
      a.seat.room.send("command", { id: "oversized", command: { type: "sendMessage", channel: "alliance", text: "A".repeat(70_000) } });
      if (!(await waitFor(() => a.closed() !== null, 3000))) problems.push(`${role}: a 70 KB frame neither answered nor refused`);
      else if (a.closed()!.code !== 1009) problems.push(`${role}: a 70 KB frame closed with ${a.closed()!.code}, expected 1009 (message too big)`);
    } else await a.seat.room.leave().catch(() => undefined);
  }

  await loop.stop();
  expect(problems).toEqual([]);
  // The honest seat was answered throughout, promptly.
  expect(loop.failures).toEqual([]);
  expect(loop.latencies.length).toBeGreaterThan(20);
  expect(percentile(loop.latencies, 99), `honest p99 (all: ${loop.latencies.map(Math.round).join(",")})`).toBeLessThan(500);
  expect(Math.max(...loop.latencies)).toBeLessThan(2000);
  // Nothing failed inside the pipeline (such a failure leaves a command unanswered).
  expect(server.output()).not.toMatch(/"level":"error"/);
  expect(server.child.exitCode).toBeNull();

  // Invariants of the state read back as exercise control, and the live seq agrees with the log.
  const state = await readAs(url, ex, "/state");
  const { events } = await readAs<{ events: { seq: number }[] }>(url, ex, "/events");
  expect(brokenInvariants(state, events)).toEqual([]);
  // What a seat sees reflects the event its view (or the public part) last changed at: never
  // beyond the log, and the white cell, which sees every change, is at its end.
  const seen = (seat: typeof control) => Math.max(seat.room.state.seq, [...seat.room.state.perspectives.values()][0]?.seq ?? 0);
  await waitFor(() => seen(control) === events.length, 2000);
  expect(seen(control)).toBe(events.length);
  expect(seen(honest)).toBeLessThanOrEqual(events.length);
  expect(({} as Record<string, unknown>).admin).toBeUndefined();
  for (const seat of [control, honest]) await seat.room.leave().catch(() => undefined);
  if (process.env.CONCORD_FUZZ_VERBOSE) console.log(disconnects.join("\n"));
  console.log(
    `seed ${seed}: ${events.length} events; honest p99 ${percentile(loop.latencies, 99).toFixed(1)} ms over ${loop.latencies.length} commands; ${disconnects.length} disconnects (${[...new Set(disconnects.map((d) => d.split(": ")[1]))].join(", ")})`,
  );
}

/** CONCORD_FUZZ_SEEDS="1-40" or "5,9,12": explore more seeds by hand (a failing one goes into REGRESSION_SEEDS). */
function seedRange(spec: string): number[] {
  return spec.split(",").flatMap((part) => {
    const [from, to] = part.split("-").map(Number);
    return to === undefined ? [from!] : Array.from({ length: to - from! + 1 }, (_, i) => from! + i);
  });
}

describe("protocol fuzzing over real connections, from every role", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: every message answered or the abuser cut off with a code; the room keeps serving`, async () => {
      await runSeed(seed);
    }, 60_000);
  }
  for (const { seed, note } of REGRESSION_SEEDS) {
    it(`regression seed ${seed} (${note})`, async () => {
      await runSeed(seed);
    }, 60_000);
  }

  it('message type "*" with a payload whose toString is not a function is answered, not a process crash', async () => {
    // The room's catch-all handler is registered under "*"; a client sending that very type gets
    // its payload passed where the handler expects the type name, and String({toString: 5})
    // throws inside the websocket's message listener.
    server = await startServer(PORT);
    const ex = await createExercise(server.url);
    const mallory = abuser(await joinSeat(server.url, ex.id, { code: ex.observerCode, name: "Mallory" }));
    mallory.seat.room.send("*" as never, { toString: 5 } as never);
    await waitFor(() => mallory.answers() > 0 || mallory.closed() !== null || server!.child.exitCode !== null, 3000);
    await sleep(100);
    expect(server.child.exitCode, `the process exited:\n${server.output().slice(-1500)}`).toBeNull();
    const bob = await joinSeat(server.url, ex.id, { code: codeOf(ex, "south"), name: "Bob" });
    expect(await bob.send({ type: "sendMessage", channel: "team:south", text: "still here" })).toMatchObject({ ok: true });
  }, 30_000);
});
