import { describe, it, expect } from "vitest";
import { MemoryStore } from "../../server/store/memory-store.ts";
import type { EventStore, ExerciseRecord, StoredSnapshot } from "../../server/store/event-store.ts";
import { encodeSnapshot, feedsJson, openFold, originOf, SnapshotWriter, SNAPSHOT_EVERY, foldVersion } from "../../server/rooms/fold-snapshot.ts";
import { RoomFeeds, viewerKeys } from "../../server/rooms/room-feeds.ts";
import { evolve } from "../../shared/engine/evolve.ts";
import { transiently } from "../../shared/state/records.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import { makeLongLog } from "../../bench/scale/long-log.ts";

/** Small generated exercises played through the real engine (chat, orders, injects, resolutions), one per seed. */
const SIZES = [11, 23, 37].map((seed) => ({ nations: 4 + (seed % 3), regions: 14, assets: 40, injects: 24, turns: 8, seed }));

function generated(size: (typeof SIZES)[number], count = 900) {
  const { scenario, initial, events } = makeLongLog(count, size);
  const record: ExerciseRecord = {
    id: "ex-long",
    title: "Generated",
    scenario,
    seed: 7,
    createdAt: 1,
    facilitatorTokenHash: "0".repeat(64),
    joinCodes: {},
    observerCode: "OBS-AAA",
  };
  return { record, initial, events };
}

function fold(initial: ExerciseState, events: readonly ExerciseEvent[]) {
  const feeds = new RoomFeeds();
  const state = transiently(() => {
    let s = initial;
    for (const e of events) {
      s = evolve(s, e);
      feeds.record(e, s);
    }
    return s;
  });
  return { state, feeds };
}

async function stored(record: ExerciseRecord, events: readonly ExerciseEvent[]): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.createExercise(record);
  await store.append(record.id, events);
  return store;
}

/** Everything a room shows from its fold: the state, and each perspective's feed and turn cards with their versions. */
function shown(opened: { state: ExerciseState; feeds: RoomFeeds }) {
  return {
    state: JSON.parse(JSON.stringify(opened.state)),
    feeds: viewerKeys(opened.state).map((key) => {
      const feed = opened.feeds.of(key);
      const turns = opened.feeds.turnsOf(key);
      return { key, feed: feed.version, items: feed.value(), turns: turns.version, cards: turns.value() };
    }),
  };
}

function snapshotAt(record: ExerciseRecord, initial: ExerciseState, events: readonly ExerciseEvent[], at: number): StoredSnapshot {
  const { state, feeds } = fold(initial, events.slice(0, at));
  return encodeSnapshot(originOf(record), state, feedsJson(feeds), events[at - 1]!);
}

