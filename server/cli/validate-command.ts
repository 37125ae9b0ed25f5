import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadScenarioFile, processIo, type Io } from "./io.ts";
import { commandArgs } from "./args.ts";
import { problemText, translationWarnings } from "../../shared/scenario/validate.ts";
import { listIn } from "../../shared/i18n/format.ts";
import { isLang, type Lang } from "../../shared/i18n/languages.ts";
import { localText } from "../../shared/i18n/text.ts";
import { commandLanguage, sayIn, usageBlock } from "./text.ts";

/** A folder stands for the scenario files in it (not the generated JSON Schema). */
function expandFolders(paths: string[]): string[] {
  return paths.flatMap((path) => {
    try {
      if (!statSync(path).isDirectory()) return [path];
    } catch {
      return [path];
    }
    return readdirSync(path)
      .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
      .sort()
      .map((f) => join(path, f));
  });
}

export const VALIDATE_SYNOPSIS = "concord validate <scenario.json | folder> [more…] [--strict]";
export const validateUsage = (lang: Lang): string => usageBlock(VALIDATE_SYNOPSIS, sayIn(lang)("cli.validate.about"));

/** Exit code 0 when every file is valid, 1 otherwise. */
export async function runValidate(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { lang, args, error } = commandLanguage(argv, env);
  const say = sayIn(lang);
  if (error) return (io.err(`${error}\n`), 2);
  const parsed = commandArgs("validate", args, { strict: { type: "boolean" } }, { say, usage: validateUsage(lang), io });
  if ("exit" in parsed) return parsed.exit;
  const strict = parsed.values.strict ?? false;
  const files = parsed.positionals;
  if (files.length === 0) {
    io.err(`${say("cli.validate.nameFile")}\n${validateUsage(lang)}\n`);
    return 2;
  }
  let failed = 0;
  for (const file of expandFolders(files)) {
    const result = loadScenarioFile(file);
    const warnings = result.ok ? translationWarnings(result.scenario) : [];
    if (result.ok && strict && warnings.length) {
      failed++;
      for (const w of warnings) io.err(say("cli.validate.problem", { file, path: w.path, problem: problemText(lang, w) }) + "\n");
      io.err(say("cli.validate.failStrict", { file, count: warnings.length }) + "\n");
    } else if (result.ok) {
      const s = result.scenario;
      const main = isLang(s.language) ? s.language : "en";
      for (const w of warnings) io.err(say("cli.validate.warning", { file, path: w.path, problem: problemText(lang, w) }) + "\n");
      const languages = listIn(
        lang,
        (s.languages ?? [main]).map((l) => say("scenario.lang.name", { lang: l })),
      );
      const title = localText(lang, s, "title", main).text;
      io.out(
        say("cli.validate.ok", {
          file,
          title,
          nations: s.nations.length,
          regions: s.regions.length,
          injects: s.msel.length,
          turns: s.turns,
          languages,
          missing: warnings.length,
        }) + "\n",
      );
    } else {
      failed++;
      for (const e of result.errors) io.err(say("cli.validate.problem", { file, path: e.path, problem: problemText(lang, e) }) + "\n");
      io.err(say("cli.validate.fail", { file, count: result.errors.length }) + "\n");
    }
  }
  return failed ? 1 : 0;
}
