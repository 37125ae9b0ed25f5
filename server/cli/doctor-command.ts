import { join, resolve } from "node:path";
import { configFromEnv } from "../config.ts";
import { acquireLock, DataDirInUse, describeHolder, lockPathFor } from "../store/data-dir-lock.ts";
import { examineDatabase, message, type Examination } from "../store/sqlite-doctor.ts";
import { repairDatabase } from "../store/sqlite-recover.ts";
import { processIo, type Io } from "./io.ts";

export const DOCTOR_USAGE = `concord doctor [--repair] [--data-dir <dir>]
  Checks the SQLite store in DATA_DIR: which process holds it, SQLite's integrity check, the
  tables, how many exercises, events and seats it holds, and whether each exercise's log
  replays. It only reads, so it may run next to the server. With --repair (no server running):
  keeps a copy of the damaged file, recovers what can be read into a fresh file and says what
  was kept and lost. Exit code 0: healthy (after --repair: healthy now); 1: problems found.`;

/** `npx concord doctor`: plain sentences, one per check, never a stack trace. */
export async function runDoctor(args: string[], io: Io = processIo): Promise<number> {
  let repair = false;
  let dataDir: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--repair") repair = true;
    else if (arg === "--data-dir") dataDir = args[++i] ?? null;
    else if (arg.startsWith("--data-dir=")) dataDir = arg.slice(11);
    else if (arg === "--help" || arg === "-h") {
      io.out(DOCTOR_USAGE + "\n");
      return 0;
    } else {
      io.err(`concord doctor: unknown argument "${arg}".\n${DOCTOR_USAGE}\n`);
      return 2;
    }
  }
  const config = configFromEnv();
  const dir = dataDir ? resolve(dataDir) : config.dataDir;
  const file = join(dir, "concord.db");
  if (config.store === "postgres") io.out("DATABASE_URL is set, so the server keeps exercises in PostgreSQL; this checks only the SQLite file in DATA_DIR.\n");
  io.out(`Data directory: ${dir}\n`);
  const before = examineDatabase(file);
  print(before, io);
  if (!repair) {
    io.out(before.problems === 0 ? "Healthy.\n" : `${before.problems} problem${before.problems === 1 ? "" : "s"} found. Stop the server and run \`npx concord doctor --repair\` (it keeps a copy of the damaged file), or restore a backup (docs/OPERATIONS.md, "Backups").\n`);
    return before.problems === 0 ? 0 : 1;
  }
  if (before.problems === 0) {
    io.out("Healthy: nothing to repair.\n");
    return 0;
  }
  let lock;
  try {
    lock = acquireLock(lockPathFor(file));
  } catch (error) {
    if (!(error instanceof DataDirInUse)) throw error;
    io.err(`concord doctor: DATA_DIR ${dir} is in use by ${describeHolder(error.holder)}; stop it before --repair.\n`);
    return 1;
  }
  let report;
  try {
    io.out("\nRepairing:\n");
    report = await repairDatabase(file);
  } catch (error) {
    io.err(`concord doctor: the repair stopped: ${message(error)}. ${file} is as it was unless the report above says it was replaced; the copy of the damaged file is next to it.\n`);
    return 1;
  } finally {
    lock.release();
  }
  for (const line of report.lines) io.out(`  ${line}\n`);
  if (!report.replaced) return 1;
  io.out("\nChecking the recovered file:\n");
  const after = examineDatabase(file);
  print(after, io);
  io.out(after.problems === 0 ? `Healthy now. The damaged file is kept as ${report.damagedCopy}.\n` : `${after.problems} problem(s) remain: restore a backup (docs/OPERATIONS.md).\n`);
  return after.problems === 0 ? 0 : 1;
}

function print(examination: Examination, io: Io): void {
  for (const finding of examination.findings) io.out(`  ${finding.ok ? "" : "Problem: "}${finding.text}\n`);
}
