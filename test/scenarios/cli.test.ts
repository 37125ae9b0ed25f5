import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../server/config.ts";
import { SqliteFile } from "../../server/store/sqlite-file.ts";

/** Runs the CLI as a user would: `npx concord …` through bin/concord.mjs. */
function concord(args: string[], env: Record<string, string> = {}) {
  // English unless a test asks for another language: the machine's locale must not decide.
  const locale = { LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "", CONCORD_LANG: "" };
  const result = spawnSync(process.execPath, [join(ROOT, "bin", "concord.mjs"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...locale, ...env },
  });
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
      "Inject No.,Turn,Scenario Time,From,From (fr),To,Type,Delivery,Title,Title (fr),Message,Message (fr),Expected Player Action,Expected Player Action (fr),Objective,Objective (fr),Capability,Capability (fr),Critical Tasks,Controller,Notes,Trigger,Status,Released Turn,Released At,ID,Effects (JSON),Expected Actions (JSON),Trigger Condition (JSON)",
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

  it("speaks French with --lang fr or LANG=fr_FR.UTF-8, English by default, the paths as they are", () => {
    const s = JSON.parse(readFileSync(join(ROOT, "scenarios", "03-strait-standoff.json"), "utf8"));
    s.assets[0].region = "mars";
    s.relations.push({ ...s.relations[0], b: s.relations[0].a });
    const file = join(tmp, "broken-fr.json");
    writeFileSync(file, JSON.stringify(s));
    const english = concord(["validate", file]);
    expect(english.code).toBe(1);
    expect(english.err).toContain(`${file}: assets[0].region: unknown region "mars"`);
    expect(english.err).toMatch(/FAIL .*: \d+ problems/);
    for (const french of [
      concord(["--lang", "fr", "validate", file]),
      concord(["validate", file, "--lang=fr"]),
      concord(["validate", file], { LANG: "fr_FR.UTF-8" }),
    ]) {
      expect(french.code).toBe(1);
      expect(french.err).toContain(`${file} : assets[0].region : zone inconnue : « mars »`);
      expect(french.err).toMatch(/relations\[\d+\] : une relation lie deux nations différentes/);
      expect(french.err).toMatch(/ÉCHEC .* : \d+ problèmes/);
      expect(french.err).not.toMatch(/unknown|problems/);
    }
    const ok = concord(["validate", join(ROOT, "scenarios", "01-northern-flank.json")], { LC_ALL: "fr_FR.UTF-8" });
    expect(ok.out).toMatch(/^OK {2}.*01-northern-flank\.json : Flanc nord.* — 5 nations, 23 zones, 46 injections, 10 tours, en anglais et français\n$/);
  });

  it("prints the help in English and in French, and names a wrong flag or language", () => {
    const en = concord(["help"]);
    expect(en.code).toBe(0);
    expect(en.out).toContain("the command line for scenario authors, trainers and operators");
    expect(en.out).toContain("concord doctor [--repair] [--data-dir <dir>]\n  Checks the SQLite store");
    const fr = concord(["--help", "--lang", "fr"]);
    expect(fr.code).toBe(0);
    expect(fr.out).toContain("la ligne de commande des concepteurs de scénarios");
    expect(fr.out).toContain("concord validate <scenario.json | folder> [more…] [--strict]\n  Vérifie la forme");
    expect(fr.out).not.toContain("Checks");
    const unknown = concord(["frobnicate"], { LANG: "fr_FR.UTF-8" });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("commande inconnue « frobnicate »");
    const flag = concord(["doctor", "--fast", "--lang", "fr"]);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("concord doctor : argument inconnu « --fast ».");
    const flagEn = concord(["validate", "--quick", "x.json"]);
    expect(flagEn.err).toContain('concord validate: unknown argument "--quick".');
    const lang = concord(["validate", "--lang", "de", "x.json"]);
    expect(lang.code).toBe(2);
    expect(lang.err).toContain('--lang must be one of en, fr (got "de")');
  });

  it("runs the doctor in French on a healthy data directory", async () => {
    const dir = join(tmp, "healthy");
    await new SqliteFile(join(dir, "concord.db")).close();
    const fr = concord(["doctor", "--lang", "fr"], { DATA_DIR: dir });
    expect(fr.code).toBe(0);
    expect(fr.out).toContain(`Répertoire des données : ${dir}`);
    expect(fr.out).toContain("Verrou : aucun serveur ne détient ce répertoire des données.");
    expect(fr.out).toContain("Contrôle d’intégrité de SQLite : correct.");
    expect(fr.out).toContain("Contenu : 0 exercice, 0 événement, 0 place.");
    expect(fr.out).toMatch(/Sain\.\n$/);
    const en = concord(["doctor"], { DATA_DIR: dir });
    expect(en.out).toContain("Contents: 0 exercises, 0 events, 0 seats.");
    expect(en.out).toMatch(/Healthy\.\n$/);
  });

  it("exports an after-action report from the store", () => {
    const r = concord(["aar", "ex-nope", "--format", "md"], { DATA_DIR: join(tmp, "data") });
    expect(r.code).toBe(1);
    expect(r.err).toContain('there is no exercise "ex-nope"');
    rmSync(tmp, { recursive: true, force: true });
  });
});
