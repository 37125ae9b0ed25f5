import { describe, it, expect, afterEach } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, utimesSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { createServer } from "node:net";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { DatabaseSync } from "node:sqlite";
import { ROOT } from "../../server/config.ts";
import { SqliteFile } from "../../server/store/sqlite-file.ts";
import { SqliteStore } from "../../server/store/sqlite-store.ts";
import { acquireLock, DataDirInUse, inspectLock, STALE_AFTER_MS } from "../../server/store/data-dir-lock.ts";
import { StoreFailure } from "../../server/store/sqlite-errors.ts";
import { runDoctor } from "../../server/cli/doctor-command.ts";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { startServerProcess, type ServerProcess } from "./process.ts";
import { TEST_SCENARIOS } from "./harness.ts";

/**
 * The embedded SQLite store's safety: one process per file (a lock naming its holder, taken
 * over from a process that is gone), a damaged file named in one line at start, and
 * `concord doctor` checking and repairing a data directory.
 */
const dirs: string[] = [];
let running: ServerProcess | null = null;
afterEach(async () => {
  await running?.stop("SIGKILL");
  running = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "concord-safety-"));
  dirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm start` expected to refuse: its exit code and what it printed. */
async function startExpectingRefusal(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, "server", "start.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      CONCORD_DEMO: "0",
      CONCORD_SKIP_CLIENT_BUILD: "1",
      SCENARIOS_DIR: TEST_SCENARIOS,
      CLIENT_DIR: "/nonexistent",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** A pid that belonged to a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

const tiny = ScenarioSpec.parse(JSON.parse(readFileSync(join(TEST_SCENARIOS, "tiny.json"), "utf8")));

/** A data directory as the server leaves it: three exercises of 300 messages, two seats each. */
async function populatedDir(): Promise<string> {
  const dir = tempDir();
  const file = new SqliteFile(join(dir, "concord.db"));
  for (let x = 0; x < 3; x++) {
    const id = `ex-${x}`;
    await file.createExercise({
      id,
      title: `Exercise ${x}`,
      scenario: tiny,
      seed: x + 1,
      createdAt: x,
      facilitatorTokenHash: "hash",
      joinCodes: { [tiny.nations[0]!.id]: `NOR-${x}` },
      observerCode: `OBS-${x}`,
    });
    const events = Array.from({ length: 300 }, (_, i) => ({
      type: "messageSent" as const,
      seq: i + 1,
      at: i,
      message: { id: `m${i + 1}`, channel: "alliance", fromNation: tiny.nations[0]!.id, author: "Alice", text: `report ${i} `.repeat(20), turn: 0, at: i },
    }));
    await file.append(id, events);
    for (const n of [1, 2])
      await file.saveSeat({ token: `seat-${x}-${n}`, exerciseId: id, role: "participant", nation: tiny.nations[0]!.id, name: `P${n}`, createdAt: n });
  }
  await file.close(); // checkpoints the WAL into concord.db
  expect(existsSync(join(dir, "concord.db-wal"))).toBe(false);
  return dir;
}

/** Overwrites one leaf page of the events table in the middle of the file with random bytes. */
function damageOneEventsPage(dir: string): number {
  const path = join(dir, "concord.db");
  const db = new DatabaseSync(path, { readOnly: true });
  const leaves = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map(
    (r) => r.pageno,
  );
  const pageSize = (db.prepare("PRAGMA page_size").get() as { page_size: number }).page_size;
  db.close();
  const page = leaves[Math.floor(leaves.length / 2)]!;
  const fd = openSync(path, "r+");
  writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  return page;
}

async function doctor(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runDoctor(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("one process per SQLite file", () => {
  it("refuses a second server on the same DATA_DIR with one line naming the first one's pid", async () => {
    const dir = tempDir();
    running = await startServerProcess(await freePort(), { DATA_DIR: dir });
    const second = await startExpectingRefusal(dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `^concord: DATA_DIR ${dir} is in use by process ${running.child.pid} \\(started \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ\\); stop it first, or give this process another DATA_DIR\\n$`,
      ),
    );
    // The first server was not disturbed.
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
  });

  it("takes over the lock a killed process left behind, and removes its own on a clean stop", async () => {
    const dir = tempDir();
    const lockPath = join(dir, "concord.db.lock");
    const gone = await deadPid();
    writeFileSync(
      lockPath,
      JSON.stringify({ pid: gone, host: hostname(), startedAt: "2026-12-01T13:00:00.000Z", bootId: null, procStart: null, token: "left-behind" }) + "\n",
    );
    running = await startServerProcess(await freePort(), { DATA_DIR: dir });
    expect(JSON.parse(readFileSync(lockPath, "utf8")).pid).toBe(running.child.pid);
    expect(await running.stop("SIGTERM")).toBe(0);
    running = null;
    expect(existsSync(lockPath)).toBe(false);
  });

  it("a lock naming a live process is held; one naming a dead pid, a reused pid or a silent other host is stale", async () => {
    const dir = tempDir();
    const lockPath = join(dir, "concord.db.lock");
    const lock = (fields: Record<string, unknown>) =>
      writeFileSync(
        lockPath,
        JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: "2026-12-01T13:00:00.000Z", bootId: null, procStart: null, token: "t", ...fields }),
      );
    lock({});
    expect(inspectLock(lockPath).state).toBe("held");
    expect(() => acquireLock(lockPath)).toThrow(DataDirInUse);
    lock({ pid: await deadPid() });
    expect(inspectLock(lockPath)).toMatchObject({ state: "stale", reason: expect.stringMatching(/is not running/) });
    const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    lock({ bootId, procStart: "1" }); // the parent's pid, but not the process that wrote the lock
    expect(inspectLock(lockPath)).toMatchObject({ state: "stale", reason: expect.stringMatching(/same pid/) });
    lock({ host: "elsewhere" });
    expect(inspectLock(lockPath).state).toBe("held");
    const old = new Date(Date.now() - STALE_AFTER_MS - 1000);
    utimesSync(lockPath, old, old);
    expect(inspectLock(lockPath).state).toBe("stale");
    const taken = acquireLock(lockPath);
    expect(JSON.parse(readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
    // The same process opening the file twice is refused as well.
    expect(() => acquireLock(lockPath)).toThrow(DataDirInUse);
    taken.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it("SqliteStore holds the lock while open", async () => {
    const dir = tempDir();
    const store = await SqliteStore.open(join(dir, "concord.db"));
    await expect(SqliteStore.open(join(dir, "concord.db"))).rejects.toThrow(DataDirInUse);
    // Read-only tools (concord aar) may open it next to the server.
    const reader = await SqliteStore.open(join(dir, "concord.db"), { lock: false });
    await reader.close();
    await store.close();
    await (await SqliteStore.open(join(dir, "concord.db"))).close();
  });
});

describe("a damaged SQLite file", () => {
  it("stops the start with one line naming the file and concord doctor when it is not a database", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "concord.db"), randomBytes(20_000));
    const refused = await startExpectingRefusal(dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(refused.stderr).toContain(`concord: ${join(dir, "concord.db")} is damaged (file is not a database)`);
    expect(refused.stderr).toContain("npx concord doctor");
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });

  it("stops the start when one page is damaged, before any exercise is restored from it", async () => {
    const dir = await populatedDir();
    damageOneEventsPage(dir);
    const refused = await startExpectingRefusal(dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(refused.stderr).toMatch(
      new RegExp(`^concord: ${join(dir, "concord.db")} is damaged \\(.+\\)\\. Stop every server using it, then run \`npx concord doctor\``),
    );
  });

  it("logs a full disk for the operator once, and the failing call says so", async () => {
    const dir = tempDir();
    const lines: { message: string; fields?: Record<string, unknown> }[] = [];
    const log = { info() {}, warn() {}, error: (message: string, fields?: Record<string, unknown>) => lines.push({ message, fields }) };
    // Room for the schema (five migrations, the snapshots table since v5) and a few events.
    const store = await SqliteStore.open(join(dir, "concord.db"), { maxPageCount: 16, log });
    await store.createExercise({
      id: "ex-1",
      title: "t",
      scenario: tiny,
      seed: 1,
      createdAt: 1,
      facilitatorTokenHash: "x",
      joinCodes: {},
      observerCode: "OBS-AAA",
    });
    let failure: unknown = null;
    for (let seq = 1; seq < 500 && !failure; seq++) {
      await store.append("ex-1", [{ type: "briefingStarted", seq, at: seq, padding: "x".repeat(2000) } as never]).catch((error) => (failure = error));
    }
    expect(failure).toBeInstanceOf(StoreFailure);
    expect(failure).toMatchObject({ sqliteCode: 13 });
    await store.append("ex-1", [{ type: "briefingStarted", seq: 999, at: 1 }]).catch(() => {});
    await store.saveSeat({ token: "s".repeat(5000), exerciseId: "ex-1", role: "observer", nation: null, name: "n", createdAt: 1 }).catch(() => {});
    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).toMatch(/^disk full: /);
    expect(lines[0]!.fields?.file).toBe(join(dir, "concord.db"));
    await store.close();
  });
});

