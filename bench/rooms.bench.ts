import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Client } from "@colyseus/sdk";
import type { ChildProcess } from "node:child_process";
import { ROOT } from "../server/config.ts";
import { SqliteStore } from "../server/store/sqlite-store.ts";
import { ExerciseService, type CreatedExercise } from "../server/exercises/exercise-service.ts";
import { loadScenarioCatalog } from "../server/exercises/scenario-catalog.ts";
import { statusOf } from "../server/exercises/exercise-status.ts";
import { decide } from "../shared/engine/decide.ts";
import { stamp } from "../shared/engine/evolve.ts";
import { initialState } from "../shared/engine/initial-state.ts";
import type { Command } from "../shared/protocol/commands.ts";
import type { ExerciseEvent } from "../shared/protocol/events.ts";
import { startConcord } from "./processes.ts";
import { percentile, result, type BenchResult } from "./stats.ts";

const PORT = 2641;
const IDLE_SECONDS = 2;

/**
 * Rooms on demand (docs/PERFORMANCE.md, "Rooms on demand"): a SQLite store of 1,000 exercises of
 * the shipped scenarios, each played two turns and paused (none active: no turn timer runs).
 * - start: from spawning `server/start.ts` to its "is running" line, against the same start on an
 *   empty store (the ratio is what the stored exercises cost);
 * - RSS of the server after start and after the joins;
 * - a join that loads an unloaded exercise (exercise control's token, to the welcome), against a
 *   join to the same exercise once it is loaded.
 */
export async function runRoomsBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const count = 1000;
  const starts = quick ? 3 : 5;
  const joins = quick ? 15 : 40;
  const dir = mkdtempSync(join(tmpdir(), "concord-rooms-bench-"));
  const empty = mkdtempSync(join(tmpdir(), "concord-rooms-empty-"));
  try {
    const created = await seed(dir, count);
    // Rooms unload 2 s after their last seat left, so the bench sees memory come back.
    const env = (dataDir: string) => ({
      CONCORD_STORE: "sqlite",
      DATA_DIR: dataDir,
      SCENARIOS_DIR: join(ROOT, "scenarios"),
      CONCORD_ROOM_IDLE_SECONDS: String(IDLE_SECONDS),
    });
    const startOnce = async (dataDir: string) => {
      const t = performance.now();
      const child = await startConcord(PORT, env(dataDir));
      return { ms: performance.now() - t, child };
    };
    const startMs: number[] = [];
    const emptyMs: number[] = [];
    const rssFull: number[] = [];
    const rssEmpty: number[] = [];
    for (let i = 0; i < starts; i++) {
      // Alternated, so a neighbour's burst on the shared machine hits both alike.
      const full = await startOnce(dir);
      startMs.push(full.ms);
      rssFull.push(await settledRss(full.child));
      await stop(full.child);
      const none = await startOnce(empty);
      emptyMs.push(none.ms);
      rssEmpty.push(await settledRss(none.child));
      await stop(none.child);
    }

    const { child } = await startOnce(dir);
    try {
      const client = new Client(`http://127.0.0.1:${PORT}`);
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < joins; i++) {
        const exercise = created[Math.floor((i * count) / joins)]!;
        cold.push(await timedJoin(client, exercise));
        warm.push(await timedJoin(client, exercise));
      }
      const rssLoaded = rssMb(child);
      // Every room it loaded unloads again once idle.
      await new Promise((r) => setTimeout(r, (IDLE_SECONDS + 3) * 1000));
      const rssAfter = rssMb(child);
      const metrics = await (await fetch(`http://127.0.0.1:${PORT}/metrics`)).text();
      const roomsOnline = Number(/^concord_rooms_online (\d+)/m.exec(metrics)?.[1] ?? NaN);
      const p = (xs: number[], q: number) => percentile(xs, q);
      return [
        result(
          "rooms.start_1000_ms_p50",
          p(startMs, 50),
          p(emptyMs, 50),
          "ms",
          "<= 5000",
          "value",
          `server start with ${count} stored exercises (none active), spawn to "is running", median of ${starts} (max ${Math.max(...startMs).toFixed(0)} ms); baseline: the same start on an empty store`,
        ),
        result(
          "rooms.rss_after_start_mb",
          p(rssFull, 50),
          p(rssEmpty, 50),
          "MB",
          "<= 200",
          "value",
          `resident memory 2 s after start on ${count} stored exercises, median of ${starts}; baseline: on an empty store`,
        ),
        result(
          "rooms.rss_after_joins_mb",
          rssAfter,
          rssLoaded,
          "MB",
          "<= 200",
          "value",
          `resident memory once the ${joins} exercises loaded for a join were left and unloaded (CONCORD_ROOM_IDLE_SECONDS=${IDLE_SECONDS}; rooms online then: ${roomsOnline}); baseline: while they were loaded. V8 and malloc keep the pages they grew to, so RSS does not fall back when rooms unload`,
        ),
        result(
          "rooms.cold_join_ms_p50",
          p(cold, 50),
          p(warm, 50),
          "ms",
          "<= 500",
          "value",
          `a join that loads an unloaded exercise from its log, token to welcome; p99 ${p(cold, 99).toFixed(1)} ms over ${joins}; baseline: a join to the same exercise once loaded (p99 ${p(warm, 99).toFixed(1)} ms)`,
        ),
        result("rooms.cold_join_ms_p99", p(cold, 99), p(warm, 99), "ms", "<= 500", "value", `p99 of the loading join; baseline: the loaded join's p99`),
      ];
    } finally {
      await stop(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  }
}

/** Writes `count` exercises straight into a SQLite store, as a server would have left them. */
async function seed(dir: string, count: number): Promise<CreatedExercise[]> {
  const store = await SqliteStore.open(join(dir, "concord.db"));
  const catalog = loadScenarioCatalog(join(ROOT, "scenarios")).scenarios;
  const service = new ExerciseService(store, catalog);
  const created: CreatedExercise[] = [];
  const control = { role: "facilitator", name: "Control" } as const;
  for (let i = 0; i < count; i++) {
    const entry = catalog[i % catalog.length]!;
    const exercise = await service.create(entry.scenario.id, `Bench ${i}`);
    const record = (await store.getExercise(exercise.id))!;
    let state = initialState(record.scenario, record.id, record.seed);
    const events: ExerciseEvent[] = [];
    let now = Date.now() - 3_600_000;
    const steps: Command[] = [{ type: "startExercise" }, { type: "forceResolve", turn: 1 }, { type: "forceResolve", turn: 2 }, { type: "pauseExercise" }];
    for (const command of steps) {
      const decision = decide(state, command, control, (now += 60_000));
      if ("rejected" in decision) throw new Error(`bench seed: ${command.type} refused (${decision.rejected.code})`);
      events.push(...stamp(state, decision.events, now));
      state = decision.state;
    }
    await store.append(exercise.id, events);
    await store.setStatus(exercise.id, statusOf(state));
    created.push(exercise);
  }
  await store.close();
  return created;
}

async function timedJoin(client: Client, exercise: CreatedExercise): Promise<number> {
  const t = performance.now();
  const room = await client.joinById(exercise.id, { token: exercise.facilitatorToken, name: "Bench" });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no welcome within 10 s")), 10_000);
    room.onMessage("welcome", () => {
      clearTimeout(timer);
      resolve();
    });
    room.onMessage("*", () => undefined);
    room.send("whoami");
  });
  const ms = performance.now() - t;
  await room.leave(true);
  return ms;
}

async function settledRss(child: ChildProcess): Promise<number> {
  await new Promise((r) => setTimeout(r, 2000));
  return rssMb(child);
}

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
