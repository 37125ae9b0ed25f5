import { fork } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../server/config.ts";
import { createExercise, joinSeat, codeOf, percentile, sleep, type Seat } from "./support.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";

/**
 * One flood measurement: honest seats send an ordinary command every 100 ms each and time the
 * replies, in alternating windows without and with a flood from a flooder process
 * (test/reliability/flooder.ts), which is connected throughout. A command counts for the window
 * it was sent in. Returns the honest p99 in each kind of window and what the flooder saw.
 */
export type FloodStats = { sent: number; rateLimited: number; accepted: number; otherAnswers: number; disconnects: string[]; joins: number };
export type FloodOutcome = { baselineP99: number; floodP99: number; ratio: number; baselineSamples: number; floodSamples: number; unanswered: number; refusedHonest: number; flooder: FloodStats[] };

export async function measureFlood(options: {
  url: string;
  ex: CreatedExercise;
  honest: Seat[];
  flooderJoin: Record<string, unknown>;
  kind: "command" | "unknown" | "whoami" | "viewAs" | "idle";
  windows: number;
  windowMs: number;
  rejoin?: boolean;
}): Promise<FloodOutcome> {
  const { url, ex, honest, windowMs } = options;
  let phase: "baseline" | "flood" | "between" = "between";
  const samples = { baseline: [] as number[], flood: [] as number[] };
  let unanswered = 0;
  let refusedHonest = 0;
  let running = true;
  const loops = honest.map(async (seat, k) => {
    await sleep(k * (100 / honest.length)); // spread the seats over the interval
    while (running) {
      const label = phase;
      const t = performance.now();
      try {
        const r = await seat.send({ type: "sendMessage", channel: `team:${seat.welcome.nation}`, text: "steady" });
        if (!r.ok) refusedHonest++;
        // A command counts for the window it was sent in, however late its reply comes.
        if (label !== "between") samples[label].push(performance.now() - t);
      } catch {
        unanswered++;
      }
      await sleep(Math.max(0, 100 - (performance.now() - t)));
    }
  });
  const flooders: FloodStats[] = [];
  // The flooder joins before the first window and stays connected, idle, between floods.
  const child = fork(join(ROOT, "test", "reliability", "flooder.ts"), [url, ex.id, JSON.stringify(options.flooderJoin), options.kind, options.rejoin ? "rejoin" : "once"], { cwd: ROOT, execPath: process.execPath, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ask = <T>(message: unknown, expect: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => (child.off("message", on), reject(new Error(`the flooder did not answer ${JSON.stringify(message)} within ${timeoutMs} ms`))), timeoutMs);
      const on = (m: { type: string; error?: string }) => {
        if (m.type !== expect && m.type !== "failed") return;
        clearTimeout(timer);
        child.off("message", on);
        if (m.type === "failed") reject(new Error(`flooder: ${m.error}`));
        else resolve(m as T);
      };
      child.on("message", on);
      child.send(message as never);
    });
  try {
    await ask({ type: "prepare" }, "ready", 15_000);
    await sleep(300); // warm up
    for (let w = 0; w < options.windows; w++) {
      phase = "baseline";
      await sleep(windowMs);
      phase = "between";
      await ask({ type: "prepare" }, "ready", 15_000);
      // A flooder cut off in the last window has just joined again: what its join costs the
      // server (its first full state) is not the flood's doing.
      await sleep(200);
      const done = ask<{ stats: FloodStats }>({ type: "flood", durationMs: windowMs }, "done", windowMs + 20_000);
      phase = "flood";
      await sleep(windowMs);
      phase = "between";
      flooders.push((await done).stats);
      await sleep(200); // let the backlog of the flood drain before the next baseline
    }
  } finally {
    child.send({ type: "exit" });
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve));
    const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
    await exited;
    clearTimeout(timer);
  }
  running = false;
  await Promise.all(loops);
  const baselineP99 = percentile(samples.baseline, 99);
  const floodP99 = percentile(samples.flood, 99);
  return { baselineP99, floodP99, ratio: floodP99 / baselineP99, baselineSamples: samples.baseline.length, floodSamples: samples.flood.length, unanswered, refusedHonest, flooder: flooders };
}

/** Six honest participants (three per nation of the tiny scenario). */
export async function honestSeats(url: string, ex: CreatedExercise): Promise<Seat[]> {
  const seats: Seat[] = [];
  for (let i = 0; i < 6; i++) seats.push(await joinSeat(url, ex.id, { code: codeOf(ex, i % 2 ? "south" : "north"), name: `Honest ${i}` }));
  return seats;
}

export { createExercise };
