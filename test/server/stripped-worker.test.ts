import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { describe, it, expect } from "vitest";
import { relativeImports, startStrippedWorker, strippedModules } from "../../server/store/stripped-worker.ts";

const fixture = new URL("./fixtures/stripped-worker/entry.ts", import.meta.url);
const storeWorker = new URL("../../server/store/sqlite-worker.ts", import.meta.url);

describe("a worker thread started from stripped modules (stripped-worker.ts)", () => {
  it("runs its TypeScript modules without loading a stripper of its own", async () => {
    const worker = startStrippedWorker(fixture, { workerData: { greeting: "hello" } });
    try {
      const [reply] = (await once(worker, "message")) as [{ said: string; kinds: string[]; strippers: string[] }];
      // The entry imports a module that imports another, re-exports one and imports types only.
      expect(reply.said).toBe("hello, world: 3 kinds");
      expect(reply.kinds).toEqual(["alpha", "beta", "gamma"]);
      // Node's stripper (amaro) is loaded by a thread on its first .ts module it strips itself.
      expect(reply.strippers).toEqual([]);
    } finally {
      await worker.terminate();
    }
  });

  it("reports a module that fails to load as the worker's error", async () => {
    const worker = startStrippedWorker(new URL("./fixtures/stripped-worker/throws.ts", import.meta.url));
    const [error] = (await once(worker, "error")) as [Error];
    expect(error.message).toMatch(/the fixture refuses to load/);
  });

  it("finds every module of ours the SQLite store's thread loads", () => {
    // What Node itself loads for that module, recorded by a load hook in a child process (the
    // module's body then fails outside a worker, after every import was loaded).
    const script = `
      import { registerHooks } from "node:module";
      const seen = [];
      registerHooks({ load(url, context, next) { if (url.endsWith(".ts")) seen.push(url); return next(url, context); } });
      try { await import(${JSON.stringify(storeWorker.href)}); } catch {}
      process.stdout.write(JSON.stringify(seen));
    `;
    const loaded = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as string[];
    expect(loaded.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(strippedModules(storeWorker)).sort()).toEqual([...new Set(loaded)].sort());
  });

  it("reads the static imports and re-exports a stripped module makes", () => {
    const source = [
      'import { a, b } from "./a.ts";',
      "import {",
      "  c,",
      "  d,",
      '} from "../c.ts";',
      'import * as e from "./e.ts";',
      'import f, { g } from "./f.ts";',
      'import "./side.ts";',
      'export { h } from "./h.ts";',
      'export * from "./all.ts";',
      'import { z } from "zod";',
      'import { readFileSync } from "node:fs";',
      'const worker = new URL("./not-an-import.ts", import.meta.url);',
      'const later = import("./dynamic.ts");',
    ].join("\n");
    expect(relativeImports(source)).toEqual(["./a.ts", "../c.ts", "./e.ts", "./f.ts", "./side.ts", "./h.ts", "./all.ts"]);
  });
});