describe("the room's cached fold (fold-snapshot.ts)", () => {
  it("opens from a snapshot and the tail exactly as from the whole log, wherever the snapshot was taken", async () => {
    for (const size of SIZES) {
      const { record, initial, events } = generated(size);
      expect(events.some((e) => e.type === "turnStarted")).toBe(true);
      const whole = shown(fold(initial, events));
      // Seeded cut points, the first and last events included: mid-turn, mid-resolution, at the end.
      const cuts = [1, events.length, ...[0.13, 0.41, 0.5, 0.77, 0.93].map((f) => Math.max(1, Math.floor(events.length * f + size.seed)))];
      for (const at of cuts) {
        const store = await stored(record, events);
        await store.writeSnapshot(record.id, snapshotAt(record, initial, events, at));
        const opened = await openFold(store, record);
        expect(opened.fromSnapshot, `seed ${size.seed}, cut ${at}`).toBe(at);
        expect(opened.folded).toBe(events.length - at);
        expect(shown(opened), `seed ${size.seed}, cut ${at}`).toEqual(whole);
        // And the room goes on from there exactly as the full fold would.
        expect(opened.state.seq).toBe(events.at(-1)!.seq);
      }
    }
  });

  it("ignores a snapshot that is corrupt, stale, of another exercise or past the log, and folds the whole log", async () => {
    const { record, initial, events } = generated(SIZES[0]!, 600);
    const whole = shown(fold(initial, events));
    const good = snapshotAt(record, initial, events, 400);
    const other = { ...record, seed: 8 };
    const warnings: string[] = [];
    const log = { debug() {}, info() {}, error() {}, warn: (_m: string, f?: Record<string, unknown>) => void warnings.push(String(f?.reason)) };
    const bad: [string, StoredSnapshot, (s: MemoryStore) => Promise<void>][] = [
      ["a changed byte", { ...good, data: good.data.replace('"seq":400', '"seq":401') }, async () => {}],
      ["cut short", { ...good, data: good.data.slice(0, good.data.length - 10) }, async () => {}],
      ["another fold version", { ...good, version: "0".repeat(32) }, async () => {}],
      ["not JSON at all", { ...good, data: "x".repeat(64) + "\n{" }, async () => {}],
      ["another exercise's first state", snapshotAt(other, initial, events, 400), async () => {}],
    ];
    for (const [what, snapshot] of bad) {
      const store = await stored(record, events);
      await store.writeSnapshot(record.id, snapshot);
      const opened = await openFold(store, record, log);
      expect(opened.fromSnapshot, what).toBeNull();
      expect(shown(opened), what).toEqual(whole);
    }
    // Taken at an event the log no longer holds as it was (a log cut short and written again).
    const shorter = await stored(record, events.slice(0, 300));
    await shorter.writeSnapshot(record.id, good);
    expect((await openFold(shorter, record, log)).fromSnapshot).toBeNull();
    const rewritten = await stored(record, [...events.slice(0, 399), { ...events[399]!, at: events[399]!.at + 1 }, ...events.slice(400)]);
    await rewritten.writeSnapshot(record.id, good);
    expect((await openFold(rewritten, record, log)).fromSnapshot).toBeNull();
    // A store that fails to read it.
    const failing = await stored(record, events);
    const broken: EventStore = Object.assign(Object.create(failing), { readSnapshot: async () => Promise.reject(new Error("disk I/O error")) });
    const opened = await openFold(broken, record, log);
    expect(opened.fromSnapshot).toBeNull();
    expect(shown(opened)).toEqual(whole);
    expect(warnings).toHaveLength(bad.length + 3);
  });

  it("is written every SNAPSHOT_EVERY events, never behind the one stored, and names the fold's code", async () => {
    const { record, initial, events } = generated(SIZES[1]!, SNAPSHOT_EVERY + 300);
    const store = await stored(record, events);
    const writer = new SnapshotWriter(store, record, 0);
    const early = fold(initial, events.slice(0, SNAPSHOT_EVERY - 1));
    expect(writer.after(early.state, early.feeds, events[SNAPSHOT_EVERY - 2])).toBeNull();
    const due = fold(initial, events.slice(0, SNAPSHOT_EVERY + 5));
    const writing = writer.after(due.state, due.feeds, events[SNAPSHOT_EVERY + 4]);
    // The room goes on before the snapshot is written out: its feeds change in place meanwhile.
    let later = due.state;
    for (const event of events.slice(SNAPSHOT_EVERY + 5)) due.feeds.record(event, (later = evolve(later, event)));
    await writing;
    expect((await store.readSnapshot(record.id))?.seq).toBe(SNAPSHOT_EVERY + 5);
    expect((await store.readSnapshot(record.id))?.version).toBe(foldVersion());
    expect(writer.after(due.state, due.feeds, events[SNAPSHOT_EVERY + 4], true)).toBeNull();
    // An older snapshot never replaces a newer one.
    await store.writeSnapshot(record.id, snapshotAt(record, initial, events, 10));
    expect((await store.readSnapshot(record.id))?.seq).toBe(SNAPSHOT_EVERY + 5);
    const opened = await openFold(store, record);
    expect(opened.folded).toBe(events.length - SNAPSHOT_EVERY - 5);
    expect(shown(opened)).toEqual(shown(fold(initial, events)));
  });
});
