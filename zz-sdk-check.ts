import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import { startConcord } from "/work/wt/chatmsel/bench/processes.ts";
import { scaleScenario } from "/work/wt/chatmsel/bench/scale/scale-scenario.ts";
import { LENGTH_SIZE } from "/work/wt/chatmsel/bench/scale/long-log.ts";
import { installStringDecoding } from "/work/wt/chatmsel/client/src/net/string-decoding.ts";
if (process.argv[3] === "td") installStringDecoding();
const n = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), "concord-msel-y-"));
const sc = scaleScenario({ ...LENGTH_SIZE, injects: n }) as any;
writeFileSync(join(dir, "s.json"), JSON.stringify(sc));
const server = await startConcord(2668, { SCENARIOS_DIR: dir, CONCORD_LOG_LEVEL: "warn" });
server.stderr!.on("data", (d) => process.stdout.write("SERVER " + d));
const url = "http://127.0.0.1:2668";
const ex = await (await fetch(`${url}/api/exercises`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenarioId: sc.id }) })).json();
const room = await new Client(url).joinById(ex.id, { token: ex.facilitatorToken, name: "C" });
for (const t of ["welcome", "ping", "viewChanged", "joinCodes", "result"]) room.onMessage(t, () => {});
await new Promise((r) => setTimeout(r, 3000));
const bad: string[] = [];
const walk = (v: any, path: string) => {
  if (typeof v === "string" && (v.startsWith("{") || v.startsWith("["))) { try { JSON.parse(v); } catch { bad.push(`${path} len ${v.length} tail ${JSON.stringify(v.slice(-40))}`); } }
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
};
const json = room.state.toJSON();
walk(json, "state");
console.log("bad", bad.length, bad.slice(0, 5), "scenario len", (json as any).scenario?.length);
server.kill("SIGKILL"); process.exit(0);
