import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";

/**
 * One process per SQLite file. Two servers on one DATA_DIR would each hold their own rooms of
 * the same exercises: their players would not see each other and every other command would
 * fail on a sequence conflict. So the server takes `concord.db.lock`, a small file naming the
 * process that holds it; a second process reads it and refuses to start, naming the holder.
 *
 * A process killed with SIGKILL (or a machine that lost power) leaves its lock behind; the next
 * start takes it over when the process it names is gone: not alive on this host (kill(pid, 0)),
 * alive but a different process that got the same pid (its start time in /proc differs), or
 * from before a reboot (another boot id). A lock written on another host cannot be checked that
 * way (a shared folder, or a container recreated with a new hostname): its holder touches it
 * every HEARTBEAT_MS, and one left untouched for STALE_AFTER_MS is taken over.
 */
export type LockHolder = {
  pid: number;
  host: string;
  /** ISO time the holding process started. */
  startedAt: string;
  /** Linux: /proc/sys/kernel/random/boot_id, so a lock from before a reboot is stale. */
  bootId: string | null;
  /** Linux: the process's start in clock ticks since boot (/proc/<pid>/stat), against pid reuse. */
  procStart: string | null;
  token: string;
};

export type LockState =
  | { state: "free" }
  | { state: "held"; holder: LockHolder | null }
  | { state: "stale"; holder: LockHolder | null; reason: string; raw: string };

export const HEARTBEAT_MS = 15_000;
export const STALE_AFTER_MS = 60_000;

/** Someone else holds the data directory; `holder` is null when its lock file is being written. */
export class DataDirInUse extends Error {
  readonly lockPath: string;
  readonly holder: LockHolder | null;
  constructor(lockPath: string, holder: LockHolder | null) {
    super(`${lockPath} is held by ${describeHolder(holder)}`);
    this.lockPath = lockPath;
    this.holder = holder;
  }
}

export type DataDirLock = { readonly path: string; readonly holder: LockHolder; release(): void };

export function lockPathFor(databasePath: string): string {
  return `${databasePath}.lock`;
}

/** "process 1234 (started 2026-12-01T13:00Z)", with "on host h" when it is another machine. */
export function describeHolder(holder: LockHolder | null): string {
  if (!holder) return "another process (its lock file is being written)";
  const where = holder.host === hostname() ? "" : ` on host ${holder.host}`;
  return `process ${holder.pid}${where} (started ${holder.startedAt.slice(0, 16)}Z)`;
}

/** Locks this process holds, by path: a second open in the same process is refused too. */
const heldHere = new Map<string, LockHolder>();
let exitHookInstalled = false;

export function inspectLock(lockPath: string): LockState {
  let raw: string;
  let modified: number;
  try {
    raw = readFileSync(lockPath, "utf8");
    modified = statSync(lockPath).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "free" };
    throw error;
  }
  const holder = parseHolder(raw);
  if (!holder) {
    // Written with link() it is complete when it appears; an unreadable one young enough may
    // still come from the fallback path (open "wx", then write).
    return Date.now() - modified < 5_000 ? { state: "held", holder: null } : { state: "stale", holder: null, reason: "its lock file is unreadable", raw };
  }
  const stale = (reason: string): LockState => ({ state: "stale", holder, reason, raw });
  if (holder.host !== hostname()) {
    return Date.now() - modified > STALE_AFTER_MS
      ? stale(`it was written on host ${holder.host} and not refreshed for ${Math.round((Date.now() - modified) / 1000)} s`)
      : { state: "held", holder };
  }
  if (holder.pid === process.pid) {
    return heldHere.get(resolve(lockPath))?.token === holder.token
      ? { state: "held", holder }
      : stale("it was left by an earlier process with this process's pid");
  }
  const self = currentIdentity();
  if (holder.bootId && self.bootId && holder.bootId !== self.bootId) return stale("it is from before the machine restarted");
  if (!isAlive(holder.pid)) return stale(`process ${holder.pid} is not running`);
  const procStart = holder.procStart && self.bootId ? procStartOf(holder.pid) : null;
  if (procStart && procStart !== holder.procStart) return stale(`process ${holder.pid} is another program that got the same pid`);
  return { state: "held", holder };
}

/** Takes the lock or throws DataDirInUse. Released by release(), or when the process exits. */
export function acquireLock(lockPath: string): DataDirLock {
  const path = resolve(lockPath);
  mkdirSync(dirname(path), { recursive: true });
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    ...currentIdentity(),
    token: randomBytes(8).toString("hex"),
  };
  const line = JSON.stringify(holder) + "\n";
  for (let attempt = 0; attempt < 5; attempt++) {
    if (heldHere.has(path)) throw new DataDirInUse(path, heldHere.get(path)!);
    if (createExclusive(path, line, holder.token)) return hold(path, holder);
    const found = inspectLock(path);
    if (found.state === "held") throw new DataDirInUse(path, found.holder);
    if (found.state === "stale") removeStale(path, found.raw, holder.token);
  }
  throw new Error(`could not take ${path}: other processes keep taking and leaving it`);
}

function hold(path: string, holder: LockHolder): DataDirLock {
  heldHere.set(path, holder);
  installExitHook();
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // The file was removed by hand; nothing to refresh.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    path,
    holder,
    release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      releasePath(path, holder);
    },
  };
}

function releasePath(path: string, holder: LockHolder): void {
  if (heldHere.get(path)?.token === holder.token) heldHere.delete(path);
  try {
    if (parseHolder(readFileSync(path, "utf8"))?.token === holder.token) unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const [path, holder] of heldHere) releasePath(path, holder);
  });
}

/** link() makes the complete file appear at once; file systems without hard links get "wx". */
function createExclusive(path: string, line: string, token: string): boolean {
  const temp = `${path}.new-${process.pid}-${token}`;
  writeFileSync(temp, line);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EXDEV") throw error;
    try {
      writeFileSync(path, line, { flag: "wx" });
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw fallback;
    }
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Never created.
    }
  }
}

/**
 * Moves the stale lock aside before deleting it, so that two processes taking over at once
 * cannot delete each other's fresh lock: only the one whose rename moved the stale file deletes.
 */
function removeStale(path: string, seen: string, token: string): void {
  const aside = `${path}.stale-${process.pid}-${token}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (readFileSync(aside, "utf8") !== seen) {
    // Someone took it over between our read and our rename: put theirs back.
    try {
      linkSync(aside, path);
    } catch {
      // A third process holds it now; either way it is not ours.
    }
  }
  unlinkSync(aside);
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid) || typeof value.host !== "string" || typeof value.startedAt !== "string" || typeof value.token !== "string") return null;
    return {
      pid: value.pid!,
      host: value.host,
      startedAt: value.startedAt,
      bootId: value.bootId ?? null,
      procStart: value.procStart ?? null,
      token: value.token,
    };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

function currentIdentity(): { bootId: string | null; procStart: string | null } {
  let bootId: string | null = null;
  try {
    bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    // Not Linux.
  }
  return { bootId, procStart: procStartOf(process.pid) };
}

function procStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime); the command name (field 2) is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}
