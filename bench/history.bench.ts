import { startConcord } from "./processes.ts";
import { percentile, result, type BenchResult } from "./stats.ts";
import { createExercise, joinSeat, codeOf, type Seat } from "../test/reliability/support.ts";

/**
 * A long exercise must not make every command slower: the round trip of the same command at
 * the start, and again after thousands of chat messages (the bulk of a long exercise's log).
 * Before the incremental projection, the room re-read every message for every command: 0.9 ms
 * became 11 ms after 4,000 messages.
 */
const PORT = 2663;

async function roundTrips(seat: Seat, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const r = await seat.send({ type: "pingRegion", region: "island" });
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    out.push(performance.now() - t);
  }
  return out;
}

export async function runHistoryBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const server = await startConcord(PORT, { SCENARIOS_DIR: "test/server/fixtures/scenarios", CONCORD_LOG_LEVEL: "warn" });
  const url = `http://127.0.0.1:${PORT}`;
  const history = quick ? 4000 : 16000;
  try {
    const ex = await createExercise(url);
    const control = await joinSeat(url, ex.id, { token: ex.facilitatorToken, name: "Control" });
    await control.send({ type: "startExercise" });
    const seats = [
      await joinSeat(url, ex.id, { code: codeOf(ex, "north"), name: "Alice" }),
      await joinSeat(url, ex.id, { code: codeOf(ex, "south"), name: "Bob" }),
    ];
    await roundTrips(seats[0]!, 100); // warm-up
    const early = await roundTrips(seats[0]!, 300);
    // The history: team and alliance chat, 16 in flight at a time.
    let sent = 0;
    await Promise.all(
      Array.from({ length: 16 }, async (_, lane) => {
        while (sent < history) {
          const n = sent++;
          const seat = seats[(n + lane) % 2]!;
          await seat.send({
            type: "sendMessage",
            channel: n % 5 === 0 ? "alliance" : `team:${seat.welcome.nation}`,
            text: `Chat line ${n}: holding position, awaiting tasking.`,
          });
        }
      }),
    );
    await roundTrips(seats[0]!, 50);
    const late = await roundTrips(seats[0]!, 300);
    for (const seat of [control, ...seats]) await seat.room.leave().catch(() => undefined);
    const notes = `pingRegion round trip after ${history} chat messages vs at the start (p50 ${percentile(early, 50).toFixed(2)} → ${percentile(late, 50).toFixed(2)} ms)`;
    process.stdout.write(`  history: ${notes}; p99 ${percentile(early, 99).toFixed(2)} → ${percentile(late, 99).toFixed(2)} ms\n`);
    return [
      result("history.command_p50_after_chat_vs_start", percentile(late, 50), percentile(early, 50), "ms", "<= 1.5", "ratio", notes),
      result("history.command_p99_after_chat_vs_start", percentile(late, 99), percentile(early, 99), "ms", "<= 2", "ratio"),
    ];
  } finally {
    server.kill("SIGKILL");
  }
}
