import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { ROOT } from "../../server/config.ts";
import { SqliteFile } from "../../server/store/sqlite-file.ts";
import { evolve } from "../../shared/engine/evolve.ts";
import { transiently } from "../../shared/state/records.ts";
import { RoomFeeds } from "../../server/rooms/room-feeds.ts";
import { encodeSnapshot, feedsJson, originOf, SNAPSHOT_EVERY } from "../../server/rooms/fold-snapshot.ts";
import type { ExerciseRecord } from "../../server/store/event-store.ts";
import { result, type BenchResult } from "../stats.ts";
import { makeLongLog } from "./long-log.ts";

type Opened = { events: number; folded: number; fromSnapshot: number | null; openMs: number; aarMs: number; aarReadMs: number; rssAfterOpen: number; rssPeak: number };

/**
 * Stores a long log in SQLite with the snapshot a room would have left: the worst case, taken
 * SNAPSHOT_EVERY - 1 events before the end. Then opens it in child processes
 * (open-long-log.ts), once from the snapshot and once from the whole log.
 */
async function measure(count: number): Promise<{ snapshot: Opened; log: Opened; snapshotBytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), "concord-length-"));
  try {
    const { scenario, initial, events } = makeLongLog(count);
    const record: ExerciseRecord = { id: "ex-long", title: "A week of play", scenario, seed: 7, createdAt: Date.now(), facilitatorTokenHash: "0".repeat(64), joinCodes: {}, observerCode: "OBSERVE1" };
    const store = new SqliteFile(join(dir, "concord.db"));
    await store.createExercise(record);
    for (let i = 0; i < events.length; i += 5000) await store.append("ex-long", events.slice(i, i + 5000));
    const at = events.length - SNAPSHOT_EVERY + 1;
    const feeds = new RoomFeeds();
    const state = transiently(() => {
      let s = initial;
      for (const event of events.slice(0, at)) {
        s = evolve(s, event);
        feeds.record(event, s);
      }
      return s;
    });
    const snapshot = encodeSnapshot(originOf(record), state, feedsJson(feeds), events[at - 1]!);
    await store.writeSnapshot("ex-long", snapshot);
    await store.close();
    const open = (mode: string) => {
      const out = execFileSync(process.execPath, [join(ROOT, "bench", "scale", "open-long-log.ts"), join(dir, "concord.db"), "ex-long", mode], { encoding: "utf8", maxBuffer: 1 << 20 });
      return JSON.parse(out.trim().split("\n").at(-1)!) as Opened;
    };
    return { log: open("log"), snapshot: open("snapshot"), snapshotBytes: snapshot.data.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A week of play (issue #23, "Length"): a 60-turn, twelve-nation exercise of 100,000 events
 * (half: 50,000) stored in SQLite; opening it as the room does (the newest snapshot and the
 * events after it) ≤ 2 s, against opening it from the whole log (the baseline); its AAR (read
 * and built, as the export does) ≤ 2 s; the process's RSS ≤ 300 MB.
 */
export async function runLengthBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const full = quick ? 20_000 : 100_000;
  const sizes = [full / 2, full];
  const out: BenchResult[] = [];
  for (const count of sizes) {
    const { snapshot: m, log, snapshotBytes } = await measure(count);
    const label = `${count / 1000}k`;
    out.push(result(`scale.length_${label}_room_open_ms`, m.openMs, log.openMs, "ms", "<= 2000", "value", `${m.events} events: a ${(snapshotBytes / 1e6).toFixed(1)} MB snapshot and the ${m.folded} events after it; baseline: the whole log read and folded (${log.folded} events)`));
    out.push(result(`scale.length_${label}_aar_build_ms`, m.aarMs, null, "ms", "<= 2000", "value", `the log read (${Math.round(m.aarReadMs)} ms) and buildAfterActionReport over ${m.events} events`));
    out.push(result(`scale.length_${label}_rss_mb`, m.rssPeak / 1e6, log.rssPeak / 1e6, "MB", "<= 300", "value", `peak RSS of the process that opened it and built the AAR (after opening: ${Math.round(m.rssAfterOpen / 1e6)} MB); baseline: the same, opened from the whole log`));
  }
  return out;
}
