import { describe, it, expect } from "vitest";
import { Effect } from "../../shared/scenario/effects.ts";
import { Condition } from "../../shared/scenario/conditions.ts";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ExpectedAction, InjectSpec, ScenarioSpec } from "../../shared/scenario/schema.ts";
import { EFFECT_KINDS, effectFrom, effectValues } from "../../client/src/facilitator/effect-kinds.ts";
import { CLAUSE_KINDS, clauseFrom, clauseValues, conditionFrom, conditionShape, type Clause } from "../../client/src/facilitator/condition-shape.ts";
import {
  expectedFrom,
  expectedValues,
  fieldPlaces,
  translationLanguages,
  translationValues,
  translationsFrom,
} from "../../client/src/facilitator/inject-values.ts";

/** One effect of every kind, as the server hands them to the editor (parsed: defaults filled in). */
const EFFECTS = [
  { kind: "stability", region: "lakeland", delta: -10 },
  { kind: "crisis", region: "lakeland", crisisKind: "flood", severity: 60 },
  { kind: "crisisSeverity", region: "lakeland", delta: 5 },
  { kind: "assetStatus", asset: "frigate", status: "degraded" },
  { kind: "assetStrength", asset: "frigate", delta: -25 },
  { kind: "trust", a: "north", b: "south", delta: -5 },
  { kind: "interoperability", a: "north", b: "south", delta: 3 },
  { kind: "budget", nation: "north", delta: -2500 },
  { kind: "politicalCapital", nation: "north", delta: -8 },
  { kind: "readiness", nation: "south", delta: 4.5 },
  { kind: "tension", delta: 15 },
  {
    kind: "grantIntel",
    to: ["north", "south"],
    report: {
      title: "Warship sighting",
      text: "Seen leaving the gulf.",
      reliability: "B",
      credibility: "2",
      assets: ["frigate"],
      regions: ["sea"],
      claims: [{ asset: "frigate", region: "sea" }],
      releasability: { scope: "alliance", nations: ["east"], reshare: true },
      i18n: { fr: { title: "Navire signalé" } },
    },
  },
].map((e) => Effect.parse(e));

describe("the MSEL editor's effect rows", () => {
  it("offers every kind of the schema's Effect union", () => {
    expect(EFFECT_KINDS.map((k) => k.kind).sort()).toEqual(Effect.options.map((o) => o.shape.kind.value).sort());
    expect(EFFECTS.map((e) => e.kind).sort()).toEqual(EFFECT_KINDS.map((k) => k.kind).sort());
  });

  for (const effect of EFFECTS)
    it(`gives back a ${effect.kind} effect unchanged`, () => {
      expect(effectFrom(effect.kind, effectValues(effect), effect)).toEqual(effect);
      expect(Effect.parse(effectFrom(effect.kind, effectValues(effect)))).toMatchObject(effect.kind === "grantIntel" ? { kind: "grantIntel" } : effect);
    });

  it("names the field left empty or out of range", () => {
    expect(effectFrom("stability", { region: "", delta: "5" })).toEqual({ problem: "missing", field: "region" });
    expect(effectFrom("budget", { nation: "north", delta: "20000" })).toEqual({ problem: "range", field: "delta", min: -10000, max: 10000 });
    expect(effectFrom("grantIntel", { to: [], title: "t", text: "x", reliability: "C", credibility: "3", classification: "SECRET" })).toMatchObject({
      field: "to",
    });
  });

  it("a report written in the form: the default source and releasability are left to the schema", () => {
    const effect = effectFrom("grantIntel", {
      to: ["north"],
      title: "Sighting",
      text: "A ship.",
      source: "",
      reliability: "C",
      credibility: "3",
      classification: "RESTRICTED",
      regions: [],
      releasability: "",
    });
    expect(effect).toEqual({
      kind: "grantIntel",
      to: ["north"],
      report: { title: "Sighting", text: "A ship.", reliability: "C", credibility: "3", classification: "RESTRICTED", regions: [] },
    });
  });
});

const base = [
  { kind: "injectReleased", inject: "landfall", afterTurns: 1 },
  { kind: "turnReached", turn: 3 },
  { kind: "turn", op: "<=", value: 4 },
  { kind: "regionStability", region: "lakeland", op: "<", value: 40 },
  { kind: "crisisSeverity", region: "lakeland", op: ">=", value: 60 },
  { kind: "worstCrisis", op: ">", value: 70 },
  { kind: "trust", a: "north", b: "south", op: "<", value: 30 },
  { kind: "interoperability", a: "north", b: "south", op: ">=", value: 50 },
  { kind: "cohesion", op: "<", value: 45 },
  { kind: "readiness", nation: "north", op: "==", value: 80 },
  { kind: "tension", op: ">=", value: 75 },
  { kind: "assetInRegion", region: "lakeland", category: "cyber", owner: "north" },
  { kind: "assetInRegion", region: "sea", asset: "frigate", withinTurnsOfInject: { inject: "landfall", turns: 2 } },
  { kind: "forcesInRegion", region: "sea", side: "adversary", op: ">=", count: 2 },
  { kind: "agreementInForce", agreementKind: "sofa", parties: ["north", "south"] },
].map((c) => Condition.parse(c));

