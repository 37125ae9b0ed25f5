import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startHarness, type Harness } from "./harness.ts";

/**
 * A perspective larger than the schema encoder's buffer arrives whole: exercise control's view
 * of an MSEL of 2,000 injects is 1.2 MB of records in one map, which the encoder (5.0.x) cut at
 * its buffer's size when the seat started watching it (every record after the cut was zeros).
 */
let h: Harness;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "concord-big-view-"));
  const tiny = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "scenarios", "tiny.json"), "utf8"));
  const body =
    "A situation report of a realistic length: exercise control reports movements, statements and incidents that the teams must weigh before their next orders. ".repeat(
      3,
    );
  tiny.id = "big-msel";
  tiny.msel = Array.from({ length: 2000 }, (_, i) => ({
    id: `i${i + 1}`,
    number: `${Math.floor(i / 100) + 1}.${(i % 100) + 1}`,
    trigger: { kind: "scheduled", turn: 1 + (i % tiny.turns) },
    type: "information",
    from: "Control",
    to: "all",
    title: `Inject ${i + 1}`,
    body,
  }));
  writeFileSync(join(dir, "big-msel.json"), JSON.stringify(tiny));
  h = await startHarness({ env: { SCENARIOS_DIR: dir } });
});
afterAll(async () => {
  await h.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe("a perspective larger than the encoder's buffer", () => {
  it("reaches exercise control whole: every one of 2,000 injects parses", async () => {
    const ex = await h.createExercise("big-msel");
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    await new Promise((r) => setTimeout(r, 500));
    const injects = [...control.room.state.perspectives.get("white").injects.values()] as string[];
    expect(injects).toHaveLength(2000);
    const broken = injects.filter((json) => {
      try {
        JSON.parse(json);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toEqual([]);
    await control.room.leave();
  });
});
