import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../server/config.ts";
import { SERVER_NODE_FLAGS } from "../../server/node-flags.ts";

/** Every way of starting a server passes the same V8 options (server/node-flags.ts says why). */
describe("server V8 options", () => {
  it("npm start passes them before the script", () => {
    const start: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.start;
    expect(start).toBe(`node ${SERVER_NODE_FLAGS.join(" ")} server/start.ts`);
  });

  it("the PM2 ecosystem file gives every process the same node_args", () => {
    const ecosystem = createRequire(import.meta.url)(join(ROOT, "deploy", "ecosystem.config.cjs")) as { apps: { node_args?: string[] }[] };
    expect(ecosystem.apps.length).toBeGreaterThan(0);
    for (const app of ecosystem.apps) expect(app.node_args).toEqual([...SERVER_NODE_FLAGS]);
  });

  it("the development server and the benchmarks' servers start with them", () => {
    for (const file of ["server/dev.ts", "bench/processes.ts"]) expect(readFileSync(join(ROOT, file), "utf8")).toContain("...SERVER_NODE_FLAGS");
  });
});
