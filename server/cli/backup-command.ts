import { existsSync, mkdirSync, statSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { dirname, join, resolve } from "node:path";
import { configFromEnv } from "../config.ts";
import { formatBytes, message } from "../store/sqlite-doctor.ts";
import type { Lang } from "../../shared/i18n/languages.ts";
import { processIo, type Io } from "./io.ts";
import { commandArgs } from "./args.ts";
import { commandLanguage, sayIn, usageBlock } from "./text.ts";

export const backupUsage = (lang: Lang): string => usageBlock("concord backup [--out <file>] [--data-dir <dir>]", sayIn(lang)("cli.backup.about"));

/** `npx concord backup`: the safe way to copy a live SQLite store (docs/OPERATIONS.md, "Backups"). */
export async function runBackup(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { lang, args, error } = commandLanguage(argv, env);
  const say = sayIn(lang);
  if (error) return (io.err(`${error}\n`), 2);
  const parsed = commandArgs(
    "backup",
    args,
    { out: { type: "string", short: "o" }, "data-dir": { type: "string" } },
    { say, usage: backupUsage(lang), io, maxPositionals: 0 },
  );
  if ("exit" in parsed) return parsed.exit;
  const out = parsed.values.out ?? null;
  const dataDir = parsed.values["data-dir"] ?? null;
  const dir = dataDir ? resolve(dataDir) : configFromEnv().dataDir;
  const file = join(dir, "concord.db");
  if (!existsSync(file)) {
    io.err(say("cli.backup.nothing", { file }) + "\n");
    return 1;
  }
  const target = resolve(out ?? join(dir, "backups", `concord-${new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "")}.db`));
  if (existsSync(target)) {
    io.err(say("cli.backup.exists", { file: target }) + "\n");
    return 1;
  }
  mkdirSync(dirname(target), { recursive: true });
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(file, { readOnly: true });
    db.prepare("VACUUM INTO ?").run(target);
  } catch (error) {
    io.err(say("cli.backup.failed", { file, error: message(error) }) + "\n");
    return 1;
  } finally {
    db?.close();
  }
  io.out(say("cli.backup.wrote", { file: target, size: formatBytes(statSync(target).size) }) + "\n");
  return 0;
}
