import { describe, it, expect } from "vitest";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../server/config.ts";
import { TEST_SCENARIOS } from "./harness.ts";

/** `npm start` until its banner, then SIGTERM: what it wrote on stdout and on stderr. */
async function startAndStop(env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, [join(ROOT, "server", "start.ts")], {
    cwd: ROOT,
    // PORT=0: any free port (this test must not take 2568 from the room tests).
    env: {
      PATH: process.env.PATH,
      PORT: "0",
      HOST: "127.0.0.1",
      CONCORD_STORE: "memory",
      CONCORD_SKIP_CLIENT_BUILD: "1",
      CLIENT_DIR: "/nonexistent",
      SCENARIOS_DIR: TEST_SCENARIOS,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = new Promise<number | null>((resolve) => child.on("exit", resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 20 s:\n${stdout}\n${stderr}`)), 20_000);
    child.stdout.on("data", (d) => {
      stdout += d;
      if (stdout.includes("is running")) setTimeout(() => (clearTimeout(timer), resolve()), 100);
    });
    child.on("exit", () => reject(new Error(`exited:\n${stdout}\n${stderr}`)));
  });
  child.kill("SIGTERM");
  return { stdout, stderr, code: await code };
}

describe("npm start's output", () => {
  it("is JSON lines only on stdout, the banner included; the demo's link and codes go to the person, on stderr", async () => {
    const run = await startAndStop({ CONCORD_DEMO: "1" });
    const lines = run.stdout.trim().split("\n");
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of parsed) expect(line).toMatchObject({ time: expect.any(String), level: expect.any(String), message: expect.any(String) });
    expect(parsed.find((l) => /is running/.test(String(l.message)))).toMatchObject({
      level: "info",
      store: "memory",
      version: expect.any(String),
      url: expect.stringMatching(/^http:\/\/localhost:[1-9]\d+$/),
    });
    const demo = parsed.find((l) => l.message === "demo exercise created; its facilitator link and join codes are printed on stderr");
    expect(demo).toMatchObject({ exerciseId: expect.stringMatching(/^ex-/) });
    expect(run.stderr).toContain("Demo exercise created");
    const facilitator = /#facilitator=([\w-]+)/.exec(run.stderr)?.[1];
    const joinCode = /join code (\w{3}-\w{3})/.exec(run.stderr)?.[1];
    expect(facilitator).toBeTruthy();
    expect(joinCode).toBeTruthy();
    // The secrets are for the person at the terminal, never in the log stream.
    expect(run.stdout).not.toContain(facilitator!);
    expect(run.stdout).not.toContain(joinCode!);
    expect(run.code).toBe(0);
  });

  it("keeps the banner at CONCORD_LOG_LEVEL=warn (process managers and tests wait for it) and drops the info lines", async () => {
    const run = await startAndStop({ CONCORD_DEMO: "0", CONCORD_LOG_LEVEL: "warn" });
    const parsed = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.filter((l) => l.level === "info").map((l) => l.message)).toEqual([expect.stringMatching(/^Concord .* is running: open /)]);
  });

  it("is readable with CONCORD_LOG_FORMAT=pretty (npm run dev)", async () => {
    const run = await startAndStop({ CONCORD_DEMO: "0", CONCORD_LOG_FORMAT: "pretty" });
    expect(run.stdout).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Concord .* is running: open http:\/\/localhost:\d+$/m);
    expect(() => JSON.parse(run.stdout.split("\n")[0]!)).toThrow();
  });
});
