import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../server/config.ts";
import { SERVER_ENV, SERVER_NODE_FLAGS } from "../server/node-flags.ts";

/** Every child this process started, killed when it exits (one listener for all of them). */
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

export function killOnExit(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/**
 * Stops a bench server. When it runs with CONCORD_BENCH_SERVER_NODE_OPTIONS (e.g. --cpu-prof, a
 * profile is written on a clean exit only) it is asked to stop and given 10 s; otherwise killed.
 */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(process.env.CONCORD_BENCH_SERVER_NODE_OPTIONS ? "SIGTERM" : "SIGKILL");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
}

/** Starts a child process and resolves once it prints `ready` (a regex); kills it on exit. */
export function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = killOnExit(spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] }));
    let output = "";
    const timer = setTimeout(() => reject(new Error(`process did not start: ${args.join(" ")}\n${output}`)), 20_000);
    const onData = (d: Buffer) => {
      output = (output + d).slice(-8192); // the tail is enough to explain a failure
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d) => (output = (output + d).slice(-8192)));
    child.on("exit", (code) => reject(new Error(`process exited (${code}): ${output}`)));
  });
}

export function startConcord(port: number, extra: Record<string, string> = {}): Promise<ChildProcess> {
  // Started as `npm start` starts it (server/node-flags.ts).
  return startProcess(
    [...SERVER_NODE_FLAGS, join(ROOT, "server", "start.ts")],
    {
      ...SERVER_ENV,
      PORT: String(port),
      CONCORD_STORE: "memory",
      CONCORD_DEMO: "0",
      CONCORD_SKIP_CLIENT_BUILD: "1",
      CLIENT_DIR: "/nonexistent",
      CONCORD_COMMANDS_PER_SECOND: "100000",
      ...(process.env.CONCORD_BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.CONCORD_BENCH_SERVER_NODE_OPTIONS } : {}),
      ...extra,
    },
    /is running/,
  );
}

export function startEcho(port: number): Promise<ChildProcess> {
  return startProcess([join(ROOT, "bench", "echo-server.ts"), String(port)], {}, /echo listening/);
}

/** The tutorial-style Colyseus room of #23's baseline (bench/colyseus-server.ts). */
export function startColyseusBaseline(port: number): Promise<ChildProcess> {
  return startProcess([join(ROOT, "bench", "colyseus-server.ts"), String(port)], {}, /colyseus listening/);
}
