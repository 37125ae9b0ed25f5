import { defineConfig } from "vitest/config";

/**
 * One config for every kind of test. Room and browser tests open real servers on fixed ports
 * (@colyseus/testing always uses 2568), so test files run one at a time; rules tests are fast
 * enough that this costs little.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The JSON report lets CI print a plain "N passed, N failed" line at the end.
    reporters: ["default", ["json", { outputFile: "test/artifacts/vitest-report.json" }]],
  },
});
