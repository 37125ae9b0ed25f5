import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, ConfigError, configFromEnv, loadEnvFile } from "../../server/config.ts";
import { VARIABLES, envExampleText, unknownConcordVariables } from "../../server/config-schema.ts";

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;
const faultsOf = (values: Record<string, string>): string[] => {
  try {
    configFromEnv(env(values));
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("configuration: one schema for every environment variable", () => {
  it("refuses the values that used to start silently, every one at once, one line each naming the variable and what it accepts", () => {
    expect(faultsOf({ CONCORD_COMMANDS_PER_SECOND: "abc", CONCORD_RECONNECT_SECONDS: "-5", CONCORD_LOG_LEVEL: "verbose", CONCORD_STORE: "postgress" })).toEqual(
      [
        'CONCORD_STORE must be one of sqlite, postgres, memory (got "postgress")',
        'CONCORD_COMMANDS_PER_SECOND must be a whole number from 1 to 1000000 (got "abc")',
        'CONCORD_RECONNECT_SECONDS must be a whole number of seconds from 0 to 86400 (got "-5")',
        'CONCORD_LOG_LEVEL must be one of debug, info, warn, error, silent (got "verbose")',
      ],
    );
  });

  it.each([
    ["PORT", "70000", /PORT must be a port number/],
    ["PORT", "80a", /PORT must be a port number/],
    ["CONCORD_COMMANDS_PER_SECOND", "0", /from 1 to/],
    ["CONCORD_COMMANDS_PER_SECOND", "2.5", /whole number/],
    ["CONCORD_RECONNECT_SECONDS", "1e3", /whole number/],
    ["CONCORD_DEMO", "no", /CONCORD_DEMO must be 0 or 1/],
    ["CONCORD_SKIP_CLIENT_BUILD", "yes", /CONCORD_SKIP_CLIENT_BUILD must be 0 or 1/],
    ["CONCORD_LOG_FORMAT", "text", /one of json, pretty/],
    ["DATABASE_URL", "mysql://x", /DATABASE_URL must be a postgres/],
    ["REDIS_URL", "localhost:6379", /REDIS_URL must be a redis/],
    ["PUBLIC_ADDRESS", "https://host/p0", /PUBLIC_ADDRESS must be host:port/],
    ["TRUST_PROXY", "10.0.0.0/99", /TRUST_PROXY must be addresses or networks/],
    ["CONCORD_CORS_ORIGINS", "https://a.example/path", /CONCORD_CORS_ORIGINS must be origins/],
    ["HOST", "my host", /HOST must be an address/],
  ])("refuses %s=%s", (name, value, said) => {
    const faults = faultsOf({ [name]: value, ...(name === "PUBLIC_ADDRESS" ? { REDIS_URL: "redis://127.0.0.1:6379" } : {}) });
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatch(said);
  });

  it("never echoes a password, nor the credentials in a URL", () => {
    expect(faultsOf({ CONCORD_OPERATOR_PASSWORD: "short" })).toEqual(['CONCORD_OPERATOR_PASSWORD must be at least 8 characters (got "(hidden)")']);
    const [line] = faultsOf({ DATABASE_URL: "postgres ://concord:s3cret@db/concord" });
    expect(line).not.toContain("s3cret");
  });

  it("checks the store against DATABASE_URL", () => {
    expect(faultsOf({ CONCORD_STORE: "postgres" })).toEqual(["CONCORD_STORE=postgres needs DATABASE_URL (a postgres:// URL)"]);
    expect(faultsOf({ CONCORD_STORE: "memory", DATABASE_URL: "postgres://db/concord" })[0]).toMatch(/CONCORD_STORE=memory contradicts DATABASE_URL/);
    expect(configFromEnv(env({ DATABASE_URL: "postgres://db/concord" })).store).toBe("postgres");
    expect(configFromEnv(env({})).store).toBe("sqlite");
  });

  it("gives every variable its documented default; an empty value is unset", () => {
    const config = configFromEnv(env({ PORT: "", CONCORD_LOG_LEVEL: " " }));
    expect(config).toMatchObject({
      port: 2567,
      host: "0.0.0.0",
      store: "sqlite",
      commandsPerSecond: 20,
      reconnectSeconds: 60,
      createDemo: true,
      logLevel: "info",
      logFormat: "json",
      skipClientBuild: false,
      corsOrigins: [],
      operatorPassword: null,
    });
    expect(config.dataDir).toBe(join(ROOT, "data"));
    expect(configFromEnv(env({ PORT: "0", CONCORD_RECONNECT_SECONDS: "0", CONCORD_DEMO: "0", CONCORD_SKIP_CLIENT_BUILD: "1" }))).toMatchObject({
      port: 0,
      reconnectSeconds: 0,
      createDemo: false,
      skipClientBuild: true,
    });
  });

  it("names CONCORD_ variables nobody reads (a misspelling)", () => {
    expect(unknownConcordVariables(env({ CONCORD_COMMAND_PER_SECOND: "5", CONCORD_DEMO: "0", CONCORD_TEST_REDIS_URL: "x", HOME: "/root" }))).toEqual([
      "CONCORD_COMMAND_PER_SECOND",
    ]);
  });

  it("`npm start` with wrong values exits 1 with one line per fault on stderr and nothing on stdout", () => {
    const run = spawnSync(process.execPath, [join(ROOT, "server", "start.ts")], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        CONCORD_COMMANDS_PER_SECOND: "abc",
        CONCORD_RECONNECT_SECONDS: "-5",
        CONCORD_LOG_LEVEL: "verbose",
        CONCORD_STORE: "postgress",
      },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(4);
    for (const name of ["CONCORD_COMMANDS_PER_SECOND", "CONCORD_RECONNECT_SECONDS", "CONCORD_LOG_LEVEL", "CONCORD_STORE"])
      expect(lines.some((l) => l.startsWith(`concord: ${name} must be `))).toBe(true);
  });
});

describe(".env", () => {
  it("is read when present, under what the environment already says", () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-env-"));
    try {
      const file = join(dir, ".env");
      writeFileSync(file, '# a comment\nCONCORD_COMMANDS_PER_SECOND=50\nPORT=2999\nCONCORD_OPERATOR_PASSWORD="correct horse battery"\n');
      const target = env({ PORT: "3001" });
      expect(loadEnvFile(target, [join(dir, "missing"), file])).toBe(file);
      expect(configFromEnv(target)).toMatchObject({ commandsPerSecond: 50, port: 3001, operatorPassword: "correct horse battery" });
      expect(loadEnvFile(env({}), [join(dir, "missing")])).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the documented variables are the schema's", () => {
  it(".env.example is what the schema generates (npm run env:example) and lists every variable at its default", () => {
    const example = readFileSync(join(ROOT, ".env.example"), "utf8");
    expect(example).toBe(envExampleText());
    for (const v of VARIABLES) expect(example).toContain(`\n# ${v.name}=${v.default}\n`);
  });

  it("docs/OPERATIONS.md's table lists exactly the server's and npm run dev's variables, with their defaults", () => {
    const doc = readFileSync(join(ROOT, "docs", "OPERATIONS.md"), "utf8");
    const table = doc.slice(doc.indexOf("## Configuration"), doc.indexOf("## HTTP headers"));
    const rows = new Map([...table.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]));
    const documented = VARIABLES.filter((v) => v.scope !== "bench");
    expect([...rows.keys()].sort()).toEqual(documented.map((v) => v.name).sort());
    for (const v of documented) expect(rows.get(v.name), v.name).toBe(v.default === "" ? "unset" : `\`${v.default}\``);
  });

  it("bench/README.md names the benchmarks' variables", () => {
    const readme = readFileSync(join(ROOT, "bench", "README.md"), "utf8");
    for (const v of VARIABLES.filter((variable) => variable.scope === "bench")) expect(readme).toContain(`\`${v.name}\``);
  });
});
