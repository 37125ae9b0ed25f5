import { existsSync, mkdirSync, statSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { dirname, join, resolve } from "node:path";
import { configFromEnv } from "../config.ts";
import { message } from "../store/sqlite-doctor.ts";
import { processIo, type Io } from "./io.ts";

export const BACKUP_USAGE = `concord backup [--out <file>] [--data-dir <dir>]
  Writes a consistent copy of DATA_DIR's SQLite file while the server runs (SQLite's VACUUM
  INTO: the last committed state, compacted). Default: DATA_DIR/backups/concord-<time>.db.
  Never overwrites a file.`;

/** `npx concord backup`: the safe way to copy a live SQLite store (docs/OPERATIONS.md, "Backups"). */
export async function runBackup(args: string[], io: Io = processIo): Promise<number> {
  let out: string | null = null;
  let dataDir: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--out" || arg === "-o") out = args[++i] ?? null;
    else if (arg === "--data-dir") dataDir = args[++i] ?? null;
    else if (arg === "--help" || arg === "-h") {
      io.out(BACKUP_USAGE + "\n");
      return 0;
    } else {
      io.err(`concord backup: unknown argument "${arg}".\n${BACKUP_USAGE}\n`);
      return 2;
    }
  }
  const dir = dataDir ? resolve(dataDir) : configFromEnv().dataDir;
  const file = join(dir, "concord.db");
  if (!existsSync(file)) {
    io.err(`concord backup: there is no ${file} to back up.\n`);
    return 1;
  }
  const target = resolve(out ?? join(dir, "backups", `concord-${new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "")}.db`));
  if (existsSync(target)) {
    io.err(`concord backup: ${target} exists already; name another file.\n`);
    return 1;
  }
  mkdirSync(dirname(target), { recursive: true });
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    db.prepare("VACUUM INTO ?").run(target);
  } catch (error) {
    io.err(`concord backup: ${file} could not be copied: ${message(error)}. Run \`npx concord doctor\`.\n`);
    return 1;
  } finally {
    db?.close();
  }
  io.out(`Wrote ${target} (${Math.round(statSync(target).size / 1024)} KB). Keep a copy on another machine; docs/OPERATIONS.md says how to restore it.\n`);
  return 0;
}
