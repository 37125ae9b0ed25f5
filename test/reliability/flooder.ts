import { Client, type Room } from "@colyseus/sdk";

/**
 * A client in its own process (so that the flood does not slow the process that times the
 * honest clients), driven over IPC by flood-check.ts:
 *
 *   fork("test/reliability/flooder.ts", [url, exerciseId, joinOptionsJson, kind, "rejoin" | "once"])
 *   → { type: "prepare" }            joins (again, if it was cut off) and answers { type: "ready" }
 *   → { type: "flood", durationMs }  sends as fast as the socket drains for durationMs, then answers
 *                                    { type: "done", stats } for this window
 *   → { type: "exit" }
 *
 * It stays connected and idle between floods, so the windows without a flood have the same
 * clients as those with one (a flooder cut off in one window comes back for the next: "once" as a
 * new seat with its join code, "rejoin" with its seat token, which the cool-down refuses). kind: "command" (valid commands), "unknown" (an unknown message
 * type), "whoami", "viewAs", or "idle" (sends nothing: the control). With "rejoin" it joins again
 * with its seat token whenever it is cut off during a flood (at most 50 joins a window).
 * Bounded: 500,000 messages a window.
 */
const [url, exerciseId, optionsJson, kind, mode] = process.argv.slice(2) as [string, string, string, string, string];
// Every refused rejoin makes the SDK warn that the socket closed before joining: expected here.
const warn = console.warn;
console.warn = (...args: unknown[]) => (/closed unexpectedly/.test(String(args[0])) ? undefined : warn(...args));
const MAX_MESSAGES = 500_000;
type Stats = { sent: number; rateLimited: number; accepted: number; otherAnswers: number; disconnects: string[]; joins: number };
let stats: Stats = fresh();
let seat: string | null = null;
let room: Room | null = null;
let closed = true;

function fresh(): Stats {
  return { sent: 0, rateLimited: 0, accepted: 0, otherAnswers: 0, disconnects: [], joins: 0 };
}

function payload(n: number): [string, unknown] {
  if (kind === "command") return ["command", { id: `f${n}`, command: { type: "pingRegion", region: "island" } }];
  if (kind === "unknown") return ["no-such-type", { n }];
  if (kind === "whoami") return ["whoami", undefined];
  return ["viewAs", n % 2 ? { nation: "north" } : { nation: "south" }];
}

async function join(withSeatToken: boolean): Promise<void> {
  const joined: Room = await new Client(url).joinById(exerciseId, seat && withSeatToken ? { seat } : JSON.parse(optionsJson));
  stats.joins++;
  (joined as any).reconnection.maxRetries = 0;
  closed = false;
  joined.onLeave((code: number, reason?: string) => {
    if (joined !== room) return;
    closed = true;
    stats.disconnects.push(`${code}${reason ? ` ${reason}` : ""}`);
  });
  joined.onMessage("welcome", (w: { seat: string }) => {
    seat = w.seat;
    stats.otherAnswers++;
  });
  joined.onMessage("result", (r: { ok: boolean; code?: string }) =>
    r.ok ? stats.accepted++ : r.code === "rate_limited" ? stats.rateLimited++ : stats.otherAnswers++,
  );
  for (const type of ["viewChanged", "ping"]) joined.onMessage(type, () => stats.otherAnswers++);
  joined.onMessage("joinCodes", () => {}); // exercise control's, sent on joining: not an answer to the flood
  room = joined;
  room.send("whoami");
}

async function flood(durationMs: number): Promise<void> {
  const until = Date.now() + durationMs;
  while (Date.now() < until && stats.sent < MAX_MESSAGES) {
    if (closed) {
      if (mode !== "rejoin" || stats.joins >= 50) break;
      try {
        await join(true);
      } catch (error) {
        stats.disconnects.push(`join failed: ${String(error).slice(0, 120)}`);
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
    }
    if (kind === "idle") {
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    const ws = (room!.connection as any).transport.ws as WebSocket;
    // As fast as the socket takes it: keep about 256 KB in flight.
    for (let i = 0; i < 200 && !closed && ws.bufferedAmount < 256 * 1024 && stats.sent < MAX_MESSAGES; i++) {
      const [type, message] = payload(stats.sent);
      room!.send(type, message);
      stats.sent++;
    }
    await new Promise((r) => setImmediate(r));
  }
}

process.on("message", async (m: { type: string; durationMs?: number }) => {
  try {
    if (m.type === "prepare") {
      // A seat cut off for flooding is refused for a while: "once" comes back as a new seat
      // (the join code again); "rejoin" insists on its seat token, during the flood too.
      if (closed && mode === "rejoin") await join(true).catch((error) => stats.disconnects.push(`join failed: ${String(error).slice(0, 120)}`));
      else if (closed) await join(false);
      stats = fresh();
      process.send!({ type: "ready" });
    } else if (m.type === "flood") {
      await flood(m.durationMs!);
      // Let answers already on the way arrive before counting them.
      await new Promise((r) => setTimeout(r, 100));
      process.send!({ type: "done", stats });
    } else if (m.type === "exit") {
      // A drowned server may never confirm the leave: do not wait for it.
      if (!closed) await Promise.race([room!.leave().catch(() => undefined), new Promise((r) => setTimeout(r, 500))]);
      process.exit(0);
    }
  } catch (error) {
    process.send!({ type: "failed", error: String((error as Error)?.stack ?? error) });
  }
});
