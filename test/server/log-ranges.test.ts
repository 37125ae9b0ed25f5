import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startHarness, type Harness } from "./harness.ts";
import { MemoryStore } from "../../server/store/memory-store.ts";
import { SqliteStore } from "../../server/store/sqlite-store.ts";
import type { EventStore } from "../../server/store/event-store.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";
import { logRanges } from "../../shared/replay/log-ranges.ts";

/**
 * The replay viewer asks for the log in ranges (`?from=&to=`, client/src/replay/replay-load.ts):
 * from either store (SQLite writes the JSON itself, the others write what they read), the ranges
 * put together are the whole log, the later ones without the header (`only=events`), and each
 * is refused to whom the whole log is refused.
 */
describe.each([
  ["sqlite", (folder: string) => SqliteStore.open(join(folder, "concord.db"))],
  ["memory", async () => new MemoryStore()],
] as const)("the log in ranges (%s store)", (_name, makeStore: (folder: string) => Promise<EventStore>) => {
  let h: Harness;
  let folder: string;
  let ex: CreatedExercise;
  let seat: string;
  const get = (query: string, secret?: string) =>
    fetch(`${h.url}/api/exercises/${ex.id}/events${query}`, secret ? { headers: { authorization: `Bearer ${secret}` } } : {});

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "concord-ranges-"));
    h = await startHarness({ store: await makeStore(folder), env: { CONCORD_COMMANDS_PER_SECOND: "2000" } });
    ex = await h.createExercise();
    const control = await h.join(ex.id, { token: ex.facilitatorToken });
    await control.send({ type: "startExercise" });
    const alice = await h.join(ex.id, { code: ex.joinCodes[0]!.code, name: "Alice" });
    for (let i = 0; i < 12; i++) expect((await alice.send({ type: "sendMessage", channel: "alliance", text: `Line ${i}` })).ok).toBe(true);
    seat = alice.welcome.seat;
    await alice.room.leave();
    await control.room.leave();
  });
  afterAll(async () => {
    await h?.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it("put together, the ranges are the whole log, each with the exercise's scenario and seed", async () => {
    const whole = await (await get("", ex.observerCode)).json();
    const info = await (await fetch(`${h.url}/api/exercises/${ex.id}`, { headers: { authorization: `Bearer ${ex.observerCode}` } })).json();
    expect(whole.events.length).toBeGreaterThan(12);
    expect(info.lastSeq).toBe(whole.events.at(-1).seq);
    for (const size of [1, 5, whole.events.length - 1, whole.events.length, 10_000]) {
      const parts = await Promise.all(
        logRanges(info.lastSeq, size).map(async (r) => (await get(`?from=${r.from}${r.to === undefined ? "" : `&to=${r.to}`}`, ex.observerCode)).json()),
      );
      for (const part of parts) expect({ ...part, events: [] }).toEqual({ ...whole, events: [] });
      expect(parts.flatMap((p) => p.events)).toEqual(whole.events);
    }
    // Both ends are included; a range past the end is empty.
    expect((await (await get("?from=3&to=4", ex.facilitatorToken)).json()).events.map((e: { seq: number }) => e.seq)).toEqual([3, 4]);
    expect((await (await get(`?from=${info.lastSeq + 1}`, ex.observerCode)).json()).events).toEqual([]);
  });

  it("with only=events, answers a range's events alone, the same events as with the header", async () => {
    const info = await (await fetch(`${h.url}/api/exercises/${ex.id}`, { headers: { authorization: `Bearer ${ex.observerCode}` } })).json();
    for (const query of ["?from=3&to=7", `?from=${info.lastSeq - 2}`, `?from=${info.lastSeq + 1}`]) {
      const withHeader = await (await get(query, ex.observerCode)).json();
      const alone = await (await get(`${query}&only=events`, ex.observerCode)).json();
      expect(alone).toEqual({ events: withHeader.events });
    }
    expect((await (await get("?from=3&to=7&only=events", ex.observerCode)).json()).events).toHaveLength(5);
    // Refused as the whole log is.
    expect((await get("?from=1&to=5&only=events", seat)).status).toBe(403);
    expect((await get("?from=1&to=5&only=events")).status).toBe(401);
  });

  it("refuses a range to a nation's seat and to no credential, as it refuses the whole log", async () => {
    expect((await get("?from=1&to=5", seat)).status).toBe(403);
    expect((await get("?from=1&to=5")).status).toBe(401);
    for (const secret of [seat, undefined, "WRONG-CODE"]) expect((await get("?from=2&to=3", secret)).status).toBe((await get("", secret)).status);
  });
});