describe("concord doctor", () => {
  it("reports a healthy data directory and exits 0", async () => {
    const dir = await populatedDir();
    const result = await doctor(["--data-dir", dir]);
    expect(result.err).toBe("");
    expect(result.out).toContain("SQLite's integrity check: ok.");
    expect(result.out).toContain("Contents: 3 exercises, 900 events, 6 seats.");
    expect(result.out).toContain('Exercise ex-1 "Exercise 1": 300 events replay to turn 0 (waiting to start).');
    expect(result.out).toContain("Lock: no server holds this data directory.");
    expect(result.out).toMatch(/Healthy\.\n$/);
    expect(result.code).toBe(0);
  });

  it("names the holder of the lock while a server runs", async () => {
    const dir = await populatedDir();
    running = await startServerProcess(await freePort(), { DATA_DIR: dir });
    const result = await doctor(["--data-dir", dir]);
    expect(result.out).toContain(`Lock: held by process ${running.child.pid} (started `);
    expect(result.code).toBe(0);
    const repair = await doctor(["--data-dir", dir, "--repair"]);
    expect(repair.code).toBe(0); // healthy: nothing to repair, lock or not
  });

  it("reports a damaged page per exercise and exits 1", async () => {
    const dir = await populatedDir();
    damageOneEventsPage(dir);
    const result = await doctor(["--data-dir", dir]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/Problem: SQLite's integrity check (found|could not finish)/);
    expect(result.out).toMatch(/Problem: Exercise ex-\d "Exercise \d": its events cannot be read: database disk image is malformed\./);
    expect(result.out).toMatch(/problems? found\. Stop the server and run `npx concord doctor --repair`/);
    expect(result.out + result.err).not.toMatch(/\n\s+at /);
  });

  it("reports a file that is not a database", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "concord.db"), randomBytes(20_000));
    const result = await doctor(["--data-dir", dir]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`Problem: ${join(dir, "concord.db")} is not an SQLite database (file is not a database)`);
    const repair = await doctor(["--data-dir", dir, "--repair"]);
    expect(repair.code).toBe(1);
    expect(repair.out).toContain("Nothing in it can be read as a database");
  });

  it("--repair keeps a copy, recovers every readable exercise up to the damage, and leaves a healthy file", async () => {
    const dir = await populatedDir();
    damageOneEventsPage(dir);
    const damaged = readFileSync(join(dir, "concord.db"));
    const result = await doctor(["--data-dir", dir, "--repair"]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const copy = /Kept a copy of the damaged file: (\S+?)(?: \(and its -wal\))?\.\n/.exec(result.out)?.[1];
    expect(copy).toMatch(/concord\.db\.damaged-\d{8}T\d{6}Z$/);
    expect(readFileSync(copy!).equals(damaged)).toBe(true);
    expect(result.out).toContain("Exercises: kept all 3.");
    expect(result.out).toMatch(/Exercise ex-\d "Exercise \d": kept events 1–\d+ of 300; events \d+–\d+ could not be read/);
    expect(result.out).toContain("Seats: kept 6.");
    expect(result.out).toMatch(/Healthy now\./);

    const store = await SqliteStore.open(join(dir, "concord.db"));
    const kept = await Promise.all(["ex-0", "ex-1", "ex-2"].map((id) => store.readEvents(id)));
    for (const events of kept) expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const lengths = kept.map((e) => e.length);
    expect(lengths.filter((n) => n === 300)).toHaveLength(2);
    expect(Math.min(...lengths)).toBeLessThan(300);
    expect(await store.findByCode("NOR-1")).toMatchObject({ exerciseId: "ex-1", role: "participant" });
    expect(await store.getSeat("seat-2-2")).toMatchObject({ exerciseId: "ex-2", name: "P2" });
    // Play goes on after the kept prefix.
    const shortest = lengths.indexOf(Math.min(...lengths));
    await store.append(`ex-${shortest}`, [{ type: "briefingStarted", seq: lengths[shortest]! + 1, at: 1 }]);
    await store.close();
  });

  it("runs as `npx concord doctor`, in plain sentences with exit code 1 for problems", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "concord.db"), randomBytes(20_000));
    const child = spawnSync(process.execPath, [join(ROOT, "bin", "concord.mjs"), "doctor"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: dir },
    });
    expect(child.status).toBe(1);
    expect(child.stdout).toContain(`Data directory: ${dir}`);
    expect(child.stdout).toContain("Problem: ");
    expect(child.stdout + child.stderr).not.toMatch(/\n\s+at /);
  });

  it("`concord backup` copies the file while a server runs, and the copy restores", async () => {
    const dir = await populatedDir();
    running = await startServerProcess(await freePort(), { DATA_DIR: dir });
    const out = join(tempDir(), "backup.db");
    const backup = spawnSync(process.execPath, [join(ROOT, "bin", "concord.mjs"), "backup", "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: dir },
    });
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(`Wrote ${out}`);
    const again = spawnSync(process.execPath, [join(ROOT, "bin", "concord.mjs"), "backup", "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: dir },
    });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("exists already");
    await running.stop("SIGKILL");
    running = null;
    const restored = tempDir();
    writeFileSync(join(restored, "concord.db"), readFileSync(out));
    const result = await doctor(["--data-dir", restored]);
    expect(result.out).toContain("Contents: 3 exercises, 900 events, 6 seats.");
    expect(result.code).toBe(0);
  });

  it("--repair is refused while another process holds the data directory", async () => {
    const dir = await populatedDir();
    damageOneEventsPage(dir);
    const before = readFileSync(join(dir, "concord.db"));
    const held = acquireLock(join(dir, "concord.db.lock"));
    try {
      const result = await doctor(["--data-dir", dir, "--repair"]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(
        new RegExp(`^concord doctor: DATA_DIR ${dir} is in use by process ${process.pid} \\(started .+\\); stop it before --repair\\.\\n$`),
      );
      expect(readFileSync(join(dir, "concord.db")).equals(before)).toBe(true);
    } finally {
      held.release();
    }
  });
});
