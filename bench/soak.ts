import { fork } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import { ROOT } from "../server/config.ts";
import { startConcord, killOnExit } from "./processes.ts";
import { machine, percentile } from "./stats.ts";
import { crashCampaign } from "../test/reliability/crash-campaign.ts";
import { benchArgs, wholeNumberArg } from "./args.ts";

/**
 * `npm run soak [-- --minutes N] [--rounds N] [--interval-ms N]` (default 10 minutes, 20 crash
 * rounds, one command per seat per second):
 *
 * 1. 35 seats (28 participants of four nations, 2 exercise control, 5 observers) play Northern
 *    Flank against one server process with the SQLite store: team and alliance chat, region
 *    pings, observer notes, adjudications. Every 10 s the server's heap and event-loop delay
 *    (from /health) and the seats' command round trips are sampled. Flat means: the heap's
 *    floor (after collections) in the last third ≤ 1.2 × the first third's + 10 MB, and the
 *    event-loop p99 and command p99 of the last third (the median of its samples) ≤ 1.5 × the
 *    first third's + 2 ms.
 * 2. The crash campaign of test/reliability/crash-campaign.ts, `--rounds` SIGKILLs at seeded
 *    random moments, every acknowledged command checked after each restart.
 *
 * Exits non-zero if anything is not flat or anything acknowledged was lost. Writes
 * bench/results/soak.json.
 */
const { values } = benchArgs("soak", "npm run soak [-- --minutes N] [--rounds N] [--interval-ms N]", {
  minutes: { type: "string" },
  rounds: { type: "string" },
  "interval-ms": { type: "string" },
});
const minutes = wholeNumberArg("soak", "--minutes", values.minutes, 10, 1, 24 * 60);
const rounds = wholeNumberArg("soak", "--rounds", values.rounds, 20, 0, 10_000);
const intervalMs = wholeNumberArg("soak", "--interval-ms", values["interval-ms"], 1000, 10, 60_000);
const PORT = 2670;
const url = `http://127.0.0.1:${PORT}`;
const failures: string[] = [];

type Sample = { atS: number; heapMb: number; eldP99: number; eldMax: number; cmdP99: number; commands: number; events: number };

