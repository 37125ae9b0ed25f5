import { readFileSync } from "node:fs";
import { validateScenario, type ValidationError } from "../../shared/scenario/validate.ts";
import type { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { translate } from "../../shared/i18n/format.ts";
import { msg, type Msg } from "../../shared/i18n/message.ts";

export type Io = { out: (s: string) => void; err: (s: string) => void };
export const processIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

const fileProblem = (m: Msg): ValidationError => ({ path: "(file)", msg: m, message: translate("en", m) });

/** Reads and validates a scenario file, naming the file and the JSON error's position on failure. */
export function loadScenarioFile(file: string): { ok: true; scenario: ScenarioSpec; raw: Record<string, unknown> } | { ok: false; errors: ValidationError[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { ok: false, errors: [fileProblem(msg("cli.io.cannotRead", { reason: missing ? msg("cli.io.doesNotExist") : (error as Error).message }))] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split("\n").length : 0;
    return { ok: false, errors: [fileProblem(msg("cli.io.notJson", { hasLine: position ? "yes" : "no", line, error: message }))] };
  }
  const result = validateScenario(raw);
  return result.ok ? { ok: true, scenario: result.scenario, raw: raw as Record<string, unknown> } : result;
}
