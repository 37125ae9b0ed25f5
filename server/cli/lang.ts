import { LANGUAGES, isLang, langOf, type Lang } from "../../shared/i18n/languages.ts";

/**
 * The command line's language: `--lang fr` wins, then CONCORD_LANG (set by main.ts from a
 * `--lang` given before or after the command), then the locale (LC_ALL, LC_MESSAGES, LANG),
 * English otherwise. "fr_FR.UTF-8" reads as French.
 */
export function cliLang(env: NodeJS.ProcessEnv = process.env): Lang {
  if (isLang(env.CONCORD_LANG)) return env.CONCORD_LANG;
  return langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/**
 * Takes `--lang X` / `--lang=X` out of the arguments; an unsupported language is an error naming
 * the accepted ones (`invalid`: the value given, for the CLI to say it in its language; `error`:
 * the same in English).
 */
export function takeLangOption(args: readonly string[]): { args: string[]; lang: Lang | null; error: string | null; invalid: string | null } {
  const rest: string[] = [];
  let lang: Lang | null = null;
  let error: string | null = null;
  let invalid: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = arg === "--lang" ? (args[++i] ?? "") : arg.startsWith("--lang=") ? arg.slice(7) : null;
    if (value === null) rest.push(arg);
    else if (isLang(value)) lang = value;
    else (error = `--lang must be one of ${LANGUAGES.join(", ")} (got "${value}").`), (invalid = value);
  }
  return { args: rest, lang, error, invalid };
}
