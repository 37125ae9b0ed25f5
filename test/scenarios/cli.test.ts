import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../server/config.ts";

/** Runs the CLI as a user would: `npx concord …` through bin/concord.mjs. */
function concord(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, "bin", "concord.mjs"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("concord CLI", () => {
  const tmp = mkdtempSync(join(tmpdir(), "concord-cli-"));

  it("validates the shipped scenarios", () => {
    const r = concord(["validate", "scenarios"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/OK {2}scenarios\/01-northern-flank.json: Northern Flank/);
  });

  it("warns of a missing translation, and fails on it with --strict", () => {
    const s = JSON.parse(readFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), "utf8"));
    s.msel[4].title = s.msel[4].title.en;
    const file = join(tmp, "untranslated.json");
    writeFileSync(file, JSON.stringify(s));
    const r = concord(["validate", file]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`WARN ${file}: msel[4].title: no French translation ("fr")`);
    expect(r.out).toContain("(1 missing translation)");
    const strict = concord(["validate", "--strict", file]);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain(`${file}: msel[4].title: no French translation`);
  });

  it("lists every problem of a broken file and exits 1", () => {
    const s = JSON.parse(readFileSync(join(ROOT, "scenarios", "03-strait-standoff.json"), "utf8"));
    s.assets[0].region = "mars";
    s.msel[2].expectedActions[0].command = "launchMissiles";
    const file = join(tmp, "broken.json");
    writeFileSync(file, JSON.stringify(s));
    const r = concord(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: assets[0].region: unknown region "mars"`);
    expect(r.err).toContain(`${file}: msel[2].expectedActions[0].command: "launchMissiles" is not a command teams can take`);
    expect(r.err).toContain("FAIL");
  });

  it("names the file and line of invalid JSON, and a missing file", () => {
    const file = join(tmp, "bad.json");
    writeFileSync(file, '{\n  "id": "x",\n  oops\n}');
    const r = concord(["validate", file, join(tmp, "missing.json")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.json: \(file\): not valid JSON \(line 3\)/);
    expect(r.err).toMatch(/missing\.json: \(file\): cannot read the file: it does not exist/);
  });

  it("exports the MSEL as CSV and imports an edited sheet back", () => {
    const scenario = join(tmp, "flank.json");
    copyFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), scenario);
    const exported = concord(["msel", "export", scenario]);
    expect(exported.code).toBe(0);
    expect(exported.out.split("\r\n")[0]).toBe(
      "Inject No.,Turn,Scenario Time,From,From (fr),To,Type,Delivery,Title,Title (fr),Message,Message (fr),Expected Player Action,Expected Player Action (fr),Objective,Objective (fr),Capability,Capability (fr),Trigger,Status,ID,Effects (JSON),Expected Actions (JSON),Trigger Condition (JSON)",
    );
    const csv = join(tmp, "msel.csv");
    writeFileSync(
      csv,
      exported.out
        .replace("Two undersea data and power cables cut near Holm Island", "Undersea cables cut near Holm Island (edited)")
        .replace("Deux câbles sous-marins de données et d'énergie sectionnés près de l'île de Holm", "Câbles sous-marins sectionnés près de Holm (modifié)"),
    );
    const out = join(tmp, "flank-edited.json");
    const imported = concord(["msel", "import", scenario, csv, "--out", out]);
    expect(imported.code).toBe(0);
    const edited = JSON.parse(readFileSync(out, "utf8"));
    expect(edited.msel.find((i: any) => i.id === "cable-cut").title).toBe("Undersea cables cut near Holm Island (edited)");
    expect(edited.msel.find((i: any) => i.id === "cable-cut").i18n.fr.title).toBe("Câbles sous-marins sectionnés près de Holm (modifié)");
    expect(concord(["validate", out]).code).toBe(0);
  });

  it("refuses a sheet with a bad row and writes nothing", () => {
    const scenario = join(tmp, "flank2.json");
    copyFileSync(join(ROOT, "scenarios", "01-northern-flank.json"), scenario);
    const before = readFileSync(scenario, "utf8");
    const lines = concord(["msel", "export", scenario]).out.split("\r\n");
    lines[1] = lines[1]!.replace(",media,", ",gossip,");
    const csv = join(tmp, "bad.csv");
    writeFileSync(csv, lines.join("\r\n"));
    const r = concord(["msel", "import", scenario, csv]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/row 2, column "Type"/);
    expect(readFileSync(scenario, "utf8")).toBe(before);
  });

  it("prints the usage for an unknown command", () => {
    const r = concord(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
  });

  it("exports an after-action report from the store", () => {
    const r = concord(["aar", "ex-nope", "--format", "md"], { DATA_DIR: join(tmp, "data") });
    expect(r.code).toBe(1);
    expect(r.err).toContain('there is no exercise "ex-nope"');
    rmSync(tmp, { recursive: true, force: true });
  });
});
