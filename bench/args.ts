import { commandArgs, type Parsed } from "../server/cli/args.ts";
import { processIo } from "../server/cli/io.ts";
import { cliLang } from "../server/cli/lang.ts";
import { sayIn } from "../server/cli/text.ts";
import { loadEnvFile } from "../server/config.ts";
import { parseEnv } from "../server/config-schema.ts";
import type { ParseArgsOptionsConfig } from "node:util";

const say = sayIn(cliLang());

/**
 * A benchmark runner's flags, strict (server/cli/args.ts): an unknown flag or a missing value
 * stops it before anything is measured, exit code 2. Its environment (CHROMIUM_PATH, …) goes
 * through the server's schema: a wrong value stops it too, exit code 1.
 */
export function benchArgs<O extends ParseArgsOptionsConfig>(command: string, usage: string, options: O, maxPositionals = 0): Parsed<O> {
  loadEnvFile();
  const env = parseEnv(process.env, ["bench"]);
  if (!env.ok) {
    process.stderr.write(env.faults.map((line) => `${command}: ${line}\n`).join(""));
    process.exit(1);
  }
  const parsed = commandArgs(command, process.argv.slice(2), options, { say, usage, io: processIo, maxPositionals });
  if ("exit" in parsed) process.exit(parsed.exit);
  return parsed;
}

/** A whole-number flag within bounds, or exit 2 saying which and why. */
export function wholeNumberArg(command: string, option: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  process.stderr.write(say("ops.bench.badNumber", { command, option, value, min, max }) + "\n");
  process.exit(2);
}

/** A flag naming some of `choices`, comma-separated, or exit 2. */
export function choicesArg(command: string, option: string, value: string, choices: readonly string[]): Set<string> {
  const picked = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const wrong = picked.find((p) => !choices.includes(p));
  if (picked.length === 0 || wrong !== undefined) {
    process.stderr.write(say("ops.bench.badChoice", { command, option, value: wrong ?? value, choices: choices.join(", ") }) + "\n");
    process.exit(2);
  }
  return new Set(picked);
}
