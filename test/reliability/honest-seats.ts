import { joinSeat, sleep, type Seat } from "./support.ts";

/**
 * The honest seats of a flood measurement, in a process of their own (forked by flood-check.ts),
 * as seats live in their own browsers. In the process that also runs the benchmark, its own
 * garbage collection (5–10 ms pauses as its heap grew from case to case) landed in one window or
 * the other and decided the verdict: with nothing flooding, the method read 0.45–2.4×.
 *
 *   fork("test/reliability/honest-seats.ts", [url, exerciseId, seatsJson])   seatsJson: [{code, name}]
 *   → { type: "ready" }                       once every seat has joined and its state is in
 *   ← { type: "phase", phase }                "baseline" | "flood" | "between": where replies count
 *   ← { type: "stop" }                        → { type: "done", samples, unanswered, refused }, then exit
 *
 * Each seat sends a team message every 100 ms and times the reply; a command counts for the window
 * it was sent in, however late its reply comes.
 */
type Phase = "baseline" | "flood" | "between";
const [url, exerciseId, seatsJson] = process.argv.slice(2) as [string, string, string];
const INTERVAL_MS = 100;

let phase: Phase = "between";
let running = true;
const samples: Record<Exclude<Phase, "between">, number[]> = { baseline: [], flood: [] };
let unanswered = 0;
let refused = 0;

async function play(seat: Seat, offsetMs: number): Promise<void> {
  await sleep(offsetMs); // spread the seats over the interval
  while (running) {
    const label = phase;
    const t = performance.now();
    try {
      const reply = await seat.send({ type: "sendMessage", channel: `team:${seat.welcome.nation}`, text: "steady" });
      if (!reply.ok) refused++;
      if (label !== "between") samples[label].push(performance.now() - t);
    } catch {
      unanswered++;
    }
    await sleep(Math.max(0, INTERVAL_MS - (performance.now() - t)));
  }
}

try {
  const wanted = JSON.parse(seatsJson) as { code: string; name: string }[];
  const seats: Seat[] = [];
  for (const options of wanted) seats.push(await joinSeat(url, exerciseId, options));
  const loops = seats.map((seat, k) => play(seat, k * (INTERVAL_MS / seats.length)));
  process.on("message", async (m: { type: string; phase?: Phase }) => {
    if (m.type === "phase") phase = m.phase!;
    if (m.type !== "stop" || !running) return;
    running = false;
    await Promise.all(loops);
    process.send!({ type: "done", samples, unanswered, refused });
    await Promise.all(seats.map((seat) => Promise.race([seat.room.leave().catch(() => undefined), sleep(500)])));
    process.exit(0);
  });
  process.send!({ type: "ready" });
} catch (error) {
  process.send!({ type: "failed", error: String((error as Error)?.stack ?? error) });
  process.exit(1);
}
