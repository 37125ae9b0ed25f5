import { defineConfig } from "vitest/config";

/**
 * Tests that must run with nothing else beside them: they share one Redis database or one
 * PostgreSQL database (scale-out, credential guard, event store, config, nginx + PM2), start
 * production installs, or compare latencies and event-loop delays that a second test file on
 * the same two cores would disturb (floods, hostile seats, observability).
 */
const ALONE = [
  "test/reliability/**/*.test.ts",
  "test/deploy/**/*.test.ts",
  "test/server/scale-out.test.ts",
  "test/server/credential-guard.test.ts",
  "test/server/event-store.test.ts",
  "test/server/config.test.ts",
  "test/server/production-install.test.ts",
  "test/server/hostile-seats.test.ts",
  "test/server/observability.test.ts",
  "test/server/crash-recovery.test.ts",
  "test/server/rooms-on-demand.test.ts",
];

/**
 * Two groups. Everything else runs two files at a time (browser tests spend much of their time
 * waiting on Chromium; room tests each take a port of their own, test/server/harness.ts); then
 * the ALONE files one at a time. The client is built once before either starts.
 */
export default defineConfig({
  test: {
    globalSetup: ["test/support/build-client-once.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report lets CI print a plain "N passed, N failed" line at the end.
    reporters: ["default", ["json", { outputFile: "test/artifacts/vitest-report.json" }]],
    projects: [
      { extends: true, test: { name: "together", include: ["test/**/*.test.ts"], exclude: ALONE, maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: "alone", include: ALONE, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
