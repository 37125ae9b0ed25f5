import { performance } from "node:perf_hooks";
import { SqliteFile } from "../../server/store/sqlite-file.ts";
import { aarFromStore } from "../../server/exercises/aar-export.ts";
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
const rssPeakOpening = process.resourceUsage().maxRSS * 1024;
// The report as the export builds it (the log read and folded a range at a time), its reads timed.
let aarReadMs = 0;
const timed: EventStore = Object.assign(Object.create(store), {
  readEvents: async (...args: Parameters<EventStore["readEvents"]>) => {
    const t = performance.now();
    const events = await store.readEvents(...args);
    aarReadMs += performance.now() - t;
    return events;
  },
});
const t1 = performance.now();
const { report } = await aarFromStore(timed, record);
const aarMs = performance.now() - t1;
process.stdout.write(
  JSON.stringify({
    events: report.exercise.events,
    seq: opened.state.seq,
    folded: opened.folded,
    fromSnapshot: opened.fromSnapshot,
    openMs,
    aarMs,
    aarReadMs,
    rssAfterOpen,
    rssPeakOpening,
    rssPeak: process.resourceUsage().maxRSS * 1024,
  }) + "\n",
);
await file.close();
