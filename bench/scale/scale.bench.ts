import type { BenchResult } from "../stats.ts";
import { runLengthBench } from "./length.bench.ts";
import { runMapBench } from "./map.bench.ts";
import { runSeatsBench } from "./seats.bench.ts";
import { runMselBench } from "./msel.bench.ts";
import { runChatBench } from "./chat.bench.ts";

/**
 * The biggest exercises (issue #23), each figure at half and full size so that
 * docs/PERFORMANCE.md can say how it grows: `npm run bench -- --only scale`.
 */
export async function runScaleBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  return [
    ...(await runMapBench({ quick })),
    ...(await runLengthBench({ quick })),
    ...(await runSeatsBench({ quick })),
    ...(await runMselBench({ quick })),
    ...(await runChatBench({ quick })),
  ];
}
