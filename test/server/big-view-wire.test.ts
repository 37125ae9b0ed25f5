import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import { startConcord } from "../../bench/processes.ts";
import { FULL_SCALE, scaleScenario } from "../../bench/scale/scale-scenario.ts";
import { installStringDecoding } from "../../client/src/net/string-decoding.ts";

/**
 * At full scale (5,000 assets, 2,000 injects) the white cell's injects are one map of 1.2 MB,
 * more than the schema encoder's 512 KB buffer: the encoder checks for room once per collection, so the end of that map was
 * cut and exercise control's console decoded garbage ("decode.utf8Read(): Invalid byte …") and
 * held a corrupt picture (server/rooms/view-headroom.ts). Played against the real server, as
 * `npm start` runs it, with the browser's string decoding.
 */
const PORT = 2797;
let dir: string;
let server: ChildProcess;
let scenarioId: string;
const decodeErrors: string[] = [];
const consoleError = console.error;

beforeAll(async () => {
  installStringDecoding();
  console.error = (...args: unknown[]) => void decodeErrors.push(String(args[0]));
  dir = mkdtempSync(join(tmpdir(), "concord-big-wire-"));
  const scenario = scaleScenario(FULL_SCALE) as { id: string };
  scenarioId = scenario.id;
  writeFileSync(join(dir, "scale.json"), JSON.stringify(scenario));
  server = await startConcord(PORT, { SCENARIOS_DIR: dir, CONCORD_LOG_LEVEL: "warn" });
}, 60_000);
afterAll(() => {
  console.error = consoleError;
  server?.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("a white cell of 5,000 assets and 2,000 injects on the wire", () => {
  it("reaches exercise control whole at its join", async () => {
    const url = `http://127.0.0.1:${PORT}`;
    const created = await (
      await fetch(`${url}/api/exercises`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId }) })
    ).json();
    expect(created.id, JSON.stringify(created)).toBeTruthy();
    const control = await new Client(url).joinById(created.id, { token: created.facilitatorToken, name: "Control" });
    for (const type of ["welcome", "ping", "viewChanged", "joinCodes", "result"]) control.onMessage(type, () => {});
    const white = () =>
      (control.state as { perspectives: Map<string, { assets: Map<string, { id: string; owner: string; region: string }> }> }).perspectives?.get("white");
    const deadline = Date.now() + 20_000;
    while ((white()?.assets.size ?? 0) < 5000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    expect(decodeErrors.filter((e) => e.includes("decode"))).toEqual([]);
    const assets = [...white()!.assets.values()];
    expect(assets).toHaveLength(5000);
    expect(assets.filter((a) => !a.owner || !a.region)).toEqual([]);
    await control.leave();
  }, 60_000);
});
