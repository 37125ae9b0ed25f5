import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { validateScenario, translationWarnings } from "../../shared/scenario/validate.ts";
import { mselToRows, rowsToMsel, mselCsv } from "../../shared/scenario/msel-csv.ts";
import { localText } from "../../shared/i18n/text.ts";
import { publicScenario } from "../../shared/view/public-scenario.ts";
import { scenarioJsonSchema } from "../../server/cli/schema-command.ts";
import { ROOT } from "../../server/config.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp, foldEvents } from "../../shared/engine/evolve.ts";
import { viewFor } from "../../shared/engine/view-for.ts";

const tiny = () => JSON.parse(readFileSync(join(ROOT, "test/server/fixtures/scenarios/tiny.json"), "utf8"));
const shipped = (file: string) => JSON.parse(readFileSync(join(ROOT, "scenarios", file), "utf8"));

describe("texts in several languages: the schema", () => {
  it("parses {en, fr} to the main language in the field and the French in i18n", () => {
    const plain = tiny();
    const both = tiny();
    both.title = { en: plain.title, fr: "Petit exercice" };
    both.msel[0].title = { en: plain.msel[0].title, fr: "Titre en français" };
    const a = ScenarioSpec.parse(plain);
    const b = ScenarioSpec.parse(both);
    expect(b.title).toBe(a.title);
    expect(b.msel[0]!.title).toBe(a.msel[0]!.title);
    expect(b.i18n).toEqual({ fr: { title: "Petit exercice" } });
    expect(b.msel[0]!.i18n).toEqual({ fr: { title: "Titre en français" } });
    expect(localText("fr", b.msel[0]!, "title")).toEqual({ text: "Titre en français", lang: "fr", fallback: false });
    expect(localText("fr", b.msel[0]!, "body")).toMatchObject({ lang: "en", fallback: true });
  });

  it("adds nothing to a scenario written in plain strings, and a parsed scenario parses to itself", () => {
    const a = ScenarioSpec.parse(tiny());
    expect(JSON.stringify(a)).not.toContain("i18n");
    expect("language" in a).toBe(false);
    const flank = ScenarioSpec.parse(shipped("01-northern-flank.json"));
    expect(ScenarioSpec.parse(JSON.parse(JSON.stringify(flank)))).toEqual(flank);
  });

  it("keeps the scenario's main language in the field when it is French", () => {
    const s = tiny();
    s.language = "fr";
    s.languages = ["fr", "en"];
    s.title = { en: "Tiny", fr: "Petit" };
    const parsed = ScenarioSpec.parse(s);
    expect(parsed.title).toBe("Petit");
    expect(parsed.i18n).toEqual({ en: { title: "Tiny" } });
  });

  it("puts learning objectives' translations on the scenario under indexed keys", () => {
    const s = tiny();
    s.learningObjectives = [{ en: "Share intelligence", fr: "Partager le renseignement" }, "Second"];
    const parsed = ScenarioSpec.parse(s);
    expect(parsed.learningObjectives).toEqual(["Share intelligence", "Second"]);
    expect(parsed.i18n).toEqual({ fr: { "learningObjectives[0]": "Partager le renseignement" } });
  });

  it("describes both forms in the JSON Schema", () => {
    const schema = JSON.parse(scenarioJsonSchema());
    const forms = (node: { anyOf?: { type: string; properties?: object }[] }) => node.anyOf?.map((f) => f.type);
    expect(forms(schema.properties.title)).toEqual(["string", "object"]);
    expect(Object.keys(schema.properties.title.anyOf[1].properties)).toEqual(["en", "fr"]);
    expect(forms(schema.properties.msel.items.properties.body)).toEqual(["string", "object"]);
    expect(forms(schema.properties.nations.items.properties.description)).toEqual(["string", "object"]);
    expect(forms(schema.properties.learningObjectives.items)).toEqual(["string", "object"]);
    expect(schema.properties.language.enum).toEqual(["en", "fr"]);
  });
});

describe("texts in several languages: the validator", () => {
  it("refuses a text without the main language, naming the field", () => {
    const s = tiny();
    s.msel[1].title = { fr: "Seulement en français" };
    const result = validateScenario(s);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatchObject([{ path: "msel[1].title", message: 'written in fr but not in the scenario\'s main language "en"' }]);
  });

  it("refuses a language Concord does not speak", () => {
    const s = tiny();
    s.nations[0].name = { en: "Blue", de: "Blau" };
    const result = validateScenario(s);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe("nations[0].name");
  });

  it("warns of each missing translation of a declared language, naming the field; --strict makes them errors", () => {
    const s = tiny();
    s.languages = ["en", "fr"];
    const result = validateScenario(s);
    expect(result.ok).toBe(true);
    const paths = result.warnings.map((w) => w.path);
    expect(paths).toContain("title");
    expect(paths).toContain("learningObjectives[0]");
    expect(paths).toContain("nations[0].name");
    expect(paths).toContain("msel[0].body");
    expect(result.warnings[0]!.message).toContain('no French translation ("fr")');
    const strict = validateScenario(s, { strict: true });
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.errors.map((e) => e.path)).toEqual(paths);
  });

  it("refuses translations into a language the scenario does not list, or into its main language", () => {
    const s = tiny();
    s.title = { en: "Tiny", fr: "Petit" };
    s.regions[0].i18n = { en: { name: "Again" } };
    const result = validateScenario(s);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(["i18n.fr", "regions[0].i18n.en"]);
  });

  it("finds Northern Flank complete in English and French, and the English-only scenarios warn of nothing", () => {
    for (const file of ["01-northern-flank.json", "02-cyclone-response.json", "03-strait-standoff.json"]) {
      const result = validateScenario(shipped(file), { strict: true });
      expect(result.ok, file).toBe(true);
      if (result.ok) expect(translationWarnings(result.scenario)).toEqual([]);
    }
    const flank = ScenarioSpec.parse(shipped("01-northern-flank.json"));
    expect(flank.languages).toEqual(["en", "fr"]);
    expect(flank.i18n?.fr?.["title"]).toBe("Flanc nord\u00a0: ombres sur la mer Boréale");
    expect(flank.nations.every((n) => n.i18n?.fr?.name && n.i18n.fr.description)).toBe(true);
    expect(flank.msel.every((i) => i.i18n?.fr?.title && i.i18n.fr.body && i.expectedActions.every((e) => e.i18n?.fr?.description))).toBe(true);
  });
});

