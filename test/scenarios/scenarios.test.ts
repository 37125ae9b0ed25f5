import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { validateScenario } from "../../shared/scenario/validate.ts";
import { mselToRows, rowsToMsel } from "../../shared/scenario/msel-csv.ts";
import { scenarioJsonSchema } from "../../server/cli/schema-command.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { decide } from "../../shared/engine/decide.ts";
import { stamp, foldEvents } from "../../shared/engine/evolve.ts";
import { ROOT } from "../../server/config.ts";
import type { ScenarioSpec } from "../../shared/scenario/schema.ts";

const dir = join(ROOT, "scenarios");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
  .sort();
const raw = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8"));
const load = (file: string) => {
  const result = validateScenario(raw(file));
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.errors)}`);
  return result.scenario;
};

describe("shipped scenarios", () => {
  it("ships the three exercises", () => {
    expect(files).toEqual(["01-northern-flank.json", "02-cyclone-response.json", "03-strait-standoff.json"]);
  });

  for (const file of files) {
    describe(file, () => {
      const scenario = load(file);
      it("is a real exercise: 8–12 turns, 4–6 nations, 20+ regions, 15+ injects with effects and expected actions", () => {
        expect(scenario.turns).toBeGreaterThanOrEqual(8);
        expect(scenario.turns).toBeLessThanOrEqual(12);
        expect(scenario.nations.length).toBeGreaterThanOrEqual(4);
        expect(scenario.nations.length).toBeLessThanOrEqual(6);
        expect(scenario.regions.length).toBeGreaterThanOrEqual(20);
        expect(scenario.msel.length).toBeGreaterThanOrEqual(15);
        expect(scenario.msel.filter((i) => i.effects.length > 0).length).toBeGreaterThanOrEqual(10);
        expect(scenario.msel.every((i) => i.expectedActions.length > 0)).toBe(true);
        expect(new Set(scenario.msel.map((i) => i.type))).toEqual(new Set(["event", "information", "media", "contingency"]));
        expect(new Set(scenario.msel.map((i) => i.trigger.kind))).toEqual(new Set(["scheduled", "manual", "conditional"]));
      });

      it("round-trips its MSEL through the spreadsheet rows without loss", () => {
        const back = rowsToMsel(mselToRows(scenario));
        expect(back).toEqual({ ok: true, msel: scenario.msel });
      });

      it("plays to the end through the engine with every team committing each turn", () => {
        const final = playToEnd(scenario);
        expect(final.phase).toBe("ended");
        expect(final.turn).toBe(scenario.turns);
        const released = Object.values(final.injects).filter((i) => i.status === "released").length;
        expect(released).toBeGreaterThanOrEqual(scenario.msel.filter((i) => i.trigger.kind === "scheduled").length);
      });
    });
  }
});

function playToEnd(scenario: ScenarioSpec) {
  let state = initialState(scenario, "ex-test", 42);
  let now = 1_000;
  const run = (command: any, actor: any) => {
    const decision = decide(state, command, actor, (now += 1000));
    if ("rejected" in decision) throw new Error(`${command.type}: ${decision.rejected.message}`);
    state = foldEvents(state, stamp(state, decision.events, now));
  };
  run({ type: "startExercise" }, { role: "facilitator", name: "Control" });
  const playable = scenario.nations.filter((n) => n.playable).map((n) => n.id);
  // Each team sends one asset towards the first crisis it can reach, as a minimal sensible play.
  for (const nation of playable) {
    const crisis = Object.values(state.regions).find((r) => r.crisis);
    const asset = Object.values(state.assets).find((a) => a.owner === nation);
    if (crisis && asset) {
      const type = scenario.assetTypes.find((t) => t.id === asset.type)!;
      const decision = decide(
        state,
        { type: "draftOrder", order: { kind: "deployAsset", asset: asset.id, destination: crisis.id, mission: type.missions[0]! } },
        { role: "participant", nation, name: nation },
        now,
      );
      if ("events" in decision) state = foldEvents(state, stamp(state, decision.events, now));
    }
  }
  for (const inject of scenario.msel.filter((i) => i.trigger.kind === "manual"))
    run({ type: "releaseInject", inject: inject.id }, { role: "facilitator", name: "Control" });
  while (state.phase !== "ended") for (const nation of playable) run({ type: "commitTurn", turn: state.turn }, { role: "participant", nation, name: nation });
  return state;
}

describe("scenario JSON Schema", () => {
  it("is in sync with the zod schema (run `npm run schema:scenario` after changing it)", () => {
    expect(readFileSync(join(dir, "scenario.schema.json"), "utf8")).toBe(scenarioJsonSchema());
  });
});

describe("validator on a broken scenario", () => {
  it("reports every fault at once, each at its path", () => {
    const broken = raw("01-northern-flank.json");
    broken.nations[1].color = "orange"; // 1 schema fault
    broken.regions[0].adjacent.push("atlantis"); // unknown region
    broken.regions[3].adjacent = broken.regions[3].adjacent.filter((id: string) => id !== "boreal-sea"); // asymmetric
    broken.assets[0].owner = "narnia"; // unknown owner
    broken.msel[0].to = ["sarnia", "utopia"]; // unknown addressee
    broken.msel[1].trigger = { kind: "scheduled", turn: 40 }; // after the last turn
    broken.objectives[0].condition = { kind: "regionStability", region: "nowhere", op: ">=", value: 50 };
    const schemaOnly = validateScenario(broken);
    expect(schemaOnly.ok).toBe(false);
    if (!schemaOnly.ok) expect(schemaOnly.errors).toMatchObject([{ path: "nations[1].color", message: "colours are #rrggbb" }]);

    broken.nations[1].color = "#e69f00";
    const result = validateScenario(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toContain("regions[0].adjacent[5]");
    expect(paths).toContain("assets[0].owner");
    expect(paths).toContain("msel[0].to[1]");
    expect(paths).toContain("msel[1].trigger.turn");
    expect(paths).toContain("objectives[0].condition.region");
    expect(result.errors.find((e) => e.message.includes("does not list"))!.message).toMatch(
      /"boreal-sea" lists "westmark-deep" but "westmark-deep" does not list "boreal-sea"/,
    );
  });

  it("finds a map that falls apart", () => {
    const broken = raw("01-northern-flank.json");
    const lonely = broken.regions.find((r: { id: string }) => r.id === "valdor");
    for (const r of broken.regions) r.adjacent = r.adjacent.filter((id: string) => id !== "valdor");
    lonely.adjacent = ["valdor-2"];
    broken.regions.push({ ...lonely, id: "valdor-2", name: "Valdor 2", x: 40, y: 690, adjacent: ["valdor"] });
    const result = validateScenario(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.path === "regions" && /not connected: valdor, valdor-2/.test(e.message))).toBe(true);
  });
});
