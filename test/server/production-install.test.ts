import { describe, it, expect, afterAll } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { request } from "node:http";
import { ROOT } from "../../server/config.ts";
import { ensureClientBuilt, freePort, DIST } from "../browser/support/server.ts";
import { planClientBuild } from "../../server/client-build.ts";

const LEFT_OUT = /^(test|bench|docs)\//;
/** Never part of a checkout: installed, built or written at run time. */
const NOT_CHECKED_IN = new Set([".git", "node_modules", "dist", "data", "coverage", ".scratch", ".env"]);

function walk(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    if (!prefix && NOT_CHECKED_IN.has(entry.name)) return [];
    return entry.isDirectory() ? walk(join(dir, entry.name), `${rel}/`) : [rel];
  });
}

/**
 * The tree as a clean checkout has it (what git tracks, plus new files not ignored; without git,
 * the folder less what is installed or built), without tests, benchmarks and docs.
 */
function checkoutFiles(): string[] {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
  const files = listed.status === 0 ? listed.stdout.split("\0") : walk(ROOT);
  return files.filter((f) => f && !LEFT_OUT.test(f) && existsSync(join(ROOT, f)));
}

function get(port: number, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { "accept-encoding": "br, gzip" } }, (res) => {
      let body = "";
      res.setEncoding("latin1");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

let tree: string | null = null;
let server: ChildProcess | null = null;
afterAll(() => {
  // The server runs in a process group of its own (npm, then node): end the group, by its id.
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {}
  }
  if (tree) rmSync(tree, { recursive: true, force: true });
});

describe("npm start's client plan", () => {
  it("builds where vite is, serves what it was given where vite is not, and says what to do without a client", () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-client-plan-"));
    const dist = join(dir, "dist");
    try {
      // No client, no vite (a production install without dist/): stop, saying what to do.
      const missing = planClientBuild(dist, false, dist);
      expect(missing).toMatchObject({ action: "fail" });
      expect(missing.action === "fail" && missing.message).toMatch(/npm ci --omit=dev.*npm run build/);
      // No client where vite is: build it.
      expect(planClientBuild(dist, true, dist)).toMatchObject({ action: "build", reason: expect.stringContaining("first start") });
      // Another CLIENT_DIR without a client is never built into: say so.
      expect(planClientBuild(join(dir, "elsewhere"), true, dist)).toMatchObject({ action: "fail", message: expect.stringContaining("CLIENT_DIR") });
      // A client older than the sources (a copied tree has the copy's dates): rebuilt where vite is, served as it is where not.
      mkdirSync(dist);
      writeFileSync(join(dist, "index.html"), "<!doctype html>");
      utimesSync(join(dist, "index.html"), new Date(2020, 0, 1), new Date(2020, 0, 1));
      expect(planClientBuild(dist, true, dist)).toMatchObject({ action: "build", reason: expect.stringContaining("sources changed") });
      expect(planClientBuild(dist, false, dist)).toEqual({ action: "serve" });
      ensureClientBuilt();
      expect(planClientBuild(DIST, true)).toEqual({ action: "serve" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The production path of docs/OPERATIONS.md: a built tree, `npm ci --omit=dev` (no vite, no
 * Phaser, no test tools), `npm start`, and the server answers /health and the page. It takes
 * 15-25 s with npm's cache warm (CI's own `npm ci` has just filled it).
 */
describe("a production install (npm ci --omit=dev) of a built tree", () => {
  it("starts and serves /health and the client, without the build-time packages", { timeout: 120_000 }, async () => {
    ensureClientBuilt();
    tree = mkdtempSync(join(tmpdir(), "concord-production-"));
    for (const file of checkoutFiles()) {
      mkdirSync(dirname(join(tree, file)), { recursive: true });
      cpSync(join(ROOT, file), join(tree, file));
    }
    cpSync(DIST, join(tree, "dist"), { recursive: true });
    const install = spawnSync("npm", ["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: tree, encoding: "utf8", timeout: 100_000 });
    expect(install.status, `npm ci --omit=dev failed:\n${install.stderr}`).toBe(0);
    for (const devOnly of ["vite", "phaser", "vitest", "playwright-core", "@colyseus/sdk", "@colyseus/testing", "@colyseus/tools"]) {
      expect(existsSync(join(tree, "node_modules", devOnly)), `${devOnly} in a production install`).toBe(false);
    }
    expect(readdirSync(join(tree, "node_modules"))).toContain("@colyseus");

    const port = await freePort();
    let output = "";
    server = spawn("npm", ["start"], {
      cwd: tree,
      detached: true,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", CONCORD_STORE: "memory", CONCORD_DEMO: "0", NODE_ENV: "production" },
    });
    server.stdout!.on("data", (c) => (output += c));
    server.stderr!.on("data", (c) => (output += c));
    const deadline = Date.now() + 30_000;
    let health: Awaited<ReturnType<typeof get>> | null = null;
    while (!health && Date.now() < deadline) {
      if (server.exitCode !== null) throw new Error(`npm start exited ${server.exitCode}:\n${output}`);
      health = await get(port, "/health").catch(() => null);
      if (!health) await new Promise((r) => setTimeout(r, 200));
    }
    expect(health?.status, output).toBe(200);
    expect(JSON.parse(health!.body).status).toBe("ok");
    const page = await get(port, "/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["content-encoding"]).toBe("br");
    expect(output).not.toMatch(/Building the browser client/);
  });
});
