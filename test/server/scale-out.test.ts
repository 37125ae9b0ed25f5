import { describe, it, expect, afterEach } from "vitest";
import { Client } from "@colyseus/sdk";
import { Redis } from "ioredis";
import { startServerProcess, type ServerProcess } from "./process.ts";
import { seatFor, until, type Seat } from "./harness.ts";
import { PostgresStore } from "../../server/store/postgres-store.ts";

/**
 * Two processes sharing Redis and PostgreSQL, as docs/OPERATIONS.md describes. These services run
 * on the development and CI machines; their absence fails the test instead of skipping it.
 */
const DATABASE_URL = process.env.CONCORD_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.CONCORD_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7";
const PORTS = [2621, 2622];

let processes: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(processes.map((p) => p.stop("SIGKILL")));
  processes = [];
});

async function resetServices() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.flushdb();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (${(error as Error).message}). Start redis-server or set CONCORD_TEST_REDIS_URL.`);
  } finally {
    redis.disconnect();
  }
  let store: PostgresStore;
  try {
    store = await PostgresStore.connect(DATABASE_URL);
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${DATABASE_URL} (${(error as Error).message}).`);
  }
  await store.truncateForTests();
  await store.close();
}

const start = (port: number) => startServerProcess(port, { DATABASE_URL, REDIS_URL, PUBLIC_ADDRESS: `localhost:${port}` });

async function createExercise(url: string) {
  const res = await fetch(`${url}/api/exercises`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenarioId: "tiny" }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

describe("scale-out over Redis and PostgreSQL", () => {
  it("serves exercises from either process and survives losing one", async () => {
    await resetServices();
    const [a, b] = [await start(PORTS[0]!), await start(PORTS[1]!)];
    processes = [a, b];

    // Exercises created through either process; clients join through the other one.
    const fromA = await createExercise(a.url);
    const fromB = await createExercise(b.url);
    const seats: Seat[] = [];
    for (const [exercise, via] of [
      [fromA, b],
      [fromB, a],
    ] as const) {
      const sdk = new Client(via.url);
      const control = await seatFor(await sdk.joinById(exercise.id, { token: exercise.facilitatorToken, name: "Control" }));
      const alice = await seatFor(await sdk.joinById(exercise.id, { code: exercise.joinCodes[0].code, name: "Alice" }));
      expect((await control.send({ type: "startExercise" })).ok).toBe(true);
      await until(() => alice.room.state.phase === "running", "patch reaches the other process's client");
      seats.push(control, alice);
    }

    const alice = seats[1]!;
    const acked: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await alice.send({ type: "sendMessage", channel: "team:north", text: `before ${i}` });
      if (r.ok) acked.push(r.seq!);
    }
    // Kill the process that holds the first exercise's room.
    const info = await (await fetch(`${a.url}/api/exercises/${fromA.id}`, { headers: { authorization: `Bearer ${fromA.facilitatorToken}` } })).json();
    const victim = processes.find((p) => p.url.endsWith(`:${info.host.publicAddress.split(":")[1]}`))!;
    expect(victim).toBeDefined();
    const survivor = victim === a ? b : a;
    await victim.stop("SIGKILL");
    processes = [survivor];

    // The survivor reopens the exercise from PostgreSQL; the seat comes back with its token.
    let again: Seat | null = null;
    const deadline = Date.now() + 30_000;
    const attempts: string[] = [];
    while (!again) {
      try {
        const joining = new Client(survivor.url).joinById(fromA.id, { seat: alice.welcome.seat });
        again = await Promise.race([
          joining.then(seatFor),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error("join attempt timed out")), 4000)),
        ]);
      } catch (error) {
        attempts.push(String((error as Error).message));
        if (Date.now() > deadline)
          throw new Error(`could not rejoin after failover: ${attempts.slice(-3).join(" | ")}\nsurvivor output:\n${survivor.output().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    expect(again.welcome.nation).toBe("north");
    const moved = await (await fetch(`${survivor.url}/api/exercises/${fromA.id}`, { headers: { authorization: `Bearer ${fromA.facilitatorToken}` } })).json();
    expect(moved.host.publicAddress).toBe(survivor.url.replace("http://", ""));
    const log = await (
      await fetch(`${survivor.url}/api/exercises/${fromA.id}/events`, { headers: { authorization: `Bearer ${fromA.facilitatorToken}` } })
    ).json();
    for (const seq of acked) expect(log.events.some((e: any) => e.seq === seq)).toBe(true);
    const next = await again.send({ type: "sendMessage", channel: "team:north", text: "after failover" });
    expect(next).toMatchObject({ ok: true, seq: log.events.length + 1 });
  }, 90_000);
});
