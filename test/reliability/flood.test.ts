import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startServer, createExercise, codeOf, type Server } from "./support.ts";
import { measureFlood, type FloodOutcome } from "./flood-check.ts";

/**
 * Flood: a client (its own process) sends commands as fast as its socket drains, with the
 * default budget of 20 messages a second, while six honest seats send one command every 100 ms.
 * The flooder must be throttled (`rate_limited`), cut off (4429) or kept out (a seat cut off
 * for flooding cannot rejoin at once), and every honest command must be answered and accepted.
 * How much the flood slows the honest seats (their p99 against their own baseline, target ≤ 2×)
 * is a performance figure: `npm run bench -- --only flood` measures it, this test only prints it.
 */
const PORT = 2637;
let server: Server;
beforeAll(async () => {
  server = await startServer(PORT);
});
afterAll(async () => server.stop());

const describeOutcome = (o: FloodOutcome) =>
  `honest p99 ${o.floodP99.toFixed(1)} ms under the flood vs ${o.baselineP99.toFixed(1)} ms baseline (${o.ratio.toFixed(2)}×, ${o.floodSamples}/${o.baselineSamples} samples); flooder: ${o.flooder
    .map((f) => `${f.sent} sent, ${f.accepted} accepted, ${f.rateLimited} rate_limited, ${f.joins} joins, closes [${[...new Set(f.disconnects)].join("; ")}]`)
    .join(" | ")}`;

describe("flooding with commands", () => {
  for (const rejoin of [false, true]) {
    it(rejoin
      ? "a flooder that rejoins with its seat token every time it is cut off is kept out"
      : "one connection flooding is throttled and cut off; honest seats are served", async () => {
      const ex = await createExercise(server.url);
      const outcome = await measureFlood({
        url: server.url,
        ex,
        flooderJoin: { code: codeOf(ex, "north"), name: "Flooder" },
        kind: "command",
        windows: 2,
        windowMs: 1000,
        rejoin,
      });
      console.log(describeOutcome(outcome));
      const first = outcome.flooder[0]!;
      expect(first.rateLimited, "the flood is answered rate_limited before the cut").toBeGreaterThan(0);
      expect(
        first.disconnects.some((d) => d.startsWith("4429")),
        "the flooder is cut off with 4429",
      ).toBe(true);
      // Far fewer answers than messages: what was in flight when it was cut off is dropped.
      expect(first.rateLimited + first.accepted).toBeLessThan(first.sent);
      if (rejoin) {
        expect(
          outcome.flooder[1]!.disconnects.every((d) => d.includes("flooding:")),
          "rejoining with the seat token is refused during the cool-down",
        ).toBe(true);
        // A refused join is an answer to the client, not a server failure: no stack trace per attempt.
        expect(server.output()).not.toMatch(/flooding: This seat was disconnected/);
      }
      expect(outcome.unanswered + outcome.refusedHonest, "honest commands unanswered or refused").toBe(0);
      expect(outcome.floodSamples).toBeGreaterThan(60);
      expect(server.output()).not.toMatch(/"level":"error"/);
    }, 30_000);
  }
});
