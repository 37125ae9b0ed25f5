import { describe, it, expect, afterAll } from "vitest";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import { Redis } from "ioredis";
import { ROOT } from "../../server/config.ts";
import { PostgresStore } from "../../server/store/postgres-store.ts";
import { seatFor, sleep, type Seat } from "../server/harness.ts";

/**
 * The deployment of docs/OPERATIONS.md, "Several processes", as it is shipped: Debian's nginx
 * running deploy/nginx.conf (its ports rewritten to free ones; its own prefix, pid and temp
 * folders in a temporary directory, so no root is needed), two Concord processes started by PM2
 * from deploy/ecosystem.config.cjs, Redis and PostgreSQL. An exercise is created through one
 * process's path, played through the other's (the WebSocket upgraded through nginx), the process
 * holding it is killed, and the exercise goes on. CI installs nginx (.ci/run); pm2 is a dev
 * dependency. Missing services fail the test, they do not skip it.
 */
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
const PM2 = join(ROOT, "node_modules", ".bin", "pm2");
const DATABASE_URL = process.env.CONCORD_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REDIS_URL = (process.env.CONCORD_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7").replace(/\/\d+$/, "/9");

const dir = mkdtempSync(join(tmpdir(), "concord-deploy-"));
let nginx: ChildProcess | null = null;
let pm2Env: NodeJS.ProcessEnv | null = null;

afterAll(async () => {
  if (pm2Env) {
    try {
      execFileSync(PM2, ["kill"], { env: pm2Env, stdio: "ignore", timeout: 20_000 });
    } catch {
      // The daemon is gone already.
    }
  }
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once("exit", resolve));
    nginx.kill("SIGQUIT");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function resetServices() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.flushdb();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (${(error as Error).message}). Start redis-server or set CONCORD_TEST_REDIS_URL.`);
  } finally {
    redis.disconnect();
  }
  const store = await PostgresStore.connect(DATABASE_URL).catch((error) => {
    throw new Error(`PostgreSQL is not reachable at ${DATABASE_URL} (${(error as Error).message}).`);
  });
  await store.truncateForTests();
  await store.close();
}

/** nginx with deploy/nginx.conf in an http {} of its own, everything it writes under `dir`. */
async function startNginx(port: number, upstreams: [number, number]): Promise<void> {
  const site = readFileSync(join(ROOT, "deploy", "nginx.conf"), "utf8")
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replaceAll("127.0.0.1:2571", `127.0.0.1:${upstreams[0]}`)
    .replaceAll("127.0.0.1:2572", `127.0.0.1:${upstreams[1]}`);
  expect(site).toContain(`listen 127.0.0.1:${port};`);
  writeFileSync(join(dir, "concord.conf"), site);
  for (const sub of ["logs", "tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"]) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(
    join(dir, "nginx.conf"),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/logs/access.log;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  include ${dir}/concord.conf;
}
`,
  );
  execFileSync(NGINX!, ["-t", "-p", dir, "-c", join(dir, "nginx.conf")], { stdio: "pipe" });
  nginx = spawn(NGINX!, ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  nginx.stderr!.on("data", (d) => (output += d));
  await until(async () => (await fetch(`http://127.0.0.1:${port}/p0/health`).catch(() => null)) !== null, `nginx to listen on ${port}: ${output}`, 10_000);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const pm2List = (): { name: string; pid: number; pm2_env: { status: string } }[] =>
  JSON.parse(execFileSync(PM2, ["jlist"], { env: pm2Env!, encoding: "utf8" }));

describe("deployment: nginx and PM2 in front of two processes, with Redis and PostgreSQL", () => {
  it("creates through one process's path, plays through the other's, and survives killing the one that holds the exercise", async () => {
    expect(NGINX, "nginx is not installed (apt-get install -y nginx; .ci/run does it)").toBeDefined();
    expect(existsSync(PM2), "pm2 is not installed (a dev dependency: npm install)").toBe(true);
    await resetServices();
    const [web, p0, p1] = [await freePort(), await freePort(), await freePort()];
    await startNginx(web, [p0, p1]);
    const base = `http://127.0.0.1:${web}`;

    pm2Env = {
      ...process.env,
      PM2_HOME: join(dir, "pm2"),
      CONCORD_DEPLOY_PORTS: `${p0},${p1}`,
      CONCORD_DEPLOY_HOST: `127.0.0.1:${web}`,
      DATABASE_URL,
      REDIS_URL,
      SCENARIOS_DIR: join(ROOT, "test", "server", "fixtures", "scenarios"),
      CLIENT_DIR: "/nonexistent",
      CONCORD_LOG_LEVEL: "warn",
    };
    execFileSync(PM2, ["start", join(ROOT, "deploy", "ecosystem.config.cjs")], { env: pm2Env, stdio: "pipe", timeout: 30_000 });
    for (const path of ["/p0/ready", "/p1/ready"])
      await until(async () => (await fetch(`${base}${path}`).catch(() => null))?.status === 200, `${path} through nginx`, 30_000);
    expect(pm2List().map((p) => [p.name, p.pm2_env.status])).toEqual([
      ["concord-0", "online"],
      ["concord-1", "online"],
    ]);

    // Created through process 0's path. Colyseus opens the room on the least busy process (the
    // shared database may hold exercises with a running timer that a process opened at start),
    // so the test reads where it is, plays through the other one and kills its host.
    const res = await fetch(`${base}/p0/api/exercises`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenarioId: "tiny" }),
    });
    expect(res.status).toBe(201);
    const exercise = await res.json();
    const info = await (await fetch(`${base}/p1/api/exercises/${exercise.id}`, { headers: { authorization: `Bearer ${exercise.facilitatorToken}` } })).json();
    expect([`127.0.0.1:${web}/p0`, `127.0.0.1:${web}/p1`]).toContain(info.host.publicAddress);
    const hostIndex = info.host.publicAddress.endsWith("/p0") ? 0 : 1;
    const other = `p${1 - hostIndex}`;

    // Played through the other process's path: matchmaking there, the WebSocket upgraded by nginx to the host.
    const sdk = new Client(`${base}/${other}`);
    const control = await seatFor(await sdk.joinById(exercise.id, { token: exercise.facilitatorToken, name: "Control" }));
    const alice = await seatFor(await sdk.joinById(exercise.id, { code: exercise.joinCodes[0].code, name: "Alice" }));
    expect((await control.send({ type: "startExercise" })).ok).toBe(true);
    const acked: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await alice.send({ type: "sendMessage", channel: "team:north", text: `before ${i}` });
      expect(r.ok).toBe(true);
      acked.push(r.seq!);
    }

    // The host is killed outright (PM2 restarts it; the survivor takes the exercise meanwhile).
    const victim = pm2List().find((p) => p.name === `concord-${hostIndex}`)!;
    process.kill(victim.pid, "SIGKILL");
    let again: Seat | null = null;
    const attempts: string[] = [];
    const deadline = Date.now() + 30_000;
    while (!again) {
      try {
        const joining = new Client(base).joinById(exercise.id, { seat: alice.welcome.seat });
        again = await Promise.race([joining.then(seatFor), sleep(4000).then(() => Promise.reject(new Error("join attempt timed out")))]);
      } catch (error) {
        attempts.push(String((error as Error).message));
        if (Date.now() > deadline) throw new Error(`could not rejoin after the kill: ${attempts.slice(-3).join(" | ")}`);
        await sleep(300);
      }
    }
    expect(again.welcome.nation).toBe("north");
    const log = await (
      await fetch(`${base}/api/exercises/${exercise.id}/events`, { headers: { authorization: `Bearer ${exercise.facilitatorToken}` } })
    ).json();
    for (const seq of acked) expect(log.events.some((e: { seq: number }) => e.seq === seq)).toBe(true);
    expect(await again.send({ type: "sendMessage", channel: "team:north", text: "after the kill" })).toMatchObject({ ok: true, seq: log.events.length + 1 });
    await again.room.leave(true);
    // nginx logs an upgraded connection when it closes: the seats' WebSockets went through the host's path.
    await until(
      async () => new RegExp(`"GET /p${hostIndex}/[^"]* HTTP/1\\.1" 101 `).test(readFileSync(join(dir, "logs", "access.log"), "utf8")),
      "the WebSocket upgrades in nginx's access log",
      5000,
    );
  }, 90_000);
});
