import { join, resolve } from "node:path";
import { configFromEnv } from "../config.ts";
import { acquireLock, DataDirInUse, lockPathFor } from "../store/data-dir-lock.ts";
import { examineDatabase, holderMsg, message, type Examination } from "../store/sqlite-doctor.ts";
import { repairDatabase } from "../store/sqlite-recover.ts";
import type { Lang } from "../../shared/i18n/languages.ts";
import { processIo, type Io } from "./io.ts";
import { commandArgs } from "./args.ts";
import { commandLanguage, render, sayIn, usageBlock } from "./text.ts";

export const doctorUsage = (lang: Lang): string => usageBlock("concord doctor [--repair] [--data-dir <dir>]", sayIn(lang)("cli.doctor.about"));

/** `npx concord doctor`: plain sentences, one per check, in the reader's language, never a stack trace. */
export async function runDoctor(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { lang, args, error } = commandLanguage(argv, env);
  const say = sayIn(lang);
  if (error) return (io.err(`${error}\n`), 2);
  const parsed = commandArgs(
    "doctor",
    args,
    { repair: { type: "boolean" }, "data-dir": { type: "string" } },
    { say, usage: doctorUsage(lang), io, maxPositionals: 0 },
  );
  if ("exit" in parsed) return parsed.exit;
  const repair = parsed.values.repair ?? false;
  const dataDir = parsed.values["data-dir"] ?? null;
  const config = configFromEnv();
  const dir = dataDir ? resolve(dataDir) : config.dataDir;
  const file = join(dir, "concord.db");
  if (config.store === "postgres") io.out(say("cli.doctor.postgres") + "\n");
  io.out(say("cli.doctor.dataDir", { dir }) + "\n");
  const before = examineDatabase(file);
  print(before, io, lang);
  if (!repair) {
    io.out((before.problems === 0 ? say("cli.doctor.healthy") : say("cli.doctor.problemsFound", { count: before.problems })) + "\n");
    return before.problems === 0 ? 0 : 1;
  }
  if (before.problems === 0) {
    io.out(say("cli.doctor.nothingToRepair") + "\n");
    return 0;
  }
  let lock;
  try {
    lock = acquireLock(lockPathFor(file));
  } catch (error) {
    if (!(error instanceof DataDirInUse)) throw error;
    io.err(say("cli.doctor.inUse", { dir, holder: holderMsg(error.holder) }) + "\n");
    return 1;
  }
  let report;
  try {
    io.out(`\n${say("cli.doctor.repairing")}\n`);
    report = await repairDatabase(file);
  } catch (error) {
    io.err(say("cli.doctor.repairStopped", { error: message(error), file }) + "\n");
    return 1;
  } finally {
    lock.release();
  }
  for (const line of report.lines) io.out(`  ${render(lang, line)}\n`);
  if (!report.replaced) return 1;
  io.out(`\n${say("cli.doctor.checkingRecovered")}\n`);
  const after = examineDatabase(file);
  print(after, io, lang);
  io.out(
    (after.problems === 0 ? say("cli.doctor.healthyNow", { copy: report.damagedCopy }) : say("cli.doctor.problemsRemain", { count: after.problems })) + "\n",
  );
  return after.problems === 0 ? 0 : 1;
}

function print(examination: Examination, io: Io, lang: Lang): void {
  const say = sayIn(lang);
  for (const finding of examination.findings) io.out(`  ${finding.ok ? render(lang, finding.msg) : say("cli.doctor.problem", { text: finding.msg })}\n`);
}
