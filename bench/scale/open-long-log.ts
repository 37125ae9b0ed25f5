import { performance } from "node:perf_hooks";
import { SqliteFile } from "../../server/store/sqlite-file.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { evolve } from "../../shared/engine/evolve.ts";
import { transiently } from "../../shared/state/records.ts";
import { RoomFeeds } from "../../server/rooms/room-feeds.ts";
import { buildAfterActionReport } from "../../shared/aar/build-aar.ts";

/**
 * Child process of the length benchmark: opens a stored exercise the way the room does (read
 * the log from SQLite, one fold with every perspective's feed), then builds its AAR, and prints
 * the times and its own RSS as JSON. A process of its own, so the RSS is the opening's alone.
 */
const [path, exerciseId] = process.argv.slice(2) as [string, string];
const store = new SqliteFile(path);
const t0 = performance.now();
const record = (await store.getExercise(exerciseId))!;
const events = await store.readEvents(exerciseId);
const readMs = performance.now() - t0;
const feeds = new RoomFeeds();
const state = transiently(() => {
  let current = initialState(record.scenario, record.id, record.seed);
  for (const event of events) {
    current = evolve(current, event);
    feeds.record(event, current);
  }
  return current;
});
const openMs = performance.now() - t0;
const rssAfterOpen = process.memoryUsage().rss;
const t1 = performance.now();
buildAfterActionReport(initialState(record.scenario, record.id, record.seed), events, record.title);
const aarMs = performance.now() - t1;
process.stdout.write(JSON.stringify({ events: events.length, seq: state.seq, readMs, openMs, aarMs, rssAfterOpen, rssPeak: process.resourceUsage().maxRSS * 1024 }) + "\n");
await store.close();
