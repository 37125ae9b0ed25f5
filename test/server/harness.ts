import { ColyseusTestServer } from "@colyseus/testing";
import type { Server } from "@colyseus/core";
import type { Room as SdkRoom } from "@colyseus/sdk";
import { join } from "node:path";
import { createConcordServer } from "../../server/app.ts";
import { configFromEnv, ROOT } from "../../server/config.ts";
import { silentLogger, type Logger } from "../../server/log.ts";
import { MemoryStore } from "../../server/store/memory-store.ts";
import type { EventStore } from "../../server/store/event-store.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";

export const TEST_SCENARIOS = join(ROOT, "test", "server", "fixtures", "scenarios");
/** Each vitest worker listens on its own port (2568, 2569, …), so that two room test files can run at once. */
export const TEST_PORT = 2567 + Number(process.env.VITEST_POOL_ID ?? "1");

/**
 * `boot` of @colyseus/testing, on TEST_PORT: given a Server, `boot` listens on 2568 whatever
 * port it is passed (0.18), so the harness listens itself.
 */
export async function bootOnTestPort(server: Server): Promise<ColyseusTestServer> {
  await server.listen(TEST_PORT);
  return new ColyseusTestServer(server);
}

export type Harness = {
  colyseus: ColyseusTestServer;
  store: EventStore;
  url: string;
  createExercise(scenarioId?: string): Promise<CreatedExercise>;
  join(exerciseId: string, options: Record<string, unknown>): Promise<Seat>;
  shutdown(): Promise<void>;
};

export type Result = { id: string | null; ok: boolean; seq?: number; code?: string; message?: string };

/** A connected browser seat as the tests drive it: send a command, await its one reply. */
export type Seat = {
  room: SdkRoom<any, any>;
  welcome: { seat: string; seatId: string; role: string; nation: string | null; name: string; perspective?: string };
  results: Result[];
  /** `envelope`: more fields of the command's envelope (e.g. `actAs`). */
  send(command: unknown, envelope?: Record<string, unknown>): Promise<Result>;
  perspective(): any;
};

let counter = 0;

export async function startHarness(options: { store?: EventStore; env?: Record<string, string>; log?: Logger } = {}): Promise<Harness> {
  const store = options.store ?? new MemoryStore();
  const config = configFromEnv({ CONCORD_STORE: "memory", SCENARIOS_DIR: TEST_SCENARIOS, CLIENT_DIR: "/nonexistent", ...options.env } as NodeJS.ProcessEnv);
  const { server } = await createConcordServer(config, options.log ?? silentLogger, store);
  const colyseus = await bootOnTestPort(server);
  const url = `http://localhost:${TEST_PORT}`;
  const harness: Harness = {
    colyseus,
    store,
    url,
    async createExercise(scenarioId = "tiny") {
      const res = await fetch(`${url}/api/exercises`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId }),
      });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as CreatedExercise;
    },
    async join(exerciseId, joinOptions) {
      const room = await colyseus.sdk.joinById(exerciseId, joinOptions);
      return seatFor(room);
    },
    async shutdown() {
      await colyseus.shutdown();
    },
  };
  return harness;
}

export async function seatFor(room: SdkRoom<any, any>): Promise<Seat> {
  const results: Result[] = [];
  const waiting = new Map<string, (r: Result) => void>();
  room.onMessage("result", (r: Result) => {
    results.push(r);
    if (r.id && waiting.has(r.id)) {
      waiting.get(r.id)!(r);
      waiting.delete(r.id);
    }
  });
  room.onMessage("ping", () => {});
  room.onMessage("viewChanged", () => {});
  room.onMessage("joinCodes", () => {});
  const welcomed = new Promise<Seat["welcome"]>((resolve) => room.onMessage("welcome", resolve));
  room.send("whoami");
  const welcome = await Promise.race([welcomed, sleep(5000).then(() => Promise.reject(new Error("no welcome from the server within 5 s")))]);
  // The full state comes with the join; wait until this seat's own perspective is decoded.
  const key = welcome.perspective ?? (welcome.role === "participant" ? welcome.nation! : "white");
  await until(() => Boolean(room.state?.perspectives?.has?.(key)), "the seat's perspective", 5000);
  return {
    room,
    welcome,
    results,
    send(command: unknown, envelope: Record<string, unknown> = {}) {
      const id = `t${++counter}`;
      return new Promise<Result>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no reply to ${JSON.stringify(command)}`)), 5000);
        waiting.set(id, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
        room.send("command", { ...envelope, id, command });
      });
    },
    perspective() {
      const perspectives = room.state.perspectives;
      return perspectives.get(key);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a condition on the client's decoded state holds (patches arrive asynchronously). */
export async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Fails with a label instead of hanging until the test's timeout, so a flaky step names itself. */
export function within<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${label}: no answer within ${ms} ms`)), ms))]);
}

export type MatchmakeAnswer = { status: number; code: string | null; text: string };

/** A raw Colyseus matchmaking request, as an outsider sends it; `code` is the refusal's stable code. */
export async function matchmake(h: Harness, path: string, body: unknown, headers: Record<string, string> = {}): Promise<MatchmakeAnswer> {
  const res = await fetch(`${h.url}/matchmake/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const stable = /"error":"([a-z_]+):/.exec(text);
  return { status: res.status, code: stable?.[1] ?? null, text };
}
