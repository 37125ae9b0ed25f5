import type { BenchResult } from "../stats.ts";
import { runLengthBench } from "./length.bench.ts";
import { runMapBench } from "./map.bench.ts";
import { runSeatsBench } from "./seats.bench.ts";
import { runMselBench } from "./msel.bench.ts";
import { runChatBench } from "./chat.bench.ts";
import { runResolutionBench } from "./resolution.bench.ts";

/**
 * The biggest exercises (issue #23), each figure at half and full size so that
 * docs/PERFORMANCE.md can say how it grows: `npm run bench -- --only scale`.
 */
export async function runScaleBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const parts: [string, (o: { quick: boolean }) => Promise<BenchResult[]>][] = [
    ["map", runMapBench],
    ["length", runLengthBench],
    ["seats", runSeatsBench],
    ["msel", runMselBench],
    ["chat", runChatBench],
    ["resolution", runResolutionBench],
  ];
  const out: BenchResult[] = [];
  for (const [name, run] of parts) {
    const started = Date.now();
    out.push(...(await run({ quick })));
    // What each part costs, as run.ts says for each suite: the quick run has a budget.
    process.stdout.write(`bench: scale/${name} took ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
  return out;
}
