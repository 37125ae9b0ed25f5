import { Client } from "@colyseus/sdk";
import { installStringDecoding } from "../client/src/net/string-decoding.ts";

// These seats stand in for browsers: they decode the state as the browser client does.
installStringDecoding();
import { WebSocket } from "ws";

/**
 * A child process holding some of the fan-out benchmark's receivers, so that decoding 30 seats'
 * patches is spread over processes as it is over browsers, instead of queueing in the process
 * that fires the injects. It holds either Concord seats (SDK rooms, which decode every patch) or
 * raw ws sockets (the baseline). On "expect N" it reports "done" once every receiver it holds
 * has N more injects (seats) or frames (sockets) than when asked.
 */
type Message =
  | { type: "concord"; url: string; exerciseId: string; seats: { code: string; nation: string; name: string }[] }
  | { type: "raw"; url: string; sockets: number }
  | { type: "expect"; count: number }
  | { type: "stop" };

/** How many deliveries each receiver has had so far, and what to check when that changes. */
type Receiver = { count(): number; check: (() => void) | null };
const receivers: Receiver[] = [];
const closers: (() => unknown)[] = [];

async function addConcord(m: Extract<Message, { type: "concord" }>) {
  const sdk = new Client(m.url);
  for (const seat of m.seats) {
    const room = await sdk.joinById(m.exerciseId, { code: seat.code, name: seat.name });
    for (const type of ["welcome", "ping", "viewChanged", "result"]) room.onMessage(type, () => {});
    const injects = () => (room.state as any)?.perspectives?.get(seat.nation)?.injects.size ?? -1;
    const joinedBy = Date.now() + 10_000;
    while (injects() < 0) {
      if (Date.now() > joinedBy) throw new Error(`seat ${seat.name} did not receive its perspective within 10 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const receiver: Receiver = { count: injects, check: null };
    room.onStateChange(() => receiver.check?.());
    receivers.push(receiver);
    closers.push(() => room.leave());
  }
}

async function addRaw(m: Extract<Message, { type: "raw" }>) {
  for (let i = 0; i < m.sockets; i++) {
    const socket = new WebSocket(m.url);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    let frames = 0;
    const receiver: Receiver = { count: () => frames, check: null };
    socket.on("message", () => {
      frames++;
      receiver.check?.();
    });
    receivers.push(receiver);
    closers.push(() => socket.close());
  }
}

/** Resolves once every receiver has `count` more deliveries than now. */
function expect(count: number): Promise<void> {
  return Promise.all(
    receivers.map((receiver) => {
      const target = receiver.count() + count;
      return new Promise<void>((resolve) => {
        receiver.check = () => {
          if (receiver.count() < target) return;
          receiver.check = null;
          resolve();
        };
        receiver.check();
      });
    }),
  ).then(() => undefined);
}

process.on("message", async (m: Message) => {
  try {
    if (m.type === "concord") await addConcord(m);
    else if (m.type === "raw") await addRaw(m);
    else if (m.type === "expect") {
      const reached = expect(m.count);
      process.send!({ type: "listening" });
      await reached;
      process.send!({ type: "done" });
      return;
    } else if (m.type === "stop") {
      await Promise.allSettled(closers.map((close) => close()));
      process.exit(0);
    }
    process.send!({ type: "ready" });
  } catch (error) {
    process.send!({ type: "failed", error: String(error) });
  }
});
