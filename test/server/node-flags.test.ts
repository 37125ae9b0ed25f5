import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../server/config.ts";
import { SERVER_ENV, SERVER_NODE_FLAGS } from "../../server/node-flags.ts";

const assignments = Object.entries(SERVER_ENV).map(([name, value]) => `${name}=${value}`);

/** Every way of starting a server passes the same V8 options and environment (server/node-flags.ts says why). */
describe("server V8 options and environment", () => {
  it("npm start sets them before the script", () => {
    const start: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.start;
    expect(start).toBe(`${assignments.join(" ")} node ${SERVER_NODE_FLAGS.join(" ")} server/start.ts`);
  });

  it("the PM2 ecosystem file gives every process the same node_args and environment", () => {
    const ecosystem = createRequire(import.meta.url)(join(ROOT, "deploy", "ecosystem.config.cjs")) as {
      apps: { node_args?: string[]; env?: Record<string, string> }[];
    };
    expect(ecosystem.apps.length).toBeGreaterThan(0);
    for (const app of ecosystem.apps) {
      expect(app.node_args).toEqual([...SERVER_NODE_FLAGS]);
      expect(app.env).toMatchObject(SERVER_ENV);
    }
  });

  it("the development server and the benchmarks' servers start with them", () => {
    for (const file of ["server/dev.ts", "bench/processes.ts"]) {
      const source = readFileSync(join(ROOT, file), "utf8");
      expect(source).toContain("...SERVER_NODE_FLAGS");
      expect(source).toContain("...SERVER_ENV");
    }
  });
});
