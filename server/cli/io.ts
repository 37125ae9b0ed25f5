import { readFileSync } from "node:fs";
import { validateScenario, type ValidationError } from "../../shared/scenario/validate.ts";
import type { ScenarioSpec } from "../../shared/scenario/schema.ts";

export type Io = { out: (s: string) => void; err: (s: string) => void };
export const processIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Reads and validates a scenario file, naming the file and the JSON error's position on failure. */
export function loadScenarioFile(file: string): { ok: true; scenario: ScenarioSpec; raw: Record<string, unknown> } | { ok: false; errors: ValidationError[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return { ok: false, errors: [{ path: "(file)", message: `cannot read the file: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "it does not exist" : (error as Error).message}` }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` (line ${text.slice(0, Number(position[1])).split("\n").length})` : "";
    return { ok: false, errors: [{ path: "(file)", message: `not valid JSON${where}: ${message}` }] };
  }
  const result = validateScenario(raw);
  return result.ok ? { ok: true, scenario: result.scenario, raw: raw as Record<string, unknown> } : result;
}
