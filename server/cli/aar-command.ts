import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { configFromEnv } from "../config.ts";
import { openStore } from "../app.ts";
import { exportAar } from "../exercises/aar-export.ts";
import { AAR_FORMATS, type AarFormat } from "../../shared/aar/index.ts";
import { processIo, type Io } from "./io.ts";
import { cliLang, takeLangOption } from "./lang.ts";

export const AAR_USAGE = `concord aar <exercise-id> [--format html|md|json|csv] [--lang en|fr] [--out <file>]
  Writes the after-action report of an exercise from the event store (DATA_DIR's SQLite file,
  or DATABASE_URL), in the language of --lang, or else of LANG / LC_ALL (English by default).
  Without --out it prints to standard output.`;

/** `npx concord aar <exercise> --format …`: the same report as GET /api/exercises/:id/aar. */
export async function runAar(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const language = takeLangOption(argv);
  if (language.error) {
    io.err(`concord aar: ${language.error}\n`);
    return 2;
  }
  const lang = language.lang ?? cliLang(env);
  const args = language.args;
  const positional: string[] = [];
  let format: string = "html";
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--format" || arg === "-f") format = args[++i] ?? "";
    else if (arg.startsWith("--format=")) format = arg.slice(9);
    else if (arg === "--out" || arg === "-o") out = args[++i] ?? null;
    else if (arg === "--help" || arg === "-h") {
      io.out(AAR_USAGE + "\n");
      return 0;
    } else positional.push(arg);
  }
  const exerciseId = positional[0];
  if (!exerciseId) {
    io.err(`concord aar: name the exercise.\n${AAR_USAGE}\n`);
    return 2;
  }
  if (!(AAR_FORMATS as readonly string[]).includes(format)) {
    io.err(`concord aar: --format must be one of ${AAR_FORMATS.join(", ")} (got "${format}").\n`);
    return 2;
  }
  const config = configFromEnv();
  const store = await openStore(config, { lock: false });
  try {
    const aar = await exportAar(store, exerciseId, format as AarFormat, lang);
    if (!aar) {
      const known = (await store.listExercises()).map((e) => `${e.id} (${e.title})`);
      io.err(`concord aar: there is no exercise "${exerciseId}" in ${store.kind === "sqlite" ? join(config.dataDir, "concord.db") : store.kind}.${known.length ? ` Known: ${known.join(", ")}` : ""}\n`);
      return 1;
    }
    if (out) {
      writeFileSync(out, aar.body);
      io.err(`Wrote ${out} (${aar.body.length} bytes).\n`);
    } else io.out(aar.body);
    return 0;
  } finally {
    await store.close();
  }
}
