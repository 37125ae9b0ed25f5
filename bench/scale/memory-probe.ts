import { writeFileSync } from "node:fs";
import { getHeapSpaceStatistics, getHeapStatistics, writeHeapSnapshot } from "node:v8";
import { createRequire, syncBuiltinESMExports } from "node:module";

/**
 * Preloaded into a server by server-join.ts (`--import`), never by the server itself: on
 * SIGUSR2 it writes the process's memory as V8 and Node see it (the main isolate's heap spaces,
 * each worker thread's heap, the RSS) to MEMORY_PROBE_OUT as one JSON line, and with
 * MEMORY_PROBE_SNAPSHOT a heap snapshot beside it. Worker threads are found by wrapping
 * the Worker constructor before the server imports it.
 */
const threads = createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
const workers: InstanceType<typeof threads.Worker>[] = [];
const Original = threads.Worker;
class Tracked extends Original {
  constructor(...args: ConstructorParameters<typeof Original>) {
    super(...args);
    workers.push(this);
  }
}
(threads as { Worker: typeof Original }).Worker = Tracked;
syncBuiltinESMExports();

const out = process.env.MEMORY_PROBE_OUT;
if (threads.isMainThread && out) {
  process.on("SIGUSR2", () => {
    void (async () => {
      const mb = (n: number) => Math.round(n / 1e5) / 10;
      const usage = process.memoryUsage();
      const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, { size: mb(s.space_size), used: mb(s.space_used_size) }]));
      const heap = getHeapStatistics();
      const threadsHeap = await Promise.all(
        workers
          .filter((w) => w.threadId > 0)
          .map(async (w) => {
            const s = await w.getHeapStatistics();
            return { total: mb(s.total_heap_size), used: mb(s.used_heap_size), external: mb(s.external_memory) };
          }),
      );
      const line = {
        rss: mb(usage.rss),
        heapTotal: mb(usage.heapTotal),
        heapUsed: mb(usage.heapUsed),
        external: mb(usage.external),
        arrayBuffers: mb(usage.arrayBuffers),
        malloced: mb(heap.malloced_memory),
        peakMalloced: mb(heap.peak_malloced_memory),
        spaces,
        workers: threadsHeap,
      };
      if (process.env.MEMORY_PROBE_SNAPSHOT) writeHeapSnapshot(`${out}.heapsnapshot`);
      writeFileSync(out, `${JSON.stringify(line)}\n`);
    })();
  });
}
