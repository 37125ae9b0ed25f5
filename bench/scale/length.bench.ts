import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { ROOT } from "../../server/config.ts";
import { SqliteFile } from "../../server/store/sqlite-file.ts";
import { evolve, foldEvents } from "../../shared/engine/evolve.ts";
import { statusOf, hasLiveDeadline } from "../../server/exercises/exercise-status.ts";
import { transiently } from "../../shared/state/records.ts";
import { RoomFeeds } from "../../server/rooms/room-feeds.ts";
import { encodeSnapshot, feedsJson, originOf, SNAPSHOT_EVERY } from "../../server/rooms/fold-snapshot.ts";
import type { ExerciseRecord, ExerciseStatus } from "../../server/store/event-store.ts";
import type { ChildProcess } from "node:child_process";
import { startConcord } from "../processes.ts";
import { clientDir, replayLongLog, type ReplayFigures } from "./replay-long.ts";
import { percentile, result, slowest, type BenchResult } from "../stats.ts";
import { makeLongLog } from "./long-log.ts";
import { joinSeats, serverRssMb } from "./seat-joins.ts";

const PORT = 2664;

type Joined = { coldMs: number; joins: number[]; rssMb: number; replay: ReplayFigures };
type Opened = {
  events: number;
  folded: number;
  fromSnapshot: number | null;
  openMs: number;
  aarMs: number;
  aarReadMs: number;
  rssAfterOpen: number;
  rssPeak: number;
};

/**
 * Stores a long log in SQLite under `dir` with the snapshot a room would have left: the worst
 * case, taken SNAPSHOT_EVERY - 1 events before the end, and the status its room would have
 * written. The replay-open runner (replay-open.ts) stores its log the same way.
 */
export async function storeLongLog(
  dir: string,
  count: number,
): Promise<{ codes: Record<string, string>; regions: number; snapshotBytes: number; status: ExerciseStatus }> {
  const { scenario, initial, events } = makeLongLog(count);
  const playable = scenario.nations.filter((n) => n.playable).map((n) => n.id);
  const codes = Object.fromEntries(playable.map((n, i) => [n, `LNG-${String(i).padStart(3, "0")}`]));
  const record: ExerciseRecord = {
    id: "ex-long",
    title: "A week of play",
    scenario,
    seed: 7,
    createdAt: Date.now(),
    facilitatorTokenHash: "0".repeat(64),
    joinCodes: codes,
    observerCode: "OBSERVE1",
  };
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
  // Where it stands, as its room would have written it: a server reads this at start (and
  // folds the whole log once to learn it when it is missing, app.ts wakeExercises).
  const status = statusOf(foldEvents(state, events.slice(at)));
  await store.setStatus("ex-long", status);
  await store.close();
  return { codes, regions: scenario.regions.length, snapshotBytes: snapshot.data.length, status };
}

/**
 * The long log stored (storeLongLog), then opened in child processes (open-long-log.ts), once
 * from the snapshot and once from the whole log, then served (onServer).
 */
