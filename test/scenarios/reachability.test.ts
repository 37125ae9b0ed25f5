import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { validateScenario, type ValidationError } from "../../shared/scenario/validate.ts";
import { ROOT } from "../../server/config.ts";

/** The validator's reachability check (docs/RULES.md): every playable asset can get to its work. */
const dir = join(ROOT, "scenarios");
const load = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8"));
const cyclone = () => load("02-cyclone-response.json");
const unreachable = (list: ValidationError[]) => list.filter((e) => /can never reach|answers no crisis/.test(e.message));

/** Cyclone Iris as it was before lift: no ports, no airfields, no carriers. */
function withoutLift(s: any) {
  for (const r of s.regions) delete r.port, delete r.airfield;
  for (const t of s.assetTypes) delete t.lift;
  return s;
}

describe("the validator's reachability check", () => {
  it("passes every shipped scenario with unreachable assets as errors", () => {
    for (const file of readdirSync(dir).filter((f) => /^\d\d-.*\.json$/.test(f))) {
      const result = validateScenario(load(file));
      expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`), file).toEqual([]);
      expect(unreachable(result.warnings), file).toEqual([]);
    }
  });

  it("refuses the old Cyclone Iris map: nine playable assets can never reach the disaster, each named with why", () => {
    const result = validateScenario(withoutLift(cyclone()));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : unreachable(result.errors);
    const named = errors.map((e) => /^(\S+) can never reach/.exec(e.message)?.[1]);
    expect(named.sort()).toEqual([
      "au-amphib",
      "au-engineers",
      "au-hospital",
      "au-stores",
      "ka-coastguard",
      "ka-engineers",
      "ka-supply",
      "ma-coastguard",
      "ve-hospital",
    ]);
    expect(errors[0]).toMatchObject({ path: "assets[0]" });
    expect(errors[0]!.message).toMatch(
      /au-amphib can never reach a region where its missions matter \(north-isles, port-leone, rio-seco, tavira\), not even by lift from austrava's carriers/,
    );
    // The same sentence in French, from the catalogue.
    expect(errors[0]!.msg?.key).toBe("lift.validate.unreachable");
  });

  it("counts lift: ports alone leave the engineers and hospitals stranded; carriers bring them", () => {
    const portsOnly = cyclone();
    for (const t of portsOnly.assetTypes) delete t.lift;
    const result = validateScenario(portsOnly);
    const named = (result.ok ? [] : unreachable(result.errors)).map((e) => /^(\S+) can never/.exec(e.message)?.[1]).sort();
    expect(named).toEqual(["au-engineers", "au-hospital", "ka-engineers", "ve-hospital"]);
    expect(validateScenario(cyclone()).ok).toBe(true);
  });

  it('makes them warnings when the author says validation.unreachableAssets: "warn"', () => {
    const s = withoutLift(cyclone());
    s.validation = { unreachableAssets: "warn" };
    const result = validateScenario(s);
    expect(result.ok).toBe(true);
    expect(unreachable(result.warnings)).toHaveLength(9);
  });

  it("names an asset whose type answers no crisis of the scenario", () => {
    const s = load("03-strait-standoff.json");
    s.assetTypes.find((t: any) => t.id === "marines").fitness = { protest: 0.4 };
    const result = validateScenario(s);
    expect(result.ok ? [] : unreachable(result.errors).map((e) => `${e.path}: ${e.message}`)).toEqual([
      expect.stringMatching(/^assets\[9\]: al-marines answers no crisis of this scenario: its type marines has fitness only for protest/),
    ]);
  });

  it("checks a unit that starts aboard: a carrier of its owner, in its region, with room", () => {
    const s = cyclone();
    const asset = (id: string) => s.assets.find((a: any) => a.id === id);
    asset("au-engineers").region = "port-carrow";
    asset("au-engineers").embarkedOn = "au-amphib";
    expect(validateScenario(s).ok).toBe(true);
    asset("au-hospital").embarkedOn = "au-amphib";
    const wrongPlace = validateScenario(s);
    expect(wrongPlace.ok ? [] : wrongPlace.errors.map((e) => e.path)).toEqual(["assets[3].embarkedOn"]);
    asset("au-hospital").region = "port-carrow";
    asset("au-mpa").embarkedOn = "ghost";
    const ghost = validateScenario(s);
    expect(ghost.ok ? [] : ghost.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      expect.stringMatching(/^assets\[4\]\.embarkedOn: starts aboard "ghost"/),
    ]);
  });
});
