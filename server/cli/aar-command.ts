import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { configFromEnv } from "../config.ts";
import { openStore } from "../app.ts";
import { exportAar } from "../exercises/aar-export.ts";
import { AAR_FORMATS, type AarFormat } from "../../shared/aar/index.ts";
import { processIo, type Io } from "./io.ts";
import { commandArgs } from "./args.ts";
import type { Lang } from "../../shared/i18n/languages.ts";
import { commandLanguage, sayIn, usageBlock } from "./text.ts";

export const aarUsage = (lang: Lang): string =>
  usageBlock("concord aar <exercise-id> [--format html|md|json|csv] [--lang en|fr] [--out <file>]", sayIn(lang)("cli.aar.about"));

/** `npx concord aar <exercise> --format …`: the same report as GET /api/exercises/:id/aar. */
export async function runAar(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { lang, args, error } = commandLanguage(argv, env);
  const say = sayIn(lang);
  if (error) {
    io.err(`${error}\n`);
    return 2;
  }
  const parsed = commandArgs(
    "aar",
    args,
    { format: { type: "string", short: "f" }, out: { type: "string", short: "o" } },
    { say, usage: aarUsage(lang), io, maxPositionals: 1 },
  );
  if ("exit" in parsed) return parsed.exit;
  const format = parsed.values.format ?? "html";
  const out = parsed.values.out ?? null;
  const exerciseId = parsed.positionals[0];
  if (!exerciseId) {
    io.err(`${say("cli.aar.nameExercise")}\n${aarUsage(lang)}\n`);
    return 2;
  }
  if (!(AAR_FORMATS as readonly string[]).includes(format)) {
    io.err(say("cli.aar.badFormat", { formats: AAR_FORMATS.join(", "), format }) + "\n");
    return 2;
  }
  const config = configFromEnv();
  const store = await openStore(config, { lock: false });
  try {
    const aar = await exportAar(store, exerciseId, format as AarFormat, lang);
    if (!aar) {
      const known = (await store.listExercises()).map((e) => say("cli.aar.known", { id: e.id, title: e.title }));
      io.err(
        say("cli.aar.noExercise", {
          id: exerciseId,
          store: store.kind === "sqlite" ? join(config.dataDir, "concord.db") : store.kind,
          hasKnown: known.length ? "yes" : "no",
          known: known.join(", "),
        }) + "\n",
      );
      return 1;
    }
    // The CSV export is a zip (one file per table): bytes go to a file, named after the exercise unless --out names one.
    const file = out ?? (typeof aar.body === "string" ? null : aar.filename);
    if (file) {
      writeFileSync(file, aar.body);
      io.err(say("cli.aar.wrote", { file, bytes: Buffer.byteLength(aar.body) }) + "\n");
    } else io.out(aar.body as string);
    return 0;
  } finally {
    await store.close();
  }
}
