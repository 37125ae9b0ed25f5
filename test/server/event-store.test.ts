import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it, expect } from "vitest";
import { eventStoreContract } from "./event-store.contract.ts";
import { MemoryStore } from "../../server/store/memory-store.ts";
import { SqliteStore } from "../../server/store/sqlite-store.ts";

eventStoreContract("memory", async () => new MemoryStore());

let dir = "";
eventStoreContract(
  "sqlite",
  async () => {
    dir = mkdtempSync(join(tmpdir(), "concord-store-"));
    return SqliteStore.open(join(dir, "concord.db"));
  },
  async () => rmSync(dir, { recursive: true, force: true }),
);

it("sqlite keeps the log across reopening the file", async () => {
  const folder = mkdtempSync(join(tmpdir(), "concord-reopen-"));
  try {
    const first = await SqliteStore.open(join(folder, "c.db"));
    await first.createExercise({
      id: "ex-1",
      title: "t",
      scenario: {} as never,
      seed: 1,
      createdAt: 1,
      facilitatorTokenHash: "x",
      joinCodes: {},
      observerCode: "OBS-AAA",
    });
    await first.append("ex-1", [{ type: "briefingStarted", seq: 1, at: 1 }]);
    await first.close();
    const second = await SqliteStore.open(join(folder, "c.db"));
    expect(await second.readEvents("ex-1")).toEqual([{ type: "briefingStarted", seq: 1, at: 1 }]);
    await second.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

/**
 * PostgreSQL runs on the development and CI machines (STACK.md). Its absence fails the suite:
 * a skipped contract would let a broken store land.
 */
const postgresUrl = process.env.CONCORD_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
eventStoreContract(`postgres (${postgresUrl})`, async () => {
  const { PostgresStore } = await import("../../server/store/postgres-store.ts");
  let store;
  try {
    store = await PostgresStore.connect(postgresUrl);
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${postgresUrl} (${(error as Error).message}). Start it (pg_ctlcluster <version> main start) or set CONCORD_TEST_DATABASE_URL.`,
    );
  }
  await store.truncateForTests();
  return store;
});

it("sqlite names the reason when the file cannot be opened", async () => {
  await expect(SqliteStore.open("/etc/passwd/concord/concord.db")).rejects.toThrow(/ENOTDIR|not a directory|EEXIST|unable to open/i);
});

it("sqlite keeps the event loop free while a commit waits for the disk", async () => {
  // The store's file lives on another thread: a burst of appends leaves timers on time.
  const folder = mkdtempSync(join(tmpdir(), "concord-thread-"));
  try {
    const store = await SqliteStore.open(join(folder, "c.db"));
    await store.createExercise({
      id: "ex-1",
      title: "t",
      scenario: {} as never,
      seed: 1,
      createdAt: 1,
      facilitatorTokenHash: "x",
      joinCodes: {},
      observerCode: "OBS-AAA",
    });
    const appends = Array.from({ length: 200 }, (_, i) => store.append("ex-1", [{ type: "briefingStarted", seq: i + 1, at: i }]));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await Promise.all(appends);
    clearInterval(timer);
    expect(await store.lastSeq("ex-1")).toBe(200);
    // Between the appends the loop ran timers: it was never held for the whole burst.
    expect(ticks).toBeGreaterThan(0);
    await expect(store.append("ex-1", [{ type: "briefingStarted", seq: 5, at: 1 }])).rejects.toMatchObject({ name: "Error", expected: 201, got: 5 });
    await store.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

it("sqlite writes a log's JSON itself exactly as its events read", async () => {
  const folder = mkdtempSync(join(tmpdir(), "concord-json-"));
  try {
    const store = await SqliteStore.open(join(folder, "c.db"));
    await store.createExercise({
      id: "ex-1",
      title: "t",
      scenario: {} as never,
      seed: 1,
      createdAt: 1,
      facilitatorTokenHash: "x",
      joinCodes: {},
      observerCode: "OBS-AAA",
    });
    expect(JSON.parse(await store.readEventsJson("ex-1"))).toEqual([]);
    await store.append("ex-1", [
      { type: "briefingStarted", seq: 1, at: 1 },
      {
        type: "messageSent",
        message: { id: "m1", channel: "team:north", fromNation: "north", author: "A \"quoted\", 'é' \u2028", text: "{}", turn: 1, at: 5 },
        seq: 2,
        at: 7,
      },
      { type: "exerciseStarted", seq: 3, at: 9 } as never,
    ]);
    expect(JSON.parse(await store.readEventsJson("ex-1"))).toEqual(await store.readEvents("ex-1"));
    expect(JSON.parse(await store.readEventsJson("ex-1", 2, 2))).toEqual(await store.readEvents("ex-1", 2, 2));
    await store.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
