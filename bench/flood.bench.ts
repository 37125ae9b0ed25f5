import { startConcord } from "./processes.ts";
import { result, type BenchResult } from "./stats.ts";
import { measureFlood, type FloodOutcome } from "../test/reliability/flood-check.ts";
import { createExercise } from "../test/reliability/support.ts";

/**
 * Flood: a flooder process sends as fast as its socket drains, with the default budget of 20
 * commands a second, while twelve honest seats send one command every 100 ms each. Their p99 in
 * windows with the flood against windows without it, alternating (the method of
 * test/reliability/flood.test.ts). The control run has an idle extra client instead of a flooder:
 * it shows what the method reads when nothing happens.
 */
const PORT = 2662;
/**
 * Honest seats. With six, a quick window pair held ~120 commands a side, so its p99 was the
 * second-slowest reply and one late reply decided the verdict (the idle control read 0.29-1.02x).
 */
const HONEST_SEATS = 12;

export async function runFloodBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const server = await startConcord(PORT, { SCENARIOS_DIR: "test/server/fixtures/scenarios", CONCORD_LOG_LEVEL: "warn", CONCORD_COMMANDS_PER_SECOND: "20" });
  const url = `http://127.0.0.1:${PORT}`;
  const windows = quick ? 2 : 4;
  const windowMs = quick ? 1000 : 1500;
  const cases = [
    { name: "flood.control_idle_client", kind: "idle", rejoin: false, what: "no flood: an idle extra client (the method's noise)" },
    { name: "flood.commands_one_connection", kind: "command", rejoin: false, what: "one connection flooding commands" },
    { name: "flood.commands_rejoining", kind: "command", rejoin: true, what: "a command flooder that rejoins with its seat token each time it is cut off" },
    { name: "flood.whoami_messages", kind: "whoami", rejoin: false, what: 'a flood of "whoami" messages (not commands)' },
    { name: "flood.unknown_messages", kind: "unknown", rejoin: false, what: "a flood of an unknown message type" },
    { name: "flood.view_switches", kind: "viewAs", rejoin: false, what: 'exercise control flooding "viewAs" (each sends a whole perspective)' },
  ] as const;
  const results: BenchResult[] = [];
  try {
    for (const c of cases) {
      const ex = await createExercise(url);
      const o: FloodOutcome = await measureFlood({
        url,
        ex,
        honestSeats: HONEST_SEATS,
        flooderJoin: c.kind === "viewAs" ? { token: ex.facilitatorToken, name: "Flooding control" } : { code: ex.joinCodes[0]!.code, name: "Flooder" },
        kind: c.kind,
        windows,
        windowMs,
        rejoin: c.rejoin,
      });
      const flooder = o.flooder.reduce(
        (a, f) => ({ sent: a.sent + f.sent, limited: a.limited + f.rateLimited, cut: a.cut + f.disconnects.filter((d) => !d.startsWith("4000")).length }),
        { sent: 0, limited: 0, cut: 0 },
      );
      const notes = `${c.what}; honest p99 over ${o.floodSamples} vs ${o.baselineSamples} commands${o.unanswered ? `, ${o.unanswered} unanswered within 5 s` : ""}; flooder sent ${flooder.sent}, ${flooder.limited} answered rate_limited, cut off ${flooder.cut}×`;
      results.push(result(`${c.name}_p99_vs_baseline`, o.floodP99, o.baselineP99, "ms", "<= 2", "ratio", notes));
      process.stdout.write(`  ${c.name}: p99 ${o.floodP99.toFixed(1)} vs ${o.baselineP99.toFixed(1)} ms; ${notes}\n`);
    }
  } finally {
    server.kill("SIGKILL");
  }
  return results;
}
