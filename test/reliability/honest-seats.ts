import { Client, type Room } from "@colyseus/sdk";
import { installStringDecoding } from "../../client/src/net/string-decoding.ts";

/**
 * The honest seats of a flood measurement, in a process of their own (forked by flood-check.ts),
 * as seats live in their own browsers. In the process that also runs the benchmark, its own
 * garbage collection (5–10 ms pauses as its heap grew from case to case) landed in one window or
 * the other and decided the verdict: with nothing flooding, the method read 0.45–2.4×. So this
 * process loads nothing but the SDK, and decodes strings as the browser client does.
 *
 *   fork("test/reliability/honest-seats.ts", [url, exerciseId, seatsJson])   seatsJson: [{code, name, nation}]
 *   → { type: "ready" }                       once every seat has joined
 *   ← { type: "phase", phase }                "baseline" | "flood" | "between": where replies count
 *   ← { type: "stop" }                        → { type: "done", samples, unanswered, refused }, then exit
 *
 * Each seat sends a team message every 100 ms and times the reply; a command counts for the window
 * it was sent in, however late its reply comes.
 */
type Phase = "baseline" | "flood" | "between";
const [url, exerciseId, seatsJson] = process.argv.slice(2) as [string, string, string];
const INTERVAL_MS = 100;
const REPLY_TIMEOUT_MS = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// The library's one-character-at-a-time string decoding leaves ropes that made this process's
// scavenges take 5–18 ms; browsers use TextDecoder (client/src/net/session.ts), so do these seats.
installStringDecoding();

type Seat = { room: Room; nation: string; send(command: unknown): Promise<{ ok: boolean }> };
let counter = 0;

async function join(options: { code: string; name: string; nation: string }): Promise<Seat> {
  const room = await new Client(url).joinById(exerciseId, { code: options.code, name: options.name });
  const waiting = new Map<string, (reply: { ok: boolean }) => void>();
  room.onMessage("result", (r: { id: string | null; ok: boolean }) => r.id && waiting.get(r.id)?.(r));
  for (const type of ["welcome", "ping", "viewChanged"]) room.onMessage(type, () => {});
  return {
    room,
    nation: options.nation,
    send(command) {
      const id = `h${++counter}`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => (waiting.delete(id), reject(new Error("no reply"))), REPLY_TIMEOUT_MS);
        waiting.set(id, (reply) => (clearTimeout(timer), waiting.delete(id), resolve(reply)));
        room.send("command", { id, command });
      });
    },
  };
}

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
      const reply = await seat.send({ type: "sendMessage", channel: `team:${seat.nation}`, text: "steady" });
      if (!reply.ok) refused++;
      if (label !== "between") samples[label].push(performance.now() - t);
    } catch {
      unanswered++;
    }
    await sleep(Math.max(0, INTERVAL_MS - (performance.now() - t)));
  }
}

try {
  const wanted = JSON.parse(seatsJson) as { code: string; name: string; nation: string }[];
  const seats: Seat[] = [];
  for (const options of wanted) seats.push(await join(options));
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
