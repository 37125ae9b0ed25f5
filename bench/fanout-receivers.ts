import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../server/config.ts";
import { killOnExit } from "./processes.ts";

/**
 * The fan-out benchmark's side of its receiver processes (bench/fanout-seats.ts): start them,
 * ask them to watch for deliveries, stop them. Messages go over the fork's IPC channel.
 */

/** A child process holding fan-out receivers (bench/fanout-seats.ts), ready once they are connected. */
export async function startReceivers(setup: Record<string, unknown>): Promise<ChildProcess> {
  const child = killOnExit(fork(join(ROOT, "bench", "fanout-seats.ts"), [], { execPath: process.execPath, stdio: ["ignore", "inherit", "inherit", "ipc"] }));
  await reply(child, "ready", () => child.send(setup));
  return child;
}

/** Asks every receiver process to watch for `count` more deliveries; resolves when all have them. */
export async function expectDeliveries(children: ChildProcess[], count: number): Promise<{ all: Promise<void> }> {
  const done = children.map((child) => reply(child, "done", () => undefined));
  // Every process has taken its starting counts before anything is sent.
  await Promise.all(children.map((child) => reply(child, "listening", () => child.send({ type: "expect", count }))));
  // Wrapped: an async function returning the bare promise would wait for it.
  return { all: Promise.all(done).then(() => undefined) };
}

export async function stopReceivers(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.send({ type: "stop" });
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
}

/** Runs `ask` and resolves with the child's next message of type `wanted` (fails on "failed" or 30 s). */
function reply(child: ChildProcess, wanted: string, ask: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.off("message", on), reject(new Error(`fan-out receiver: no "${wanted}" within 30 s`))), 30_000);
    const on = (m: { type: string; error?: string }) => {
      if (m.type !== wanted && m.type !== "failed") return;
      clearTimeout(timer);
      child.off("message", on);
      if (m.type === "failed") reject(new Error(`fan-out receiver failed: ${m.error}`));
      else resolve();
    };
    child.on("message", on);
    ask();
  });
}