async function soak(dataDir: string): Promise<{ samples: Sample[]; verdict: Record<string, unknown> }> {
  const server = await startConcord(PORT, {
    CONCORD_STORE: "sqlite",
    DATA_DIR: dataDir,
    SCENARIOS_DIR: "scenarios",
    CONCORD_LOG_LEVEL: "warn",
    CONCORD_COMMANDS_PER_SECOND: "20",
  });
  const ex = await (
    await fetch(`${url}/api/exercises`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenarioId: "northern-flank" }),
    })
  ).json();
  const load = killOnExit(fork(join(ROOT, "bench", "seat-load.ts"), [], { execPath: process.execPath, stdio: ["ignore", "ignore", "inherit", "ipc"] }));
  const ask = <T>(message: unknown, expect: string) =>
    new Promise<T>((resolve, reject) => {
      const on = (m: { type: string; error?: string }) => {
        if (m.type === expect || m.type === "failed") {
          load.off("message", on);
          if (m.type === "failed") reject(new Error(m.error));
          else resolve(m as T);
        }
      };
      load.on("message", on);
      load.send(message as never);
    });
  // Exercise control starts the exercise, then leaves the room to the 35 seats of the load.
  const control = await new Client(url).joinById(ex.id, { token: ex.facilitatorToken, name: "Soak control" });
  for (const type of ["welcome", "joinCodes"]) control.onMessage(type, () => {});
  await new Promise<void>((resolve) => {
    control.onMessage("result", () => resolve());
    control.send("command", { id: "start", command: { type: "startExercise" } });
  });
  await control.leave();
  const started = Date.now();
  await ask(
    {
      type: "concord",
      url,
      exerciseId: ex.id,
      codes: ex.joinCodes.map((c: { code: string }) => c.code),
      facilitatorToken: ex.facilitatorToken,
      observerCode: ex.observerCode,
      seats: 35,
      intervalMs,
      play: "mix",
    },
    "added",
  );
  process.stdout.write(
    `soak: 35 seats joined in ${((Date.now() - started) / 1000).toFixed(1)} s; playing for ${minutes} min, one command per seat every ${intervalMs} ms\n`,
  );

  const samples: Sample[] = [];
  const end = Date.now() + minutes * 60_000;
  await fetch(`${url}/health`);
  await ask({ type: "report" }, "report");
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, Math.min(10_000, Math.max(1000, end - Date.now()))));
    const health = await (await fetch(`${url}/health`)).json();
    const report = await ask<{ latencies: number[]; errors: number }>({ type: "report" }, "report");
    const state = await (await fetch(`${url}/api/exercises/${ex.id}`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } }))
      .json()
      .catch(() => ({}));
    const sample: Sample = {
      atS: Math.round((Date.now() - (end - minutes * 60_000)) / 1000),
      heapMb: health.memoryMb,
      eldP99: health.eventLoopDelay.p99Ms,
      eldMax: health.eventLoopDelay.maxMs,
      cmdP99: Number(percentile(report.latencies, 99).toFixed(2)),
      commands: report.latencies.length,
      events: state.lastSeq ?? NaN,
    };
    samples.push(sample);
    process.stdout.write(
      `  ${sample.atS} s: heap ${sample.heapMb} MB, event-loop p99 ${sample.eldP99} ms (max ${sample.eldMax}), command p99 ${sample.cmdP99} ms over ${sample.commands}${Number.isFinite(sample.events) ? `, ${sample.events} events` : ""}\n`,
    );
  }
  load.send({ type: "stop" });
  server.kill("SIGKILL");

  const third = Math.max(1, Math.floor(samples.length / 3));
  const first = samples.slice(0, third);
  const last = samples.slice(-third);
  // A trend, not a burst: the median of the ten-second samples. A growing cost raises every
  // sample; a burst of slow disk commits (seen here: 200–400 ms for a minute) raises a few.
  const typical = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  // The heap saws up and down with garbage collection; a leak shows in the floor it returns to.
  const floor = (xs: number[]) => Math.min(...xs);
  const heap = [floor(first.map((s) => s.heapMb)), floor(last.map((s) => s.heapMb))] as const;
  const eld = [typical(first.map((s) => s.eldP99)), typical(last.map((s) => s.eldP99))] as const;
  const cmd = [typical(first.map((s) => s.cmdP99)), typical(last.map((s) => s.cmdP99))] as const;
  const verdict = {
    heapFloorMb: heap,
    heapFlat: heap[1] <= heap[0] * 1.2 + 10,
    eventLoopP99Ms: eld.map((x) => Number(x.toFixed(2))),
    eventLoopFlat: eld[1] <= eld[0] * 1.5 + 2,
    commandP99Ms: cmd.map((x) => Number(x.toFixed(2))),
    commandFlat: cmd[1] <= cmd[0] * 1.5 + 2,
  };
  process.stdout.write(
    `soak: heap floor ${heap[0]} → ${heap[1]} MB (${verdict.heapFlat ? "flat" : "GROWING"}), event-loop p99 ${eld[0].toFixed(2)} → ${eld[1].toFixed(2)} ms (${verdict.eventLoopFlat ? "flat" : "GROWING"}), command p99 ${cmd[0].toFixed(2)} → ${cmd[1].toFixed(2)} ms (${verdict.commandFlat ? "flat" : "GROWING"}) — first vs last third\n`,
  );
  if (!verdict.heapFlat) failures.push("heap not flat");
  if (!verdict.eventLoopFlat) failures.push("event-loop delay not flat");
  if (!verdict.commandFlat) failures.push("command p99 not flat");
  return { samples, verdict };
}

const soakDir = mkdtempSync(join(tmpdir(), "concord-soak-"));
let soakResult: Awaited<ReturnType<typeof soak>> | null = null;
let campaign: Awaited<ReturnType<typeof crashCampaign>> | null = null;
try {
  if (minutes > 0) soakResult = await soak(soakDir);
  if (rounds > 0) {
    process.stdout.write(`soak: crash campaign, ${rounds} rounds\n`);
    campaign = await crashCampaign({ rounds, seed: 4242, port: PORT + 1, log: (line) => process.stdout.write(`  ${line}\n`) });
    for (const problem of campaign.problems) process.stdout.write(`  PROBLEM: ${problem}\n`);
    if (campaign.problems.length) failures.push(`crash campaign: ${campaign.problems.length} problems`);
    process.stdout.write(
      `soak: crash campaign ${campaign.problems.length ? "FAILED" : "passed"}: ${campaign.acknowledged} acknowledged commands over ${rounds} SIGKILLs, none lost${campaign.problems.length ? " (see problems)" : ""}\n`,
    );
  }
} catch (error) {
  failures.push(String((error as Error).stack ?? error));
} finally {
  rmSync(soakDir, { recursive: true, force: true });
}
mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
writeFileSync(
  join(ROOT, "bench", "results", "soak.json"),
  JSON.stringify(
    {
      when: new Date().toISOString(),
      machine: machine(),
      minutes,
      intervalMs,
      rounds,
      soak: soakResult,
      crashCampaign: campaign && { acknowledged: campaign.acknowledged, problems: campaign.problems, rounds: campaign.rounds },
      failures,
    },
    null,
    2,
  ) + "\n",
);
process.stdout.write(failures.length ? `soak: FAILED (${failures.join("; ")})\n` : "soak: passed\n");
process.exit(failures.length ? 1 : 0);
