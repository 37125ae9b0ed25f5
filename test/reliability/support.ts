import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { Client, Room as SdkRoom } from "@colyseus/sdk";
import { ROOT } from "../../server/config.ts";
import { TEST_SCENARIOS, seatFor, sleep, within, type Seat } from "../server/harness.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";

/**
 * What the reliability suites share: a real server process (so that a crash, a hang or a leak
 * shows as it would in production), seats over real sockets, the raw bytes each seat received,
 * and the invariants a state read through the HTTP API must keep. Ports 2630–2659.
 */
export const SCENARIOS = join(ROOT, "scenarios");

export type Server = {
  url: string;
  child: ChildProcess;
  /** Everything the process printed (JSON log lines at warn and above). */
  output(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<string>;
};

export async function startServer(port: number, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, [join(ROOT, "server", "start.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      CONCORD_STORE: "memory",
      CONCORD_DEMO: "0",
      CONCORD_SKIP_CLIENT_BUILD: "1",
      CONCORD_LOG_LEVEL: "warn",
      SCENARIOS_DIR: TEST_SCENARIOS,
      CLIENT_DIR: "/nonexistent",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d: Buffer) => {
    output += d;
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<string>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? String(code))));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 20 s:\n${output}`)), 20_000);
    child.stdout!.on("data", () => {
      if (output.includes("is running")) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${how}) during start:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    async stop(signal: NodeJS.Signals = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function createExercise(url: string, scenarioId = "tiny"): Promise<CreatedExercise> {
  const res = await within(
    fetch(`${url}/api/exercises`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId }) }),
    10_000,
    "create exercise",
  );
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedExercise;
}

export async function joinSeat(url: string, exerciseId: string, options: Record<string, unknown>): Promise<Seat> {
  const room = await within(new Client(url).joinById(exerciseId, options), 10_000, `join ${JSON.stringify(options).slice(0, 60)}`);
  return seatFor(room);
}

export const codeOf = (ex: CreatedExercise, nation: string) => ex.joinCodes.find((c) => c.nation === nation)!.code;

/** GET with the facilitator token (the white cell's reading). */
export async function readAs<T = any>(url: string, ex: CreatedExercise, path: string): Promise<T> {
  const res = await within(
    fetch(`${url}/api/exercises/${ex.id}${path}`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } }),
    10_000,
    `GET ${path}`,
  );
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every broken invariant of a white-cell state (GET /api/exercises/:id/state), as sentences. */
export function brokenInvariants(state: any, events: { seq: number }[]): string[] {
  const broken: string[] = [];
  const inRange = (what: string, v: unknown, lo = 0, hi = 100) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < lo || v > hi) broken.push(`${what} = ${JSON.stringify(v)} (want ${lo}–${hi})`);
  };
  for (const n of Object.values<any>(state.nations)) {
    if (n.budget === undefined) continue; // public view of a nation: no books
    if (typeof n.budget !== "number" || !Number.isFinite(n.budget) || n.budget < 0) broken.push(`${n.id} budget ${n.budget}`);
    inRange(`${n.id} readiness`, n.readiness);
    inRange(`${n.id} political capital`, n.politicalCapital);
  }
  for (const r of Object.values<any>(state.regions)) {
    inRange(`${r.id} stability`, r.stability);
    if (r.crisis) inRange(`${r.id} crisis severity`, r.crisis.severity, 1, 100);
  }
  for (const [key, rel] of Object.entries<any>(state.relations)) {
    inRange(`${key} trust`, rel.trust);
    inRange(`${key} interoperability`, rel.interoperability);
  }
  if (state.seq !== events.length) broken.push(`state seq ${state.seq} but the log holds ${events.length} events`);
  events.forEach((e, i) => {
    if (e.seq !== i + 1) broken.push(`log position ${i + 1} holds seq ${e.seq}`);
  });
  return broken;
}

/**
 * Records every frame each SDK room receives, before decoding: secrecy is judged on the raw
 * bytes, since a field a client cannot decode is still a leak. Call `restore` when done.
 */
export function recordFrames(): { bytesOf(room: object): Buffer; frames(room: object): number; restore(): void } {
  const received = new WeakMap<object, Buffer[]>();
  const original = (SdkRoom.prototype as any).onMessageCallback;
  (SdkRoom.prototype as any).onMessageCallback = function (this: object, event: MessageEvent) {
    const list = received.get(this) ?? [];
    list.push(Buffer.from(event.data as ArrayBuffer));
    received.set(this, list);
    return original.call(this, event);
  };
  return {
    bytesOf: (room) => Buffer.concat(received.get(room) ?? []),
    frames: (room) => received.get(room)?.length ?? 0,
    restore: () => {
      (SdkRoom.prototype as any).onMessageCallback = original;
    },
  };
}

/** The websocket under an SDK room, for frames the SDK would never send. */
export function rawSocket(seat: Seat): WebSocket {
  return (seat.room.connection as any).transport.ws as WebSocket;
}

/** How the seat's connection ended, once it has: the close code and reason the server gave. */
export function watchClose(seat: Seat): { closed: () => { code: number; reason: string } | null } {
  let closed: { code: number; reason: string } | null = null;
  seat.room.onLeave((code: number, reason?: string) => {
    closed = { code, reason: reason ?? "" };
  });
  return { closed: () => closed };
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export { sleep, within, type Seat };
export { Rng } from "../support/rng.ts";
