import { performance } from "node:perf_hooks";
import { SqliteFile } from "../../server/store/sqlite-file.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { buildAfterActionReport } from "../../shared/aar/build-aar.ts";
import { openFold } from "../../server/rooms/fold-snapshot.ts";
import type { EventStore } from "../../server/store/event-store.ts";

/**
 * Child process of the length benchmark: opens a stored exercise the way the room does
 * (openFold: the newest snapshot and the events after it, or with `log` the whole log as
 * when there is none), then reads the log and builds its AAR as the export does, and prints
 * the times and its own RSS as JSON. A process of its own, so the RSS is the opening's alone.
 */
const [path, exerciseId, mode] = process.argv.slice(2) as [string, string, "snapshot" | "log"];
const file = new SqliteFile(path);
// Without a snapshot: the same store with no snapshot to read.
const store: EventStore = mode === "log" ? Object.assign(Object.create(file), { readSnapshot: undefined }) : file;
const t0 = performance.now();
const record = (await store.getExercise(exerciseId))!;
const opened = await openFold(store, record);
const openMs = performance.now() - t0;
const rssAfterOpen = process.memoryUsage().rss;
const t1 = performance.now();
const events = await store.readEvents(exerciseId);
const aarReadMs = performance.now() - t1;
buildAfterActionReport(initialState(record.scenario, record.id, record.seed), events, record.title);
const aarMs = performance.now() - t1;
process.stdout.write(
  JSON.stringify({
    events: events.length,
    seq: opened.state.seq,
    folded: opened.folded,
    fromSnapshot: opened.fromSnapshot,
    openMs,
    aarMs,
    aarReadMs,
    rssAfterOpen,
    rssPeak: process.resourceUsage().maxRSS * 1024,
  }) + "\n",
);
await file.close();
