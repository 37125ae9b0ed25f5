import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startServer, createExercise, codeOf, type Server } from "./support.ts";
import { measureFlood } from "./flood-check.ts";

/**
 * Floods of messages other than commands: `whoami`, an unknown message type (each answered with
 * `unknown_command`) and, from exercise control, `viewAs` (each re-projects a perspective). Like
 * a command flood, they draw on the seat's one budget: throttled, then cut off, while every honest
 * command is answered. See flood.test.ts for the method; the p99 figures are the benchmark's.
 */
const PORT = 2638;
let server: Server;
beforeAll(async () => {
  server = await startServer(PORT);
});
afterAll(async () => server.stop());

describe("flooding with other messages", () => {
  for (const kind of ["unknown", "whoami", "viewAs"] as const) {
    it(`a flood of ${kind === "unknown" ? "an unknown message type" : `"${kind}"`} is throttled or cut off, and honest seats are served`, async () => {
      const ex = await createExercise(server.url);
      const flooderJoin = kind === "viewAs" ? { token: ex.facilitatorToken, name: "Flooding control" } : { code: codeOf(ex, "north"), name: "Flooder" };
      const o = await measureFlood({ url: server.url, ex, flooderJoin, kind, windows: 1, windowMs: 1000 });
      const summary = `honest p99 ${o.floodP99.toFixed(1)} ms under the flood vs ${o.baselineP99.toFixed(1)} ms (${o.ratio.toFixed(1)}×); ${o.unanswered} honest commands unanswered within 5 s; flooder: ${o.flooder.map((f) => `${f.sent} sent, ${f.rateLimited} rate_limited, ${f.otherAnswers} answered, closes [${[...new Set(f.disconnects)].join("; ")}]`).join(" | ")}`;
      console.log(`${kind}: ${summary}`);
      const throttled = o.flooder.every((f) => f.rateLimited > 0 || f.disconnects.some((d) => !d.startsWith("4000")));
      expect(throttled, `the flooder is throttled or cut off: ${summary}`).toBe(true);
      expect(o.unanswered + o.refusedHonest, "honest commands unanswered or refused").toBe(0);
      expect(server.output()).not.toMatch(/"level":"error"/);
    }, 30_000);
  }
});
