import { Client } from "@colyseus/sdk";
import { installStringDecoding } from "../client/src/net/string-decoding.ts";

// These seats stand in for browsers: they decode the state as the browser client does.
installStringDecoding();
import { WebSocket } from "ws";
import { performance } from "node:perf_hooks";

/**
 * A load-generating child process for the capacity ramp. The parent sends it rooms to fill
 * (Concord seats, or raw echo connections); every seat sends one command every `intervalMs`
 * at a random phase, and the child reports round-trip latencies when asked.
 */
/** "ping": every seat pings a region (the capacity ramp). "mix": chat, pings, notes, adjudications (the soak). */
/** `control` and `observers`: how many of the seats are exercise control and observers (default 2 and 5); `region` the one pinged and adjusted (default "holm"). */
type AddConcordRoom = {
  type: "concord";
  url: string;
  exerciseId: string;
  codes: string[];
  facilitatorToken: string;
  observerCode: string;
  seats: number;
  intervalMs: number;
  play?: "ping" | "mix";
  control?: number;
  observers?: number;
  region?: string;
};
type AddEchoRoom = { type: "echo"; url: string; seats: number; intervalMs: number };
/** "expectInjects": reply "listening", then "delivered" once every Concord seat here holds `count` more injects. */
type Message = AddConcordRoom | AddEchoRoom | { type: "report" } | { type: "expectInjects"; count: number } | { type: "stop" };

let latencies: number[] = [];
let errors = 0;
const timers: ReturnType<typeof setInterval>[] = [];
const closers: (() => void)[] = [];
let counter = 0;
/** Each Concord seat's inject count (in the one perspective its view holds) and what to check when it changes. */
const injectWatchers: { count(): number; check: (() => void) | null }[] = [];

function every(intervalMs: number, tick: () => void) {
  setTimeout(() => {
    tick();
    timers.push(setInterval(tick, intervalMs));
  }, Math.random() * intervalMs);
}

async function addConcord(m: AddConcordRoom) {
  const sdk = new Client(m.url);
  const options: Record<string, unknown>[] = [];
  const control = m.control ?? 2;
  const observers = m.observers ?? 5;
  for (let i = 0; i < m.seats; i++) {
    if (i < control) options.push({ token: m.facilitatorToken, name: `Control ${i}` });
    else if (i < control + observers) options.push({ code: m.observerCode, name: `Observer ${i}` });
    else options.push({ code: m.codes[i % m.codes.length], name: `Seat ${i}` });
  }
  const region = m.region ?? "holm";
  for (const joinOptions of options) {
    const room = await sdk.joinById(m.exerciseId, joinOptions);
    const pending = new Map<string, number>();
    for (const type of ["ping", "viewChanged", "joinCodes"]) room.onMessage(type, () => {});
    room.onMessage("result", (r: { id: string }) => {
      const started = pending.get(r.id);
      if (started === undefined) return;
      pending.delete(r.id);
      latencies.push(performance.now() - started);
    });
    let nation: string | null = null;
    room.onMessage("welcome", (w: { nation: string | null }) => (nation = w.nation));
    room.send("whoami");
    const watcher = {
      count: () => ([...((room.state as any)?.perspectives?.values() ?? [])][0] as any)?.injects?.size ?? 0,
      check: null as (() => void) | null,
    };
    room.onStateChange(() => watcher.check?.());
    injectWatchers.push(watcher);
    let n = 0;
    every(m.intervalMs, () => {
      const id = `l${++counter}`;
      pending.set(id, performance.now());
      if (pending.size > 20) errors++;
      room.send("command", { id, command: m.play === "mix" ? mixed(joinOptions, nation, n++, region) : { type: "pingRegion", region } });
    });
    closers.push(() => void room.leave().catch(() => undefined));
  }
}

/** What people do most in an exercise: talk in their team, point at the map; control notes and adjudicates. */
function mixed(seat: Record<string, unknown>, nation: string | null, n: number, region: string): unknown {
  if (seat.token)
    return n % 2
      ? { type: "addNote", text: `Observation ${n}: the team is discussing options.` }
      : { type: "adjustState", effects: [{ kind: "stability", region, delta: n % 4 ? 1 : -1 }], rationale: "Soak adjudication." };
  if (!nation) return { type: "pingRegion", region }; // observers: answered read_only
  const roll = n % 10;
  if (roll < 6) return { type: "sendMessage", channel: `team:${nation}`, text: `Update ${n}: holding position, awaiting tasking.` };
  if (roll < 9) return { type: "pingRegion", region };
  return { type: "sendMessage", channel: "alliance", text: `Alliance note ${n} from ${nation}.` };
}

async function addEcho(m: AddEchoRoom) {
  for (let i = 0; i < m.seats; i++) {
    const socket = new WebSocket(m.url);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    let started = 0;
    socket.on("message", () => latencies.push(performance.now() - started));
    every(m.intervalMs, () => {
      started = performance.now();
      socket.send(Buffer.alloc(120, 7));
    });
    closers.push(() => socket.close());
  }
}

process.on("message", async (m: Message) => {
  try {
    if (m.type === "concord") await addConcord(m);
    else if (m.type === "echo") await addEcho(m);
    else if (m.type === "expectInjects") {
      const reached = Promise.all(
        injectWatchers.map((w) => {
          const target = w.count() + m.count;
          return new Promise<void>((resolve) => {
            w.check = () => {
              if (w.count() < target) return;
              w.check = null;
              resolve();
            };
            w.check();
          });
        }),
      );
      process.send!({ type: "listening" });
      await reached;
      process.send!({ type: "delivered" });
      return;
    } else if (m.type === "report") {
      process.send!({ type: "report", latencies, errors });
      latencies = [];
      errors = 0;
      return;
    } else if (m.type === "stop") {
      timers.forEach(clearInterval);
      closers.forEach((close) => close());
      setTimeout(() => process.exit(0), 200);
      return;
    }
    process.send!({ type: "added" });
  } catch (error) {
    process.send!({ type: "failed", error: String(error) });
  }
});
