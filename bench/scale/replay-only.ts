import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { SqliteFile } from "../../server/store/sqlite-file.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { statusOf } from "../../server/exercises/exercise-status.ts";
import { transiently } from "../../shared/state/records.ts";
import { startConcord } from "../processes.ts";
import { benchArgs, wholeNumberArg } from "../args.ts";
import { percentile, slowest } from "../stats.ts";
import { makeLongLog } from "./long-log.ts";
import { clientDir, replayLongLog } from "./replay-long.ts";

/**
 * The replay viewer's part of the length benchmark alone (length.bench.ts measures it after the
 * room's opening, the AAR and the joins): a week of play of `--events` events stored in SQLite, a
 * server on it, then "Open replay" and `--seeks` scrubber jumps in headless Chromium
 * (replay-long.ts), `--repeats` times. Prints each run's open time and seek p50 / p99 / slowest.
 * `CONCORD_BENCH_PAGE_PROFILE=<folder>` writes the page's CPU profile of the seeks.
 *
 *   flock /tmp/concord-2568.lock node bench/scale/replay-only.ts --events 100000 --repeats 2
 */
const USAGE = "node bench/scale/replay-only.ts [--events N] [--seeks N] [--repeats N]";
const { values } = benchArgs("replay-only", USAGE, { events: { type: "string" }, seeks: { type: "string" }, repeats: { type: "string" } });
const count = wholeNumberArg("replay-only", "--events", values.events, 100_000, 1_000, 200_000);
const seeks = wholeNumberArg("replay-only", "--seeks", values.seeks, 40, 1, 1_000);
const repeats = wholeNumberArg("replay-only", "--repeats", values.repeats, 1, 1, 10);
const PORT = 2665;

const dir = mkdtempSync(join(tmpdir(), "concord-replay-"));
let child: ChildProcess | null = null;
try {
  const { scenario, initial, events } = makeLongLog(count);
  const store = new SqliteFile(join(dir, "concord.db"));
  await store.createExercise({
    id: "ex-long",
    title: "A week of play",
    scenario,
    seed: 7,
    createdAt: Date.now(),
    facilitatorTokenHash: "0".repeat(64),
    joinCodes: {},
    observerCode: "OBSERVE1",
  });
  for (let i = 0; i < events.length; i += 5000) await store.append("ex-long", events.slice(i, i + 5000));
  // Stored as a room would have, so that the server does not fold the whole log at start to learn it.
  await store.setStatus("ex-long", statusOf(transiently(() => foldEvents(initial, events))));
  await store.close();
  child = await startConcord(PORT, { CONCORD_STORE: "sqlite", DATA_DIR: dir, CLIENT_DIR: clientDir(), CONCORD_LOG_LEVEL: "warn" });
  for (let run = 0; run < repeats; run++) {
    const r = await replayLongLog(`http://127.0.0.1:${PORT}`, "ex-long", "OBSERVE1", scenario.regions.length, seeks);
    process.stdout.write(
      `${count} events, run ${run + 1}: open ${r.openMs} ms; ${r.seeks.length} seeks p50 ${percentile(r.seeks, 50).toFixed(1)} ms, p99 ${percentile(r.seeks, 99).toFixed(1)} ms (slowest ${slowest(r.seeks)})\n`,
    );
  }
} finally {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