describe("the condition builder", () => {
  it("offers every simple condition of the schema", () => {
    expect(CLAUSE_KINDS.map((k) => k.kind).sort()).toEqual([...new Set(base.map((c) => c.kind))].sort());
  });

  for (const condition of base)
    it(`gives back a ${condition.kind} condition unchanged`, () => {
      const shape = conditionShape(condition)!;
      expect(shape).toEqual({ join: "single", clauses: [{ negated: false, condition }] });
      const [clause] = shape.clauses as [Clause];
      expect(clauseFrom(clause.condition.kind, clauseValues(clause.condition), clause.condition)).toEqual(condition);
      expect(clauseFrom(clause.condition.kind, clauseValues(clause.condition))).toEqual(condition);
      expect(conditionFrom(shape)).toEqual(condition);
    });

  const groups: [string, unknown][] = [
    ["not", { kind: "not", condition: base[11] }],
    ["all with a not", { kind: "all", of: [base[0], { kind: "not", condition: base[11] }] }],
    ["any", { kind: "any", of: [base[3], base[4], base[8]] }],
    ["all of one", { kind: "all", of: [base[1]] }],
  ];
  for (const [name, raw] of groups)
    it(`gives back "${name}" unchanged`, () => {
      const condition = Condition.parse(raw);
      const shape = conditionShape(condition);
      expect(shape).not.toBeNull();
      expect(conditionFrom(shape!)).toEqual(condition);
    });

  it("leaves groups within groups to the JSON", () => {
    expect(conditionShape(Condition.parse({ kind: "not", condition: { kind: "any", of: [base[1], base[2]] } }))).toBeNull();
    expect(conditionShape(Condition.parse({ kind: "all", of: [base[1], { kind: "any", of: [base[2]] }] }))).toBeNull();
  });

  it("names a missing field and a number out of range", () => {
    expect(clauseFrom("regionStability", { region: "", op: "<", value: "4" })).toEqual({ problem: "missing", field: "region" });
    expect(clauseFrom("turnReached", { turn: "2.5" })).toMatchObject({ problem: "range", field: "turn" });
    expect(clauseFrom("agreementInForce", { agreementKind: "mou", parties: ["north"] })).toMatchObject({ problem: "missing", field: "parties" });
  });

  it("drops the time limit of an asset in a region when its inject is cleared", () => {
    const values = { ...clauseValues(base[12] as never), withinInject: "", withinTurns: "" };
    expect(clauseFrom("assetInRegion", values, base[12] as never)).toEqual({ kind: "assetInRegion", region: "sea", asset: "frigate" });
  });
});

describe("expected actions and translations", () => {
  const action = ExpectedAction.parse({
    description: "Send a frigate",
    command: "deployAsset",
    nations: ["north"],
    region: "sea",
    withinTurns: 2,
    task: "task-1",
    outcome: { kind: "assetOnMission", category: "naval", region: "sea" },
    i18n: { fr: { description: "Envoyer une frégate" } },
  });

  it("gives back an expected action unchanged, its outcome and translations kept", () => {
    expect(expectedFrom(expectedValues(action), action)).toEqual(action);
  });

  it("clears what the form clears", () => {
    const values = { ...expectedValues(action), region: "", nations: [], task: "" };
    const { region: _r, nations: _n, task: _t, ...rest } = action;
    expect(expectedFrom(values, action)).toEqual(rest);
    expect(expectedFrom({ ...values, withinTurns: "21" })).toEqual({ problem: "range", field: "withinTurns" });
  });

  it("gives back the translations unchanged, and none when all are empty", () => {
    const i18n = InjectSpec.shape.i18n.parse({ fr: { title: "Alerte", body: "Texte", capability: "Logistique" } });
    const langs = translationLanguages("en", ["en", "fr"], i18n);
    expect(langs).toEqual(["fr"]);
    expect(translationsFrom(translationValues(i18n, langs))).toEqual(i18n);
    expect(translationsFrom(translationValues(undefined, langs))).toBeUndefined();
    expect(translationLanguages("en", ["en", "fr"], { en: { title: "x" } })).toEqual(["en", "fr"]);
    // A language the scenario does not declare is not offered (the validator would refuse it).
    expect(translationLanguages("en", ["en"], undefined)).toEqual([]);
  });

  it("places a fault at its field, then its row, then its list", () => {
    expect(fieldPlaces("effects[1].report.title")).toEqual(["effects[1].report.title", "effects[1].report", "effects[1]", "effects"]);
    expect(fieldPlaces("trigger.condition.of[0].region")).toEqual([
      "trigger.condition.of[0].region",
      "trigger.condition.of[0]",
      "trigger.condition.of",
      "trigger.condition",
      "trigger",
    ]);
    expect(fieldPlaces("title")).toEqual(["title"]);
    expect(fieldPlaces("2.01 trigger.condition.inject")).toEqual([]);
  });
});

describe("every shipped inject through the forms' conversions", () => {
  for (const file of readdirSync(join(process.cwd(), "scenarios")).filter((f) => /^\d.*\.json$/.test(f))) {
    const scenario = ScenarioSpec.parse(JSON.parse(readFileSync(join(process.cwd(), "scenarios", file), "utf8")));
    it(`${file}: effects, expected actions, conditions and translations come back unchanged`, () => {
      for (const inject of scenario.msel) {
        for (const effect of inject.effects) expect(effectFrom(effect.kind, effectValues(effect), effect), inject.number).toEqual(effect);
        for (const action of inject.expectedActions) expect(expectedFrom(expectedValues(action), action), inject.number).toEqual(action);
        const langs = translationLanguages(scenario.language ?? "en", scenario.languages ?? [], inject.i18n);
        expect(translationsFrom(translationValues(inject.i18n, langs)), inject.number).toEqual(inject.i18n);
        if (inject.trigger.kind !== "conditional") continue;
        const shape = conditionShape(inject.trigger.condition);
        if (!shape) continue;
        const clauses = shape.clauses.map((c) => ({ ...c, condition: clauseFrom(c.condition.kind, clauseValues(c.condition)) as typeof c.condition }));
        expect(conditionFrom({ ...shape, clauses }), inject.number).toEqual(inject.trigger.condition);
      }
    });
  }
});
