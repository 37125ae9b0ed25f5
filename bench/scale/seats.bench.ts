import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Client } from "@colyseus/sdk";
import { ROOT } from "../../server/config.ts";
import { killOnExit, startConcord, stopServer } from "../processes.ts";
import { percentile, result, type BenchResult } from "../stats.ts";
import { scaleScenario, type ScaleSize } from "./scale-scenario.ts";
import { installStringDecoding } from "../../client/src/net/string-decoding.ts";

// The bench's own control seat decodes the state as the browser client does.
installStringDecoding();

/**
 * Seats (issue #23, item 2): one exercise of 300 seats on one server process: 12 playable
 * nations × 22 people, 20 exercise control, 16 observers, each seat sending one command every
 * 5 s (team chat, map pings, alliance chat; control's notes and adjudications), on the full-size
 * generated map (400 regions, 5,000 assets, 2,000 injects; 14 nations: the 12 allies, the
 * adversary, a neutral). Half size: 150 seats (6 × 22, 10 control, 8 observers) on the half map.
 * The seats live in load processes (bench/seat-load.ts), as they live in browsers; the 20th
 * control seat is this process, and fires the injects whose delivery to every seat is timed.
 */
const INTERVAL_MS = 5000;
const SEATS_PER_PROCESS = 50;
const PORT = 2661;

type Layout = { label: string; size: ScaleSize; perNation: number; control: number; observers: number };

export const FULL: Layout = {
  label: "300",
  size: { nations: 14, regions: 400, assets: 5000, injects: 2000, turns: 60 },
  perNation: 22,
  control: 20,
  observers: 16,
};
export const HALF: Layout = {
  label: "150",
  size: { nations: 8, regions: 200, assets: 2500, injects: 1000, turns: 30 },
  perNation: 22,
  control: 10,
  observers: 8,
};

function ask<T>(proc: ChildProcess, message: unknown, expect: string, timeoutMs = 300_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (proc.off("message", on), reject(new Error(`seat load: no "${expect}" within ${timeoutMs} ms`))), timeoutMs);
    const on = (m: { type: string; error?: string }) => {
      if (m.type !== expect && m.type !== "failed") return;
      clearTimeout(timer);
      proc.off("message", on);
      if (m.type === "failed") reject(new Error(m.error));
      else resolve(m as T);
    };
    proc.on("message", on);
    proc.send(message as never);
  });
}

type Measured = { seats: number; p99: number; p50: number; eldP99: number; injectMs: number[]; joinMs: number; commands: number };

