import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { ROOT } from "../../server/config.ts";
import { SqliteFile } from "../../server/store/sqlite-file.ts";
import { result, type BenchResult } from "../stats.ts";
import { makeLongLog } from "./long-log.ts";

type Opened = { events: number; readMs: number; openMs: number; aarMs: number; rssAfterOpen: number; rssPeak: number };

/** Stores a long log in SQLite and opens it in a child process (open-long-log.ts). */
async function measure(count: number): Promise<Opened> {
  const dir = mkdtempSync(join(tmpdir(), "concord-length-"));
  try {
    const { scenario, events } = makeLongLog(count);
    const store = new SqliteFile(join(dir, "concord.db"));
    await store.createExercise({ id: "ex-long", title: "A week of play", scenario, seed: 7, createdAt: Date.now(), facilitatorTokenHash: "0".repeat(64), joinCodes: {}, observerCode: "OBSERVE1" });
    for (let i = 0; i < events.length; i += 5000) await store.append("ex-long", events.slice(i, i + 5000));
    await store.close();
    const out = execFileSync(process.execPath, [join(ROOT, "bench", "scale", "open-long-log.ts"), join(dir, "concord.db"), "ex-long"], { encoding: "utf8", maxBuffer: 1 << 20 });
    return JSON.parse(out.trim().split("\n").at(-1)!) as Opened;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A week of play (issue #23, "Length"): a 60-turn, twelve-nation exercise of 100,000 events
 * (half: 50,000) stored in SQLite; opening it as the room does (read + one fold with the feeds)
 * ≤ 2 s, its AAR built ≤ 2 s, the process's RSS ≤ 300 MB. Baseline: reading the log alone.
 */
export async function runLengthBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const full = quick ? 20_000 : 100_000;
  const sizes = [full / 2, full];
  const out: BenchResult[] = [];
  for (const count of sizes) {
    const m = await measure(count);
    const label = `${count / 1000}k`;
    out.push(result(`scale.length_${label}_room_open_ms`, m.openMs, m.readMs, "ms", "<= 2000", "value", `${m.events} events; baseline: reading them from SQLite alone`));
    out.push(result(`scale.length_${label}_aar_build_ms`, m.aarMs, null, "ms", "<= 2000", "value", `buildAfterActionReport over ${m.events} events`));
    out.push(result(`scale.length_${label}_rss_mb`, m.rssPeak / 1e6, null, "MB", "<= 300", "value", `peak RSS of the process that opened it and built the AAR (after opening: ${Math.round(m.rssAfterOpen / 1e6)} MB)`));
  }
  return out;
}
