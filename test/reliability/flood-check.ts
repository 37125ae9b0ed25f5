import { fork } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../server/config.ts";
import { createExercise, codeOf, percentile, sleep } from "./support.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";

/**
 * One flood measurement: honest seats (their own process, test/reliability/honest-seats.ts) send
 * an ordinary command every 100 ms each and time the replies, in alternating windows without and
 * with a flood from a flooder process (test/reliability/flooder.ts), which is connected
 * throughout. A command counts for the window it was sent in. Returns the honest p99 in each kind
 * of window and what the flooder saw.
 */
export type FloodStats = { sent: number; rateLimited: number; accepted: number; otherAnswers: number; disconnects: string[]; joins: number };
export type FloodOutcome = {
  baselineP99: number;
  floodP99: number;
  ratio: number;
  baselineSamples: number;
  floodSamples: number;
  unanswered: number;
  refusedHonest: number;
  flooder: FloodStats[];
};
type HonestReport = { samples: { baseline: number[]; flood: number[] }; unanswered: number; refused: number };

export async function measureFlood(options: {
  url: string;
  ex: CreatedExercise;
  /** Honest participants, half of them per nation of the tiny scenario (six unless told). */
  honestSeats?: number;
  flooderJoin: Record<string, unknown>;
  kind: "command" | "unknown" | "whoami" | "viewAs" | "idle";
  windows: number;
  windowMs: number;
  rejoin?: boolean;
}): Promise<FloodOutcome> {
  const { url, ex, windowMs } = options;
  const honestOptions = Array.from({ length: options.honestSeats ?? 6 }, (_, i) => (i % 2 ? "south" : "north")).map((nation, i) => ({
    code: codeOf(ex, nation),
    name: `Honest ${i}`,
    nation,
  }));
  const honest = child("honest-seats.ts", [url, ex.id, JSON.stringify(honestOptions)]);
  // The flooder joins before the first window and stays connected, idle, between floods.
  const flooder = child("flooder.ts", [url, ex.id, JSON.stringify(options.flooderJoin), options.kind, options.rejoin ? "rejoin" : "once"]);
  const setPhase = (phase: "baseline" | "flood" | "between") => honest.process.send({ type: "phase", phase });
  const flooders: FloodStats[] = [];
  let report: HonestReport;
  try {
    await Promise.all([honest.answer({ type: "none" }, "ready", 20_000), flooder.answer({ type: "prepare" }, "ready", 15_000)]);
    // Warm up for a second: the joins' garbage is collected in the server about half a second
    // later (a 5-7 ms pause), which otherwise lands in the first baseline window.
    await sleep(1000);
    for (let w = 0; w < options.windows; w++) {
      setPhase("baseline");
      await sleep(windowMs);
      setPhase("between");
      await flooder.answer({ type: "prepare" }, "ready", 15_000);
      // A flooder cut off in the last window has just joined again: what its join costs the
      // server (its first full state) is not the flood's doing.
      await sleep(200);
      const done = flooder.answer<{ stats: FloodStats }>({ type: "flood", durationMs: windowMs }, "done", windowMs + 20_000);
      setPhase("flood");
      await sleep(windowMs);
      setPhase("between");
      flooders.push((await done).stats);
      await sleep(200); // let the backlog of the flood drain before the next baseline
    }
    report = await honest.answer<HonestReport>({ type: "stop" }, "done", 15_000);
  } finally {
    await Promise.all([flooder.end({ type: "exit" }), honest.end({ type: "stop" })]);
  }
  const { samples } = report;
  const baselineP99 = percentile(samples.baseline, 99);
  const floodP99 = percentile(samples.flood, 99);
  return {
    baselineP99,
    floodP99,
    ratio: floodP99 / baselineP99,
    baselineSamples: samples.baseline.length,
    floodSamples: samples.flood.length,
    unanswered: report.unanswered,
    refusedHonest: report.refused,
    flooder: flooders,
  };
}

/** A helper process of this directory, spoken to over IPC; `answer` sends and awaits a reply of a type. */
function child(file: string, args: string[]) {
  const process = fork(join(ROOT, "test", "reliability", file), args, {
    cwd: ROOT,
    execPath: globalThis.process.execPath,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const answer = <T>(message: { type: string; [field: string]: unknown }, expect: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => (process.off("message", on), reject(new Error(`${file} did not answer ${JSON.stringify(message)} within ${timeoutMs} ms`))),
        timeoutMs,
      );
      const on = (m: { type: string; error?: string }) => {
        if (m.type !== expect && m.type !== "failed") return;
        clearTimeout(timer);
        process.off("message", on);
        if (m.type === "failed") reject(new Error(`${file}: ${m.error}`));
        else resolve(m as T);
      };
      process.on("message", on);
      if (message.type !== "none") process.send(message);
    });
  /** Asks it to finish, and kills it if it has not within two seconds. */
  const end = async (message: { type: string }) => {
    if (process.exitCode !== null || process.signalCode !== null) return;
    const exited = new Promise((resolve) => process.once("exit", resolve));
    if (process.connected) process.send(message);
    const timer = setTimeout(() => process.kill("SIGKILL"), 2000);
    await exited;
    clearTimeout(timer);
  };
  return { process, answer, end };
}

export { createExercise };