describe("texts in several languages: the MSEL spreadsheet", () => {
  const flank = ScenarioSpec.parse(shipped("01-northern-flank.json"));
  const sheet = (csv: string): Record<string, string>[] => parse(csv, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });

  it("gives each text a French column beside it and round-trips the translations through the CSV", () => {
    const csv = mselCsv(mselToRows(flank));
    const header = csv.split("\r\n")[0]!.split(",");
    expect(header.slice(3, 5)).toEqual(["From", "From (fr)"]);
    expect(header).toContain("Title (fr)");
    expect(header).toContain("Message (fr)");
    expect(header.indexOf("Expected Player Action (fr)")).toBe(header.indexOf("Expected Player Action") + 1);
    expect(rowsToMsel(sheet(csv), flank)).toEqual({ ok: true, msel: flank.msel });
  });

  it("takes a translator's edit from the French column", () => {
    const rows = sheet(mselCsv(mselToRows(flank)));
    const row = rows.find((r) => r["ID"] === "cable-cut")!;
    row["Title (fr)"] = "Câbles sectionnés près de Holm";
    row["Expected Player Action (fr)"] = ["Déployer un groupe de réparation", "", "Partager"].join("\n");
    const back = rowsToMsel(rows, flank);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const inject = back.msel.find((i) => i.id === "cable-cut")!;
    expect(inject.title).toBe("Two undersea data and power cables cut near Holm Island");
    expect(inject.i18n?.fr?.title).toBe("Câbles sectionnés près de Holm");
    expect(inject.expectedActions.map((e) => e.i18n?.fr?.description)).toEqual(["Déployer un groupe de réparation", undefined, "Partager"]);
  });

  it("imports a sheet without language columns (main language only) and exports an English-only scenario as before", () => {
    const rows = sheet(mselCsv(mselToRows(flank))).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.endsWith("(fr)"))));
    const back = rowsToMsel(rows, flank);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.msel.map((i) => i.title)).toEqual(flank.msel.map((i) => i.title));
    const cyclone = ScenarioSpec.parse(shipped("02-cyclone-response.json"));
    expect(mselCsv(mselToRows(cyclone)).split("\r\n")[0]).not.toContain("(fr)");
  });
});

describe("texts in several languages: what participants receive", () => {
  it("carries the public texts' translations, and no MSEL or objective texts", () => {
    const view = publicScenario(ScenarioSpec.parse(shipped("01-northern-flank.json")));
    expect(view.language).toBe("en");
    expect(view.languages).toEqual(["en", "fr"]);
    expect(view.i18n?.fr?.["briefing"]).toMatch(/^Nous sommes en mars/);
    expect(view.nations.find((n) => n.id === "sarnia")!.i18n?.fr?.name).toBe("République sarnienne");
    expect(view.regions.find((r) => r.id === "lakeland")!.i18n?.fr?.name).toBe("Pays des Lacs");
    expect(view.assetTypes.find((t) => t.id === "field-hospital")!.i18n?.fr?.name).toBe("Hôpital de campagne");
    const wire = JSON.stringify(view);
    expect(wire).not.toContain("Sever Star");
    expect(wire).not.toContain("Attribution");
    expect(JSON.stringify(publicScenario(ScenarioSpec.parse(tiny())))).not.toContain("i18n");
  });
});

describe("texts in several languages: an inject's translations in the views", () => {
  it("reach its addressees for what they read, and the white cell for everything", () => {
    const scenario = ScenarioSpec.parse(shipped("01-northern-flank.json"));
    let state = initialState(scenario, "ex-lang", 1);
    const decision = decide(state, { type: "startExercise" }, { role: "facilitator", name: "Control" }, 1_000);
    if ("rejected" in decision) throw new Error(decision.rejected.message);
    state = foldEvents(state, stamp(state, decision.events, 1_000));
    const released = Object.values(state.injects).find((i) => i.status === "released")!;
    const nation = released.spec.to === "all" ? "sarnia" : released.spec.to[0]!;
    const seen = viewFor(state, { kind: "nation", nation }).injects[released.id]!;
    expect(seen.i18n?.fr?.title).toBe(released.spec.i18n?.fr?.title);
    expect(seen.i18n?.fr?.body).toBeTruthy();
    expect(seen.i18n?.fr?.objective).toBeUndefined();
    expect(viewFor(state, { kind: "white" }).injects[released.id]!.i18n?.fr?.objective).toBe(released.spec.i18n?.fr?.objective);
  });
});