export async function measure(layout: Layout, windowMs: number, injects: number): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), "concord-seats-"));
  const scenario = scaleScenario(layout.size);
  writeFileSync(join(dir, "scale.json"), JSON.stringify(scenario));
  const server = await startConcord(PORT, { SCENARIOS_DIR: dir, CONCORD_LOG_LEVEL: "warn", CONCORD_COMMANDS_PER_SECOND: "20" });
  const children: ChildProcess[] = [];
  try {
    const url = `http://127.0.0.1:${PORT}`;
    const created = await (
      await fetch(`${url}/api/exercises`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId: (scenario as { id: string }).id }),
      })
    ).json();
    if (!created.id) throw new Error(`seats bench: exercise not created: ${JSON.stringify(created)}`);
    const sdk = new Client(url);
    const control = await sdk.joinById(created.id, { token: created.facilitatorToken, name: "Control (injects)" });
    for (const type of ["welcome", "ping", "viewChanged", "joinCodes", "result"]) control.onMessage(type, () => {});
    const replies = new Map<string, (r: { ok: boolean; message?: string }) => void>();
    control.onMessage("result", (r: { id: string; ok: boolean }) => replies.get(r.id)?.(r));
    let n = 0;
    const send = (command: unknown) =>
      new Promise<{ ok: boolean; message?: string }>((resolve) => {
        const id = `s${++n}`;
        replies.set(id, (r) => (replies.delete(id), resolve(r)));
        control.send("command", { id, command });
      });
    const started = await send({ type: "startExercise" });
    if (!started.ok) throw new Error(`seats bench: start refused: ${started.message}`);

    // Participants first by nation (22 each), then the control seats and the observers, spread
    // over load processes of 50 seats: each process's first seats are its share of control and observers.
    const codes = (created.joinCodes as { nation: string; code: string }[]).map((c) => c.code);
    const participants = codes.length * layout.perNation;
    const teamCodes = Array.from({ length: participants }, (_, i) => codes[i % codes.length]!);
    const total = participants + layout.control - 1 + layout.observers;
    const processes = Math.ceil(total / SEATS_PER_PROCESS);
    const region = scenario.regions!.find((r) => (r as { kind?: string }).kind === "land")!.id as string;
    const t0 = performance.now();
    let controlLeft = layout.control - 1;
    let observersLeft = layout.observers;
    for (let p = 0; p < processes; p++) {
      const seats = Math.min(SEATS_PER_PROCESS, total - p * SEATS_PER_PROCESS);
      const c = Math.min(controlLeft, Math.ceil((layout.control - 1) / processes));
      const o = Math.min(observersLeft, Math.ceil(layout.observers / processes));
      controlLeft -= c;
      observersLeft -= o;
      const proc = killOnExit(fork(join(ROOT, "bench", "seat-load.ts"), [], { execPath: process.execPath, stdio: ["ignore", "ignore", "inherit", "ipc"] }));
      children.push(proc);
      // Seat i of a process takes codes[i]: the first c + o are control and observers, the rest
      // this process's slice of the teams' 22 each (seat-load.ts reads codes[i % length]).
      const mine = teamCodes.splice(0, seats - c - o);
      const aligned = [...Array<string>(c + o).fill(mine[0] ?? codes[0]!), ...mine];
      await ask(
        proc,
        {
          type: "concord",
          url,
          exerciseId: created.id,
          codes: aligned,
          facilitatorToken: created.facilitatorToken,
          observerCode: created.observerCode,
          seats,
          intervalMs: INTERVAL_MS,
          play: "mix",
          control: c,
          observers: o,
          region,
        },
        "added",
      );
    }
    const joinMs = performance.now() - t0;
    // One full interval for every seat to have started its rhythm, then the window.
    await new Promise((r) => setTimeout(r, INTERVAL_MS));
    for (const proc of children) await ask(proc, { type: "report" }, "report");
    const windowStart = performance.now();
    const injectMs: number[] = [];
    // Injects to everyone, spread over the window: fired by control, timed until every seat holds it.
    for (let i = 0; i < injects; i++) {
      await new Promise((r) => setTimeout(r, windowMs / (injects + 1)));
      await Promise.all(children.map((proc) => ask(proc, { type: "expectInjects", count: 1 }, "listening")));
      const delivered = Promise.all(
        children.map(
          (proc) =>
            new Promise<void>((resolve) => {
              const on = (m: { type: string }) => m.type === "delivered" && (proc.off("message", on), resolve());
              proc.on("message", on);
            }),
        ),
      );
      const t = performance.now();
      const [reply] = await Promise.all([
        send({
          type: "fireInject",
          inject: {
            number: `S.${i}`,
            type: "information",
            from: "Exercise control",
            to: "all",
            title: `Situation update ${i}`,
            body: "All nations: a situation update from exercise control. Acknowledge at your next brief.",
          },
        }),
        delivered,
      ]);
      if (!reply.ok) throw new Error(`seats bench: inject refused: ${reply.message}`);
      injectMs.push(performance.now() - t);
    }
    const rest = windowMs - (performance.now() - windowStart);
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    const latencies: number[] = [];
    for (const proc of children) latencies.push(...(await ask<{ latencies: number[] }>(proc, { type: "report" }, "report")).latencies);
    const health = await (await fetch(`${url}/health?window=${Math.ceil(windowMs / 1000)}`)).json();
    await control.leave().catch(() => undefined);
    return {
      seats: total + 1,
      p99: percentile(latencies, 99),
      p50: percentile(latencies, 50),
      eldP99: health.eventLoopDelay.p99Ms,
      injectMs,
      joinMs,
      commands: latencies.length,
    };
  } finally {
    for (const proc of children) proc.send({ type: "stop" });
    await new Promise((r) => setTimeout(r, 300));
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The quick run measures the half size only (150 seats: ~30 s, where the full size's joins
 * alone take 20–40 s on a shared machine); the full run measures both, so that the growth from
 * 150 to 300 seats is read from one run. The 300-seat figures are the targets' own.
 */
export async function runSeatsBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const windowMs = quick ? 10_000 : 30_000;
  const injects = quick ? 3 : 7;
  const out: BenchResult[] = [];
  for (const layout of quick ? [HALF] : [HALF, FULL]) {
    const m = await measure(layout, windowMs, injects);
    const where = `${m.seats} seats in one exercise (${layout.size.nations - 2} nations × ${layout.perNation}, ${layout.control} control, ${layout.observers} observers), ${layout.size.regions} regions, ${layout.size.assets} assets; one command per seat every 5 s; ${m.commands} commands in a ${windowMs / 1000} s window; all joined in ${Math.round(m.joinMs)} ms`;
    process.stdout.write(
      `  seats ${m.seats}: command p50 ${m.p50.toFixed(1)} ms p99 ${m.p99.toFixed(1)} ms, event-loop p99 ${m.eldP99} ms, inject to all ${m.injectMs.map((v) => v.toFixed(0)).join("/")} ms\n`,
    );
    out.push(result(`scale.seats_${layout.label}_command_p99_ms`, m.p99, null, "ms", "<= 20", "value", `${where}; p50 ${m.p50.toFixed(2)} ms`));
    out.push(
      result(
        `scale.seats_${layout.label}_event_loop_p99_ms`,
        m.eldP99,
        null,
        "ms",
        "<= 10",
        "value",
        "the server's event-loop delay p99 over the window (/health)",
      ),
    );
    out.push(
      result(
        `scale.seats_${layout.label}_inject_to_last_seat_ms`,
        percentile(m.injectMs, 50),
        null,
        "ms",
        "<= 250",
        "value",
        `an inject to all fired by control until the last of ${m.seats} seats holds it (the seats' word comes back over IPC), under the load; median of ${injects}, each: ${m.injectMs.map((v) => v.toFixed(0)).join(", ")} ms`,
      ),
    );
  }
  return out;
}
