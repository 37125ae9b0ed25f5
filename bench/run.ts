import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../server/config.ts";
import { machine, type BenchResult } from "./stats.ts";
import { runReplayBench } from "./replay.bench.ts";
import { runNetBench } from "./net.bench.ts";
import { runCapacityBench } from "./capacity-ramp.ts";
import { runClientBench } from "./client.bench.ts";
import { runFloodBench } from "./flood.bench.ts";
import { runHistoryBench } from "./history.bench.ts";
import { runOpsBench } from "./ops.bench.ts";
import { runRoomsBench } from "./rooms.bench.ts";
import { runPlaytestBench } from "./playtest.bench.ts";
import { benchArgs, choicesArg, wholeNumberArg } from "./args.ts";
import { runScaleBench } from "./scale/scale.bench.ts";

/**
 * `npm run bench [-- --quick] [--processes 2] [--only replay,history,ops,rooms,playtest,network,capacity,client,flood,scale]`:
 * every measurement against its baseline, as a table and as JSON (bench/results/latest.json).
 */
const SUITES = ["replay", "history", "ops", "rooms", "playtest", "network", "flood", "client", "scale", "capacity"] as const;
const USAGE = `npm run bench [-- --quick] [--processes 1|2] [--only ${SUITES.join(",")}]`;
const { values } = benchArgs("bench", USAGE, { quick: { type: "boolean" }, processes: { type: "string" }, only: { type: "string" } });
const quick = values.quick ?? false;
// Two processes (Redis + PostgreSQL) in the full run; in --quick only when asked with --processes 2.
const processes = wholeNumberArg("bench", "--processes", values.processes, quick ? 1 : 2, 1, 2);
const started = Date.now();
const results: BenchResult[] = [];
// The SDK warns about every message that arrives before its handler is registered (the welcome
// sent on join): noise in a table of numbers.
const warn = console.warn;
console.warn = (...args: unknown[]) => (/onMessage\(\) not registered/.test(String(args[0])) ? undefined : warn(...args));

// The capacity ramp runs last: it saturates both cores and leaves PostgreSQL writing its
// checkpoint behind it, which slowed the suites after it (a full run's flood read 4.5x once).
const suites: [string, () => Promise<BenchResult[]>][] = [
  ["replay", () => runReplayBench({ quick })],
  ["history", () => runHistoryBench({ quick })],
  ["ops", () => runOpsBench({ quick })],
  ["rooms", () => runRoomsBench({ quick })],
  ["playtest", () => runPlaytestBench({ quick })],
  ["network", () => runNetBench({ quick })],
  ["flood", () => runFloodBench({ quick })],
  ["client", () => runClientBench({ quick })],
  ["scale", () => runScaleBench({ quick })],
  ["capacity", () => runCapacityBench({ quick, processes })],
];
// `--only network,flood` runs a subset; latest.json keeps the other entries of the previous run.
const only = values.only === undefined ? null : choicesArg("bench", "--only", values.only, SUITES);
for (const [name, run] of suites) {
  if (only && !only.has(name)) continue;
  process.stdout.write(`bench: ${name}…\n`);
  const suiteStarted = Date.now();
  try {
    results.push(...(await run()));
  } catch (error) {
    process.stderr.write(`bench ${name} failed: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  }
  // What each suite costs, so that whoever adds to --quick sees where its two minutes go.
  process.stdout.write(`bench: ${name} took ${Math.round((Date.now() - suiteStarted) / 1000)} s\n`);
}
const host = machine();
mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
const latest = join(ROOT, "bench", "results", "latest.json");
// With --only, the other measurements of the previous run stay in latest.json.
const kept: BenchResult[] =
  only && existsSync(latest) ? (JSON.parse(readFileSync(latest, "utf8")) as BenchResult[]).filter((old) => !results.some((r) => r.name === old.name)) : [];
writeFileSync(latest, JSON.stringify([...kept, ...results.map((r) => ({ ...r, machine: host }))], null, 2) + "\n");
const rows = results.map((r) => [
  r.name,
  String(r.value),
  r.baseline === null ? "" : String(r.baseline),
  r.ratio === null ? "" : String(r.ratio),
  r.unit,
  r.target,
  r.met === null ? "" : r.met ? "yes" : "NO",
]);
const header = ["measurement", "value", "baseline", "ratio", "unit", "target", "met"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
process.stdout.write(
  `\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${rows.map(line).join("\n")}\n\n${host.cpu}, ${host.cores} cores, Node ${host.node}; ${Math.round((Date.now() - started) / 1000)} s${quick ? " (quick)" : ""}; results in bench/results/latest.json\n`,
);
process.exit(process.exitCode ?? 0);
