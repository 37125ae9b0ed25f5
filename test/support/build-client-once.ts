import { ensureClientBuilt } from "../browser/support/server.ts";

/**
 * Builds the browser client before any test file starts: with two files at a time, two browser
 * suites finding dist/ stale would otherwise build into it at once.
 */
export default function setup(): void {
  ensureClientBuilt();
}