async function measure(
  count: number,
  seeks: number,
): Promise<{ snapshot: Opened; log: Opened; snapshotBytes: number; joined: Joined; loadedAtStart: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), "concord-length-"));
  try {
    const { codes, regions, snapshotBytes, status } = await storeLongLog(dir, count);
    const open = (mode: string) => {
      const out = execFileSync(process.execPath, [join(ROOT, "bench", "scale", "open-long-log.ts"), join(dir, "concord.db"), "ex-long", mode], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      });
      return JSON.parse(out.trim().split("\n").at(-1)!) as Opened;
    };
    const log = open("log");
    const opened = open("snapshot");
    return {
      log,
      snapshot: opened,
      snapshotBytes,
      joined: await onServer(dir, Object.values(codes), regions, seeks),
      loadedAtStart: hasLiveDeadline(status),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A real server on that store: the first seat's join opens the room (from the snapshot), then
 * JOINS new seats with their nations' codes, each timed from the request to its welcome and its
 * first full state; the server's RSS once they are all in; then the replay viewer in Chromium.
 */
async function onServer(dir: string, codes: string[], regions: number, seeks: number): Promise<Joined> {
  const child = await startConcord(PORT, { CONCORD_STORE: "sqlite", DATA_DIR: dir, CLIENT_DIR: clientDir(), CONCORD_LOG_LEVEL: "warn" });
  try {
    const { coldMs, joins, leave } = await joinSeats(`http://127.0.0.1:${PORT}`, "ex-long", codes);
    const rssMb = serverRssMb(child.pid!);
    await leave();
    const replay = await replayLongLog(`http://127.0.0.1:${PORT}`, "ex-long", "OBSERVE1", regions, seeks);
    return { coldMs, joins, rssMb, replay };
  } finally {
    await stop(child);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/**
 * A week of play (issue #23, "Length"): a 60-turn, twelve-nation exercise of 100,000 events
 * (half: 50,000) stored in SQLite; opening it as the room does (the newest snapshot and the
 * events after it) ≤ 2 s, against opening it from the whole log (the baseline); its AAR (read
 * and built, as the export does) ≤ 2 s; the process's RSS ≤ 300 MB; on a real server, the first
 * join (which opens the room) and each new seat's join ≤ 300 ms, the server's RSS ≤ 300 MB.
 */
export async function runLengthBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const full = quick ? 20_000 : 100_000;
  const sizes = [full / 2, full];
  const out: BenchResult[] = [];
  for (const count of sizes) {
    const { snapshot: m, log, snapshotBytes, joined, loadedAtStart } = await measure(count, quick ? 20 : 40);
    const label = `${count / 1000}k`;
    out.push(
      result(
        `scale.length_${label}_room_open_ms`,
        m.openMs,
        log.openMs,
        "ms",
        "<= 2000",
        "value",
        `${m.events} events: a ${(snapshotBytes / 1e6).toFixed(1)} MB snapshot and the ${m.folded} events after it; baseline: the whole log read and folded (${log.folded} events)`,
      ),
    );
    out.push(
      result(
        `scale.length_${label}_server_first_join_ms`,
        joined.coldMs,
        null,
        "ms",
        "<= 2000",
        "value",
        `a server on that SQLite store: the first seat's join (request to welcome and first full state), ${loadedAtStart ? "the room already loaded at start (its turn timer runs)" : "which opens the room"}`,
      ),
    );
    out.push(
      result(
        `scale.length_${label}_seat_join_ms_p50`,
        percentile(joined.joins, 50),
        null,
        "ms",
        "<= 300",
        "value",
        `a new seat's join once the room is open, request to welcome and first full state; p99 ${percentile(joined.joins, 99).toFixed(1)} ms over ${joined.joins.length}`,
      ),
    );
    out.push(
      result(
        `scale.length_${label}_seat_join_ms_p99`,
        percentile(joined.joins, 99),
        null,
        "ms",
        "<= 300",
        "value",
        `p99 of ${joined.joins.length} new seats' joins`,
      ),
    );
    out.push(
      result(
        `scale.length_${label}_server_rss_mb`,
        joined.rssMb,
        null,
        "MB",
        "<= 300",
        "value",
        `the server's RSS with the room open and ${joined.joins.length + 1} seats in`,
      ),
    );
    out.push(
      result(
        `scale.length_${label}_replay_open_ms`,
        joined.replay.openMs,
        null,
        "ms",
        "<= 2000",
        "value",
        `headless Chromium on loopback: "Open replay" with the observer code → the map drawn (${joined.replay.regions} regions)`,
      ),
    );
    out.push(
      result(
        `scale.length_${label}_replay_seek_ms_p50`,
        percentile(joined.replay.seeks, 50),
        null,
        "ms",
        "<= 20",
        "value",
        `the scrubber moved to ${joined.replay.seeks.length} seeded places, input event to the end of its render, in the page (issue #23: any seek within 20 ms); slowest ${slowest(joined.replay.seeks)} ms`,
      ),
    );
    out.push(
      result(
        `scale.length_${label}_replay_seek_ms_p99`,
        percentile(joined.replay.seeks, 99),
        null,
        "ms",
        "<= 20",
        "value",
        `the scrubber moved to ${joined.replay.seeks.length} seeded places, input event to the end of its render, in the page; p50 ${percentile(joined.replay.seeks, 50).toFixed(1)} ms`,
      ),
    );
    out.push(
      result(
        `scale.length_${label}_aar_build_ms`,
        m.aarMs,
        null,
        "ms",
        "<= 2000",
        "value",
        `the log read (${Math.round(m.aarReadMs)} ms) and buildAfterActionReport over ${m.events} events`,
      ),
    );
    out.push(
      result(
        `scale.length_${label}_rss_mb`,
        m.rssPeak / 1e6,
        log.rssPeak / 1e6,
        "MB",
        "<= 300",
        "value",
        `peak RSS of the process that opened it and built the AAR (after opening: ${Math.round(m.rssAfterOpen / 1e6)} MB); baseline: the same, opened from the whole log`,
      ),
    );
  }
  return out;
}
