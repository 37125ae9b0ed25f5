import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAfterActionReport, renderCsv, renderHtml, renderMarkdown, aarJson } from "../../shared/aar/index.ts";
import { configFromEnv } from "../../server/config.ts";
import { openStore } from "../../server/app.ts";
import { runAar } from "../../server/cli/aar-command.ts";
import { cliLang, takeLangOption } from "../../server/cli/lang.ts";
import { startHarness, type Harness } from "../server/harness.ts";
import { playTiny, tinyScenario } from "./play-tiny.ts";
import { translate } from "../../shared/i18n/format.ts";

const game = playTiny();
const report = buildAfterActionReport(game.initial, game.events, "Tiny AAR");

describe("the after-action report in French", () => {
  const html = renderHtml(report, "fr");

  it("says so in its lang attribute, and its headings are French", () => {
    expect(html).toMatch(/^<!doctype html><html lang="fr">/);
    expect(renderHtml(report, "en")).toMatch(/<html lang="en">/);
    for (const heading of [
      "Retour d’expérience (RETEX)",
      "Présentation",
      "Objectifs de formation",
      "Évolution des indicateurs",
      "Évaluation injection par injection",
      "Chronologie des faits marquants",
      "Plan d’amélioration",
    ])
      expect(html).toContain(heading);
    expect(html).not.toContain("After-action report");
    expect(html).not.toContain("Inject-by-inject");
  });

  it("says what each nation did and the timeline in French, with names", () => {
    expect(html).toContain("a partagé un rapport de renseignement avec Sudland");
    expect(html).toContain("atteint");
    expect(html).toContain("L’exercice a commencé.");
    expect(html).not.toMatch(/shareIntel|deployAsset|undefined/);
  });

  it("writes numbers and dates the French way, in the scenario's zone", () => {
    // Decimal commas in the metrics; the scenario clock as French dates (UTC: the scenario names no zone).
    expect(renderMarkdown(report, "fr")).toMatch(/\| 0 \| 55 \| 65,8 \| 0 \|/);
    expect(renderMarkdown(report, "en")).toMatch(/\| 0 \| 55 \| 65\.8 \| 0 \|/);
    const start = new Intl.DateTimeFormat("fr", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(Date.parse(tinyScenario.startTime));
    expect(html).toContain(start);
    expect(renderHtml(report, "en")).toContain(
      new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(Date.parse(tinyScenario.startTime)),
    );
  });

  it("has French Markdown and CSV, and JSON that stays data with the sentences beside it", () => {
    expect(renderMarkdown(report, "fr")).toContain("## Évaluation injection par injection");
    // The scenario is written in English only: its texts say they are not translated.
    expect(renderMarkdown(report, "fr")).toContain(
      "| Share the sighting with Sudland (non traduit) | Nordmark | atteint | 1 | a partagé un rapport de renseignement avec Sudland |",
    );
    expect(renderCsv(report, "fr").split("\r\n")[0]).toMatch(/^N° d’injection,Titre,/);
    const json = aarJson(report, "fr");
    expect(json.lang).toBe("fr");
    expect(json.timeline[0]).toMatchObject({ msg: { key: expect.stringMatching(/^feed\./) }, text: expect.any(String) });
    expect(json.injects.find((i) => i.inject === "red-sighting")!.expected[0]!.byNation[0]!.action!.text).toBe(
      "a partagé un rapport de renseignement avec Sudland",
    );
  });
});

describe("GET /api/exercises/:id/aar?lang=", () => {
  let h: Harness;
  let ex: Awaited<ReturnType<Harness["createExercise"]>>;
  beforeAll(async () => {
    h = await startHarness();
    ex = await h.createExercise();
  });
  afterAll(async () => h?.shutdown());
  const get = (query: string) => fetch(`${h.url}/api/exercises/${ex.id}/aar?${query}`, { headers: { authorization: `Bearer ${ex.observerCode}` } });

  it("exports the report in French when asked, in English by default", async () => {
    const fr = await get("format=html&lang=fr");
    expect(fr.status).toBe(200);
    expect(fr.headers.get("content-language")).toBe("fr");
    const body = await fr.text();
    expect(body).toContain('<html lang="fr">');
    expect(body).toContain("Retour d’expérience (RETEX)");
    expect(await (await get("format=md")).text()).toContain("# After-action report:");
    expect((await (await get("format=json&lang=fr")).json()).lang).toBe("fr");
  });

  it("refuses a language it does not speak, naming those it does", async () => {
    const res = await get("format=html&lang=de");
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_lang");
    expect(error.message).toBe("The report is not written in that language. It is written in English (lang=en) and Français (lang=fr).");
    // The message travels as a code and parameters too, so a client says it in its reader's language.
    expect(translate("fr", error.msg)).toBe("Le rapport n’est pas rédigé dans cette langue. Il l’est en English (lang=en) et Français (lang=fr).");
  });

  it("names the formats, the CSV-only tables and the table it does not have, in words from the catalogue", async () => {
    const format = await (await get("format=pdf")).json();
    expect(format.error.code).toBe("invalid_format");
    expect(format.error.message).toMatch(/^There is no such format of the report\. It comes as format=html, .*format=csv.*\.$/);
    const tableOutsideCsv = await get("format=md&table=injects");
    expect(tableOutsideCsv.status).toBe(400);
    expect((await tableOutsideCsv.json()).error).toMatchObject({ code: "invalid_format", message: "A single table of the report is downloaded as CSV only." });
    const unknown = await get(`format=csv&table=${encodeURIComponent("x".repeat(60))}`);
    expect(unknown.status).toBe(404);
    const { error } = await unknown.json();
    expect(error.code).toBe("unknown_table");
    expect(error.message).toBe(`The report has no table named “${"x".repeat(40)}”.`);
    expect(translate("fr", error.msg)).toBe(`Le rapport n’a pas de tableau nommé « ${"x".repeat(40)} ».`);
  });

  it("refuses a reader without the record in its own words, as the other routes do", async () => {
    const res = await fetch(`${h.url}/api/exercises/${ex.id}/aar?format=md`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.msg).toBeDefined();
  });
});

describe("concord aar --lang", () => {
  const dir = mkdtempSync(join(tmpdir(), "concord-aar-lang-"));
  const saved = process.env.DATA_DIR;
  beforeAll(async () => {
    process.env.DATA_DIR = dir;
    const store = await openStore(configFromEnv({ DATA_DIR: dir } as NodeJS.ProcessEnv));
    await store.createExercise({
      id: "ex-lang",
      title: "Tiny AAR",
      scenario: tinyScenario,
      seed: 11,
      createdAt: 0,
      facilitatorTokenHash: "0".repeat(64),
      joinCodes: {},
      observerCode: "OBSERVER0000",
    });
    await store.append("ex-lang", game.events);
    await store.close();
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });
  const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    let out = "";
    let err = "";
    const code = await runAar(args, { out: (s) => (out += s), err: (s) => (err += s) }, env);
    return { code, out, err };
  };

  it("writes the report in French with --lang fr, or when LANG is French", async () => {
    const fr = await run(["ex-lang", "--lang", "fr", "--format", "md"]);
    expect(fr.code).toBe(0);
    expect(fr.out).toContain("# Retour d’expérience : Tiny AAR");
    expect((await run(["ex-lang", "--format=md"], { LANG: "fr_FR.UTF-8" })).out).toContain("## Évaluation injection par injection");
    expect((await run(["ex-lang", "--format=md"], { LANG: "fr_FR.UTF-8", LC_ALL: "en_GB.UTF-8" })).out).toContain("## Inject-by-inject evaluation");
    expect((await run(["ex-lang", "--format", "html", "--lang=fr"])).out).toContain('<html lang="fr">');
  });

  it("refuses an unknown language, naming the accepted ones", async () => {
    const de = await run(["ex-lang", "--lang", "de"]);
    expect(de.code).toBe(2);
    expect(de.err).toContain('--lang must be one of en, fr (got "de").');
  });

  it("reads the language the way the CLI does", () => {
    expect(cliLang({ LANG: "fr_CA.UTF-8" })).toBe("fr");
    expect(cliLang({ CONCORD_LANG: "fr", LANG: "en_US" })).toBe("fr");
    expect(cliLang({})).toBe("en");
    expect(takeLangOption(["aar", "--lang", "fr", "x"])).toMatchObject({ args: ["aar", "x"], lang: "fr", error: null });
    expect(takeLangOption(["aar", "--lang=de"])).toMatchObject({ args: ["aar"], lang: null, invalid: "de" });
  });
});
