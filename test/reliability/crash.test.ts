import { describe, it, expect } from "vitest";
import { crashCampaign } from "./crash-campaign.ts";

/**
 * SIGKILL during scripted play, three times (`npm run soak` runs twenty): nothing acknowledged
 * is lost, the log has no gaps and the exercise goes on. See crash-campaign.ts.
 */
describe("crash campaign", () => {
  it("three SIGKILLs at seeded random moments lose no acknowledged command", async () => {
    const result = await crashCampaign({ rounds: 3, seed: 2633, port: 2633, log: (line) => console.log(line) });
    expect(result.problems).toEqual([]);
    expect(result.acknowledged).toBeGreaterThan(30);
  }, 60_000);
});
