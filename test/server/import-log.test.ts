import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matchMaker } from "@colyseus/core";
import { startHarness, type Harness } from "./harness.ts";
import { runPlaytest } from "../../server/cli/playtest-command.ts";
import { runImportLog } from "../../server/cli/import-log-command.ts";
import { ROOT } from "../../server/config.ts";
import { ensureRoom } from "../../server/app.ts";
import { stateHash } from "../../shared/replay/state-hash.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";
import type { PlaytestReport } from "../../shared/playtest/sweep.ts";

/**
 * #18.4: a log `concord playtest --log-out` wrote, imported with `concord import-log` into the
 * server's store, is served by GET /api/exercises/:id/events as it was written, and the room
 * opened from it folds to the state the playtest ended in (the same stateHash).
 */
const SCENARIO = join(ROOT, "scenarios", "01-northern-flank.json");
let h: Harness;
let dir: string;

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), "concord-import-"));
});
afterAll(async () => {
  await h.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

const capture = () => {
  const io = { out: "", err: "", sink: { out: (s: string) => void (io.out += s), err: (s: string) => void (io.err += s) } };
  return io;
};

describe("concord import-log: a playtest's log replayed through the server", () => {
  it("stores the log, serves it back, and the room opened from it has the run's stateHash", async () => {
    const played = capture();
    expect(await runPlaytest([SCENARIO, "--seeds", "1", "--json", "--log-out", dir], played.sink, { LANG: "en" }, false)).toBe(0);
    const report = JSON.parse(played.out) as PlaytestReport;
    const run = report.runs.find((r) => r.mix === "cooperative" && r.seed === 1)!;
    const file = join(dir, "cooperative-seed-1.json");
    const log = JSON.parse(readFileSync(file, "utf8")) as { exerciseId: string; events: { type: string }[] };
    // Varkhan's playbook moved in this run, and its moves are in the log.
    expect(log.events.some((e) => e.type === "actedFor")).toBe(true);

    const imported = capture();
    expect(await runImportLog([SCENARIO, file], imported.sink, { LANG: "en" }, h.store)).toBe(0);
    const token = /Facilitator token: (\S+)/.exec(imported.out)![1]!;
    expect(imported.out).toContain(`Imported exercise ${log.exerciseId}`);

    const res = await fetch(`${h.url}/api/exercises/${log.exerciseId}/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const served = (await res.json()) as { exerciseId: string; events: unknown[] };
    expect(served.exerciseId).toBe(log.exerciseId);
    expect(served.events).toEqual(log.events);

    // What the server does at start for every stored exercise (the import runs while it is stopped).
    await ensureRoom(log.exerciseId);
    const control = await h.join(log.exerciseId, { token, name: "Control" });
    expect(control.welcome.role).toBe("facilitator");
    const room = matchMaker.getLocalRoomById(log.exerciseId) as unknown as { exercise: ExerciseState };
    expect(stateHash(room.exercise)).toBe(run.stateHash);
    await control.room.leave();

    // The same log a second time is refused, by name.
    const again = capture();
    expect(await runImportLog([SCENARIO, file], again.sink, { LANG: "en" }, h.store)).toBe(1);
    expect(again.err).toContain("already in the store");
  }, 120_000);
});
