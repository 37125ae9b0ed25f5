import { existsSync, mkdirSync, readFileSync, rmSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ChildProcess } from "node:child_process";
import { benchArgs, wholeNumberArg } from "../args.ts";
import { startConcord } from "../processes.ts";
import { percentile, slowest } from "../stats.ts";
import { storeLongLog } from "./length.bench.ts";
import { joinSeats, serverRssMb } from "./seat-joins.ts";

/**
 * Only the server's part of the length bench (length.bench.ts), for working on it: the long
 * log stored as that bench stores it (once, in `--dir` when given, kept for the next run), then
 * `--runs` servers started on it one after the other, each joined by the bench's 13 seats
 * (joinSeats) and its RSS read with them in. With `--probe`, the server also writes its heap
 * spaces and worker threads' heaps (memory-probe.ts) once the seats are in.
 * `flock /tmp/concord-2568.lock node bench/scale/server-join.ts --events 100000 --runs 3`
 */
const USAGE = "node bench/scale/server-join.ts [--events N] [--runs N] [--dir DIR] [--probe]";
const { values } = benchArgs("server-join", USAGE, {
  events: { type: "string" },
  runs: { type: "string" },
  dir: { type: "string" },
  probe: { type: "boolean" },
});
const events = wholeNumberArg("server-join", "--events", values.events, 100_000, 2_000, 200_000);
const runs = wholeNumberArg("server-join", "--runs", values.runs, 3, 1, 20);
const PORT = 2666;

const dir = values.dir ?? mkdtempSync(join(tmpdir(), "concord-server-join-"));
const codesFile = join(dir, "codes.json");
try {
  if (!existsSync(codesFile)) {
    mkdirSync(dir, { recursive: true });
    const { codes } = await storeLongLog(dir, events);
    writeFileSync(codesFile, JSON.stringify(Object.values(codes)));
  }
  const codes = JSON.parse(readFileSync(codesFile, "utf8")) as string[];
  for (let run = 1; run <= runs; run++) {
    const probeOut = join(dir, `probe-${run}.json`);
    rmSync(probeOut, { force: true });
    const probe: Record<string, string> = values.probe
      ? {
          NODE_OPTIONS: `${process.env.CONCORD_BENCH_SERVER_NODE_OPTIONS ?? ""} --import ${pathToFileURL(join(import.meta.dirname, "memory-probe.ts")).href}`,
          MEMORY_PROBE_OUT: probeOut,
        }
      : {};
    const child: ChildProcess = await startConcord(PORT, {
      CONCORD_STORE: "sqlite",
      DATA_DIR: dir,
      CLIENT_DIR: "/nonexistent",
      CONCORD_LOG_LEVEL: "warn",
      ...probe,
    });
    try {
      const joined = await joinSeats(`http://127.0.0.1:${PORT}`, "ex-long", codes);
      const rss = serverRssMb(child.pid!);
      const split = /RssAnon:\s+(\d+) kB[\s\S]*RssFile:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      let memory = "";
      if (values.probe) {
        child.kill("SIGUSR2");
        for (let i = 0; i < 100 && !existsSync(probeOut); i++) await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, 200));
        memory = `\n  ${readFileSync(probeOut, "utf8").trim()}`;
      }
      // The seats go with the server (stopped below): their leaving is not measured.
      process.stdout.write(
        `${events} events, run ${run}: first join ${joined.coldMs.toFixed(0)} ms; new seats p50 ${percentile(joined.joins, 50).toFixed(0)} ms, p99 ${percentile(joined.joins, 99).toFixed(0)} ms (slowest ${slowest(joined.joins)}); server RSS ${rss.toFixed(0)} MB (anonymous ${Math.round(Number(split?.[1]) / 1024)}, files ${Math.round(Number(split?.[2]) / 1024)})${memory}\n`,
      );
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
    }
  }
} finally {
  if (!values.dir) rmSync(dir, { recursive: true, force: true });
}
