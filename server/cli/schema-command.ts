import { z } from "zod";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { describeLocalizedText } from "../../shared/scenario/localized.ts";
import type { Lang } from "../../shared/i18n/languages.ts";
import { processIo, type Io } from "./io.ts";
import { commandArgs } from "./args.ts";
import { commandLanguage, sayIn, usageBlock } from "./text.ts";

export const schemaUsage = (lang: Lang): string => usageBlock("concord schema", sayIn(lang)("cli.schema.about"));

/** The JSON Schema editors use for autocompletion; "input" so fields with defaults are optional. Machine-readable: never translated. */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSpec, { io: "input", unrepresentable: "any", override: describeLocalizedText }) as Record<string, unknown>;
  return JSON.stringify({ ...schema, title: "Concord scenario", description: "A Concord crisis-exercise scenario. See docs/SCENARIOS.md." }, null, 2) + "\n";
}

export async function runSchema(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { lang, args, error } = commandLanguage(argv, env);
  if (error) return (io.err(`${error}\n`), 2);
  const parsed = commandArgs("schema", args, {}, { say: sayIn(lang), usage: schemaUsage(lang), io, maxPositionals: 0 });
  if ("exit" in parsed) return parsed.exit;
  io.out(scenarioJsonSchema());
  return 0;
}
