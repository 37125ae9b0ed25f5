import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import type { Io } from "./io.ts";
import type { Say } from "./text.ts";

type Values<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>["values"];

export type Parsed<O extends ParseArgsOptionsConfig> = { values: Values<O>; positionals: string[] };

/**
 * A command's arguments through `node:util` parseArgs in strict mode: an unknown flag, a flag
 * missing its value, a value given to a switch or one positional argument too many is an error
 * in the reader's language with the command's usage (exit code 2), never ignored. `--help` / `-h`
 * prints the usage (exit code 0). `--` ends the options (a file named `-x`).
 */
export function commandArgs<O extends ParseArgsOptionsConfig>(
  command: string,
  args: readonly string[],
  options: O,
  context: { say: Say; usage: string; io: Io; maxPositionals?: number },
): Parsed<O> | { exit: number } {
  const { say, usage, io } = context;
  const refuse = (line: string) => (io.err(`${line}\n${usage}\n`), { exit: 2 });
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    const problem = error as Error & { code?: string };
    const text = problem.message;
    const named = /'([^']+)'/.exec(text)?.[1] ?? text;
    const option = /--[\w-]+/.exec(named)?.[0] ?? named.split(" ")[0]!;
    if (problem.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && /does not take an argument/.test(text))
      return refuse(say("ops.cli.noValueTaken", { command, option }));
    if (problem.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return refuse(say("cli.needsValue", { command, option }));
    if (problem.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return refuse(say("cli.unknownArgument", { command, arg: named }));
    throw error;
  }
  const { help, ...values } = parsed.values as Record<string, unknown>;
  if (help) return (io.out(usage + "\n"), { exit: 0 });
  const extra = context.maxPositionals === undefined ? undefined : parsed.positionals[context.maxPositionals];
  if (extra !== undefined) return refuse(say("ops.cli.unexpected", { command, arg: extra }));
  return { values: values as Values<O>, positionals: parsed.positionals };
}
