import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../server/config.ts";
import type { Io } from "../../server/cli/io.ts";
import { runAar } from "../../server/cli/aar-command.ts";
import { runDoctor } from "../../server/cli/doctor-command.ts";
import { runBackup } from "../../server/cli/backup-command.ts";
import { runSchema } from "../../server/cli/schema-command.ts";
import { runValidate } from "../../server/cli/validate-command.ts";
import { runMsel } from "../../server/cli/msel-command.ts";
import { runPlaytest } from "../../server/cli/playtest-command.ts";

const ENGLISH = { LANG: "C.UTF-8" } as NodeJS.ProcessEnv;
const SCENARIO = join(ROOT, "test", "server", "fixtures", "scenarios", "tiny.json");

async function run(command: (argv: string[], io: Io, env: NodeJS.ProcessEnv) => Promise<number>, argv: string[], env = ENGLISH) {
  let out = "";
  let err = "";
  const code = await command(argv, { out: (s) => (out += s), err: (s) => (err += s) }, env);
  return { code, out, err };
}

describe("every CLI command refuses what it does not know (parseArgs, strict)", () => {
  it("`concord aar <id> --formt md` is an error, not an HTML report", async () => {
    const r = await run(runAar, ["ex-1", "--formt", "md"]);
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toContain('concord aar: unknown argument "--formt".');
    expect(r.err).toContain("concord aar <exercise-id>");
  });

  it.each([
    ["aar", runAar, ["ex-1", "--format"], "concord aar: --format needs a value."],
    ["aar", runAar, ["ex-1", "--out", "--format", "md"], "concord aar: --out needs a value."],
    ["aar", runAar, ["ex-1", "ex-2"], 'concord aar: unexpected argument "ex-2".'],
    ["doctor", runDoctor, ["--repair=yes"], "concord doctor: --repair takes no value."],
    ["doctor", runDoctor, ["--data-dir"], "concord doctor: --data-dir needs a value."],
    ["doctor", runDoctor, ["/srv/data"], 'concord doctor: unexpected argument "/srv/data".'],
    ["backup", runBackup, ["--outt", "x.db"], 'concord backup: unknown argument "--outt".'],
    ["backup", runBackup, ["-x"], 'concord backup: unknown argument "-x".'],
    ["schema", runSchema, ["extra"], 'concord schema: unexpected argument "extra".'],
    ["validate", runValidate, ["--strct", SCENARIO], 'concord validate: unknown argument "--strct".'],
    ["validate", runValidate, ["-s", SCENARIO], 'concord validate: unknown argument "-s".'],
    ["msel", runMsel, ["export", SCENARIO, "--out", "x.csv"], 'concord msel export: unexpected argument "--out".'],
    ["msel", runMsel, ["import", SCENARIO, "x.csv", "--bogus"], 'concord msel: unknown argument "--bogus".'],
    ["msel", runMsel, ["import", SCENARIO, "x.csv", "extra"], 'concord msel: unexpected argument "extra".'],
    ["playtest", runPlaytest, ["--seed", "3", SCENARIO], 'concord playtest: unknown argument "--seed".'],
    ["playtest", runPlaytest, [SCENARIO, "--seeds"], "concord playtest: --seeds needs a value."],
  ] as const)("%s %j", async (_name, command, argv, said) => {
    const r = await run(command as never, [...argv]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.split("\n")[0]).toBe(said);
  });

  it("says it in French with --lang fr", async () => {
    const r = await run(runAar, ["ex-1", "--formt", "md", "--lang", "fr"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("concord aar : argument inconnu « --formt ».");
  });

  it("still takes every documented flag, and --help", async () => {
    expect((await run(runValidate, ["--strict", SCENARIO])).code).toBe(0);
    expect((await run(runMsel, ["export", SCENARIO])).code).toBe(0);
    const help = await run(runDoctor, ["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("concord doctor [--repair] [--data-dir <dir>]");
  });

  it("through `npx concord` too (exit code 2)", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "concord.mjs"), "aar", "ex-1", "--formt", "md"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "", CONCORD_LANG: "" },
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('concord aar: unknown argument "--formt".');
  });
});

describe("the benchmark runners refuse unknown flags before measuring anything", () => {
  const bench = (file: string, args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, "bench", file), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "", CONCORD_LANG: "" },
      timeout: 30_000,
    });

  it.each([
    ["run.ts", ["--quik"], 'unknown argument "--quik"'],
    ["run.ts", ["--only", "netwrk"], "--only must be replay, history, ops, rooms, playtest, network, flood, client, scale, capacity, not “netwrk”"],
    ["run.ts", ["--processes", "3"], "--processes must be a whole number from 1 to 2"],
    ["soak.ts", ["--minutes", "0.5"], "--minutes must be a whole number from 1 to 1440"],
    ["soak.ts", ["--minuts", "2"], 'unknown argument "--minuts"'],
  ])("%s %j", (file, args, said) => {
    const r = bench(file, args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stdout).not.toMatch(/bench: \w+…|soak: 35 seats/);
  });
});
