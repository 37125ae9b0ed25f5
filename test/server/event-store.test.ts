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
    return new SqliteStore(join(dir, "concord.db"));
  },
  async () => rmSync(dir, { recursive: true, force: true }),
);

it("sqlite keeps the log across reopening the file", async () => {
  const folder = mkdtempSync(join(tmpdir(), "concord-reopen-"));
  try {
    const first = new SqliteStore(join(folder, "c.db"));
    await first.createExercise({ id: "ex-1", title: "t", scenario: {} as never, seed: 1, createdAt: 1, facilitatorTokenHash: "x", joinCodes: {}, observerCode: "OBS-AAA" });
    await first.append("ex-1", [{ type: "briefingStarted", seq: 1, at: 1 }]);
    await first.close();
    const second = new SqliteStore(join(folder, "c.db"));
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
    throw new Error(`PostgreSQL is not reachable at ${postgresUrl} (${(error as Error).message}). Start it (pg_ctlcluster <version> main start) or set CONCORD_TEST_DATABASE_URL.`);
  }
  await store.truncateForTests();
  return store;
});
