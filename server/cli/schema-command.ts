import { z } from "zod";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { describeLocalizedText } from "../../shared/scenario/localized.ts";
import { processIo, type Io } from "./io.ts";

/** The JSON Schema editors use for autocompletion; "input" so fields with defaults are optional. */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSpec, { io: "input", unrepresentable: "any", override: describeLocalizedText }) as Record<string, unknown>;
  return JSON.stringify({ ...schema, title: "Concord scenario", description: "A Concord crisis-exercise scenario. See docs/SCENARIOS.md." }, null, 2) + "\n";
}

export async function runSchema(_args: string[], io: Io = processIo): Promise<number> {
  io.out(scenarioJsonSchema());
  return 0;
}
