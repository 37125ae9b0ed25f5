import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createConcordServer } from "../../server/app.ts";
import { configFromEnv } from "../../server/config.ts";
import { silentLogger } from "../../server/log.ts";
import { MemoryStore } from "../../server/store/memory-store.ts";
import { chooseEncoding } from "../../server/http/static-client.ts";
import { precompressDir } from "../../build/precompress.ts";
import { TEST_SCENARIOS, TEST_PORT, bootOnTestPort } from "./harness.ts";

describe("chooseEncoding", () => {
  const both = ["br", "gzip"] as const;
  it("prefers brotli, then gzip, and sends the file itself when neither is accepted", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd", both)).toBe("br");
    expect(chooseEncoding("gzip, deflate", both)).toBe("gzip");
    expect(chooseEncoding("identity", both)).toBeNull();
    expect(chooseEncoding(undefined, both)).toBeNull();
    expect(chooseEncoding("", both)).toBeNull();
  });
  it("follows q-values: q=0 refuses, a higher q wins, * covers the codings not named", () => {
    expect(chooseEncoding("br;q=0, gzip", both)).toBe("gzip");
    expect(chooseEncoding("br;q=0.5, gzip;q=0.9", both)).toBe("gzip");
    expect(chooseEncoding("BR ; Q=1", both)).toBe("br");
    expect(chooseEncoding("*", both)).toBe("br");
    expect(chooseEncoding("*;q=0", both)).toBeNull();
    expect(chooseEncoding("gzip;q=abc", both)).toBeNull();
    expect(chooseEncoding("x-gzip", both)).toBe("gzip");
  });
  it("only offers what the build wrote", () => {
    expect(chooseEncoding("br, gzip", ["gzip"])).toBe("gzip");
    expect(chooseEncoding("br", ["gzip"])).toBeNull();
    expect(chooseEncoding("br, gzip", [])).toBeNull();
  });
});

/** Raw HTTP, so that nothing decodes the body behind the test's back (fetch would). */
function get(
  path: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: TEST_PORT, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

let colyseus: ColyseusTestServer;
let clientDir: string;
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
const page = `<!doctype html><title>Concord</title>${"<!-- padding so that compression pays -->".repeat(40)}<script type="module" src="/assets/main-abc123.js"></script>`;

beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), "concord-serving-"));
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), page);
  writeFileSync(join(clientDir, "replay.html"), page.replace("Concord", "Replay"));
  writeFileSync(join(clientDir, "assets", "main-abc123.js"), script);
  writeFileSync(join(clientDir, "assets", "tiny-abc123.js"), "export {};\n");
  await precompressDir(clientDir);
  const config = configFromEnv({ CONCORD_STORE: "memory", SCENARIOS_DIR: TEST_SCENARIOS, CLIENT_DIR: clientDir, CONCORD_DEMO: "0" } as NodeJS.ProcessEnv);
  const { server } = await createConcordServer(config, silentLogger, new MemoryStore());
  colyseus = await bootOnTestPort(server);
});
afterAll(async () => {
  await colyseus?.shutdown();
  rmSync(clientDir, { recursive: true, force: true });
});

describe("the build's precompressed copies", () => {
  it("writes .br and .gz beside files worth compressing, and none for a file too small to gain", () => {
    expect(brotliDecompressSync(readFileSync(join(clientDir, "assets", "main-abc123.js.br"))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(clientDir, "assets", "main-abc123.js.gz"))).toString()).toBe(script);
    expect(existsSync(join(clientDir, "index.html.br"))).toBe(true);
    expect(existsSync(join(clientDir, "assets", "tiny-abc123.js.br"))).toBe(false);
  });
});

describe("serving the client", () => {
  it("sends brotli to a browser that accepts it, gzip to one that accepts only gzip, the file itself otherwise — always with Vary", async () => {
    const br = await get("/assets/main-abc123.js", { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    const gz = await get("/assets/main-abc123.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const raw = await get("/assets/main-abc123.js");
    expect(raw.headers["content-encoding"]).toBeUndefined();
    expect(raw.body.toString()).toBe(script);
    for (const res of [br, gz, raw]) expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(br.headers["content-length"])).toBeLessThan(script.length / 3);
  });

  it("caches hashed assets for a year as immutable and has pages revalidated, compressed too", async () => {
    expect((await get("/assets/main-abc123.js")).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const path of ["/", "/index.html", "/replay.html", "/exercise/some/route"]) {
      const res = await get(path, { "accept-encoding": "br" });
      expect(res.status, path).toBe(200);
      expect(res.headers["cache-control"], path).toBe("no-cache");
      expect(res.headers["content-type"], path).toMatch(/^text\/html/);
      expect(res.headers["content-encoding"], path).toBe("br");
      expect(brotliDecompressSync(res.body).toString(), path).toContain("<!doctype html>");
    }
  });

  it("answers a missing asset (a tab holding the previous deployment's page) 404 without the page, and never caches it", async () => {
    for (const path of ["/assets/main-old999.js", "/assets/", "/assets/nested/x.css"]) {
      const res = await get(path, { "accept-encoding": "br, gzip" });
      expect(res.status, path).toBe(404);
      expect(res.headers["cache-control"], path).toBe("no-store");
      expect(res.body.toString(), path).not.toContain("<!doctype html>");
    }
  });

  it("does not answer the server's own endpoints, or a file name that is not there, with the page", async () => {
    for (const path of ["/api/nope", "/matchmake/nothing", "/favicon.ico", "/robots.txt"]) {
      const res = await get(path);
      expect(res.body.toString(), path).not.toContain("<title>Concord</title>");
      expect(res.status, path).not.toBe(200);
    }
    // The probes answer for themselves: Prometheus text and a readiness verdict, never the page.
    const metrics = await get("/metrics");
    expect(metrics.headers["content-type"]).toMatch(/text\/plain/);
    expect(metrics.body.toString()).toContain("# TYPE");
    const ready = await get("/ready");
    expect(ready.body.toString()).not.toContain("<title>Concord</title>");
    const health = await get("/health");
    expect(health.status).toBe(200);
    expect(health.headers["content-type"]).toMatch(/json/);
  });

  it("answers HEAD like GET without a body, and revalidates with the ETag", async () => {
    const head = await get("/assets/main-abc123.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(head.body.length).toBe(0);
    const again = await get("/", { "accept-encoding": "br", "if-none-match": String((await get("/", { "accept-encoding": "br" })).headers.etag) });
    expect(again.status).toBe(304);
  });

  it("serves nothing outside the client's folder", async () => {
    for (const path of ["/..%2Fpackage.json", "/assets/..%2F..%2Fpackage.json", "/%2e%2e/%2e%2e/etc/passwd", "/.env"]) {
      const res = await get(path);
      expect(res.body.toString(), path).not.toMatch(/"name"|root:/);
    }
  });
});
