import { performance } from "node:perf_hooks";
import { Client } from "@colyseus/sdk";
import { startConcord } from "./processes.ts";
import { percentile, result, type BenchResult } from "./stats.ts";

/**
 * Flood: one seat sends commands as fast as it can (bounded: 20,000 messages or 6 s) while a
 * well-behaved seat keeps working. The flooder must be throttled (rate_limited) or cut off, and
 * the others' p99 must stay within 2× of their baseline measured just before.
 */
export async function runFloodBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const server = await startConcord(2662, { SCENARIOS_DIR: "scenarios", CONCORD_LOG_LEVEL: "warn", CONCORD_COMMANDS_PER_SECOND: "20" });
  try {
    const url = "http://127.0.0.1:2662";
    const ex = await (await fetch(`${url}/api/exercises`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: "northern-flank" }) })).json();
    const sdk = new Client(url);
    const honest = await sdk.joinById(ex.id, { code: ex.joinCodes[1].code, name: "Honest" });
    const flooder = await sdk.joinById(ex.id, { code: ex.joinCodes[0].code, name: "Flooder" });
    for (const room of [honest, flooder]) for (const type of ["welcome", "ping", "viewChanged"]) room.onMessage(type, () => {});
    let counter = 0;
    const waiting = new Map<string, () => void>();
    honest.onMessage("result", (r: { id: string }) => waiting.get(r.id)?.());
    const roundTrip = () =>
      new Promise<number>((resolve) => {
        const id = `h${++counter}`;
        const t = performance.now();
        waiting.set(id, () => {
          waiting.delete(id);
          resolve(performance.now() - t);
        });
        honest.send("command", { id, command: { type: "pingRegion", region: "holm" } });
      });
    const samples = quick ? 100 : 300;
    const measure = async () => {
      const out: number[] = [];
      // 10 commands a second: inside the honest client's own budget.
      for (let i = 0; i < samples; i++) {
        out.push(await roundTrip());
        await new Promise((r) => setTimeout(r, 100));
      }
      return out;
    };
    const baseline = await measure();
    let refused = 0;
    let disconnected = false;
    flooder.onMessage("result", (r: { code?: string }) => r.code === "rate_limited" && refused++);
    flooder.onLeave(() => (disconnected = true));
    const floodUntil = performance.now() + (quick ? 4000 : 6000);
    let sent = 0;
    const flood = (async () => {
      while (!disconnected && sent < 20_000 && performance.now() < floodUntil) {
        for (let i = 0; i < 50 && !disconnected; i++, sent++) flooder.send("command", { id: `f${sent}`, command: { type: "pingRegion", region: "holm" } });
        await new Promise((r) => setImmediate(r));
      }
    })();
    const during = await measure();
    await flood;
    await honest.leave();
    if (!disconnected) await flooder.leave();
    return [
      result("flood.others_p99_vs_baseline", percentile(during, 99), percentile(baseline, 99), "ms", "<= 2", "ratio", `a flooder sent ${sent} commands: ${refused} answered rate_limited${disconnected ? ", then it was disconnected" : ""}`),
    ];
  } finally {
    server.kill("SIGKILL");
  }
}
