import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import { ROOT } from "../server/config.ts";
import { startConcord } from "./processes.ts";
import { nextRandom } from "../shared/engine/prng.ts";

/**
 * `npm run soak [-- --minutes N]` (default 10): 35 seats play against one server process with the
 * SQLite store while heap and event-loop delay are sampled from /health; then 20 rounds of
 * SIGKILL at random moments during play, each restart checked for every acknowledged command.
 */
const minutesArg = process.argv.indexOf("--minutes");
const minutes = minutesArg >= 0 ? Number(process.argv[minutesArg + 1]) : 10;
const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 20;
const PORT = 2670;
const url = `http://127.0.0.1:${PORT}`;
let failed = false;

async function soak(dataDir: string) {
  const server = await startConcord(PORT, { CONCORD_STORE: "sqlite", DATA_DIR: dataDir, SCENARIOS_DIR: "scenarios", CONCORD_LOG_LEVEL: "warn" });
  const ex = await (await fetch(`${url}/api/exercises`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "northern-flank" }) })).json();
  const load = fork(join(ROOT, "bench", "seat-load.ts"), [], { execPath: process.execPath, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  await new Promise<void>((resolve) => {
    load.once("message", () => resolve());
    load.send({ type: "concord", url, exerciseId: ex.id, codes: ex.joinCodes.map((c: { code: string }) => c.code), facilitatorToken: ex.facilitatorToken, observerCode: ex.observerCode, seats: 35, intervalMs: 1000 });
  });
  const samples: { heap: number; eld: number }[] = [];
  const end = Date.now() + minutes * 60_000;
  await fetch(`${url}/health`);
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, Math.min(10_000, Math.max(1000, end - Date.now()))));
    const health = await (await fetch(`${url}/health`)).json();
    samples.push({ heap: health.memoryMb, eld: health.eventLoopDelay.p99Ms });
    process.stdout.write(`  soak ${Math.round((minutes * 60_000 - (end - Date.now())) / 1000)} s: heap ${health.memoryMb} MB, event-loop p99 ${health.eventLoopDelay.p99Ms} ms\n`);
  }
  load.send({ type: "stop" });
  server.kill("SIGKILL");
  const third = Math.max(1, Math.floor(samples.length / 3));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  // The heap saws up and down with garbage collection; a leak shows in the floor it returns to.
  const floor = (xs: number[]) => Math.min(...xs);
  const firstHeap = floor(samples.slice(0, third).map((s) => s.heap));
  const lastHeap = floor(samples.slice(-third).map((s) => s.heap));
  const firstEld = mean(samples.slice(0, third).map((s) => s.eld));
  const lastEld = mean(samples.slice(-third).map((s) => s.eld));
  const heapFlat = lastHeap <= firstHeap * 1.2 + 10;
  const eldFlat = lastEld <= firstEld * 1.5 + 2;
  process.stdout.write(`soak: heap floor ${firstHeap.toFixed(1)} → ${lastHeap.toFixed(1)} MB (${heapFlat ? "flat" : "GROWING"}), event-loop p99 ${firstEld.toFixed(2)} → ${lastEld.toFixed(2)} ms (${eldFlat ? "flat" : "GROWING"})\n`);
  if (!heapFlat || !eldFlat) failed = true;
}

async function crashRounds(dataDir: string) {
  let rng = 4242;
  const roll = () => {
    const [v, n] = nextRandom(rng);
    rng = n;
    return v;
  };
  let server = await startConcord(PORT, { CONCORD_STORE: "sqlite", DATA_DIR: dataDir, SCENARIOS_DIR: "scenarios", CONCORD_LOG_LEVEL: "warn" });
  const ex = await (await fetch(`${url}/api/exercises`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "northern-flank" }) })).json();
  let seat: string | null = null;
  const acked = new Map<number, string>();
  for (let round = 1; round <= rounds; round++) {
    const sdk = new Client(url);
    const room = await sdk.joinById(ex.id, seat ? { seat } : { code: ex.joinCodes[0].code, name: "Soak" });
    room.reconnection.maxRetries = 0;
    const welcome = await new Promise<{ seat: string }>((resolve) => {
      room.onMessage("welcome", resolve);
      room.send("whoami");
    });
    seat = welcome.seat;
    const pending = new Map<string, string>();
    room.onMessage("result", (r: { id: string; ok: boolean; seq: number }) => {
      const text = pending.get(r.id);
      if (text && r.ok) acked.set(r.seq, text);
      pending.delete(r.id);
    });
    for (const type of ["ping", "viewChanged"]) room.onMessage(type, () => {});
    let i = 0;
    const timer = setInterval(() => {
      const id = `s${round}-${++i}`;
      const text = `round ${round} message ${i}`;
      pending.set(id, text);
      room.send("command", { id, command: { type: "sendMessage", channel: `team:${ex.joinCodes[0].nation}`, text } });
    }, 15);
    await new Promise((r) => setTimeout(r, 200 + roll() * 1300));
    server.kill("SIGKILL");
    clearInterval(timer);
    await new Promise((r) => server.once("exit", r));
    server = await startConcord(PORT, { CONCORD_STORE: "sqlite", DATA_DIR: dataDir, SCENARIOS_DIR: "scenarios", CONCORD_LOG_LEVEL: "warn" });
    const log = await (await fetch(`${url}/api/exercises/${ex.id}/events`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).json();
    const bySeq = new Map(log.events.map((e: { seq: number; message?: { text: string } }) => [e.seq, e.message?.text]));
    const lost = [...acked].filter(([seq, text]) => bySeq.get(seq) !== text);
    const gaps = log.events.some((e: { seq: number }, k: number) => e.seq !== k + 1);
    process.stdout.write(`  crash round ${round}: ${acked.size} acknowledged so far, ${log.events.length} events in the log, lost ${lost.length}${gaps ? ", GAPS" : ""}\n`);
    if (lost.length || gaps) failed = true;
  }
  server.kill("SIGKILL");
}

const soakDir = mkdtempSync(join(tmpdir(), "concord-soak-"));
const crashDir = mkdtempSync(join(tmpdir(), "concord-crash-rounds-"));
try {
  await soak(soakDir);
  await crashRounds(crashDir);
} finally {
  rmSync(soakDir, { recursive: true, force: true });
  rmSync(crashDir, { recursive: true, force: true });
}
process.stdout.write(failed ? "soak: FAILED\n" : "soak: passed\n");
process.exit(failed ? 1 : 0);
