import { describe, it, expect } from "vitest";
import { Game, as, tinyInput } from "./game.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { metricsSnapshot } from "../../shared/engine/metrics.ts";
import { incidentChance } from "../../shared/engine/tension.ts";
import { feedItemFor, feedText } from "../../shared/view/feed.ts";
import { viewFor } from "../../shared/engine/view-for.ts";

/**
 * Policies with consequences both ways (docs/RULES.md). The tiny scenario, tweaked:
 * a harassment crisis (hostile-actor) in the Southern Sea where Redonia's frigate sits, and the
 * storm on Skerry Island (natural: posture plays no part there). Every comparison plays the same
 * seed twice, changing one setting.
 */
type Setup = { rules?: Record<string, unknown>; tweak?: (s: ScenarioInput) => void; seed?: number };

const NO_INCIDENTS = { roeIncidentChance: { restrictive: 0, standard: 0, robust: 0 } };

function world({ rules = {}, tweak, seed = 7 }: Setup = {}): Game {
  return new Game(tinyInput(), seed, (s) => {
    s.rules = { ...s.rules, ...rules };
    const sea = s.regions.find((r) => r.id === "s-sea")!;
    sea.crisis = { kind: "harassment", severity: 40 };
    s.assets!.find((a) => a.id === "r-frigate")!.region = "s-sea";
    const frigate = s.assets!.find((a) => a.id === "n-frigate")!;
    Object.assign(frigate, { region: "s-sea", status: "deployed", mission: "patrol" });
    Object.assign(s.assets!.find((a) => a.id === "s-med")!, { region: "island", status: "deployed", mission: "medical" });
    tweak?.(s);
  }).start();
}

const policy = (g: Game, nation: string, order: Record<string, string>) => g.do({ type: "draftOrder", order: { kind: "setPolicy", ...order } }, as(nation));
const severity = (g: Game, region: string) => g.state.regions[region]!.crisis?.severity ?? 0;
const rulesApplied = (g: Game, rule: string) =>
  g.events.filter((e): e is Extract<ExerciseEvent, { type: "ruleApplied" }> => e.type === "ruleApplied" && e.rule === rule);
const trust = (g: Game) => g.state.relations["north|south"]!.trust;

/** Plays `turns` turns after `before` (orders drafted in turn 1). */
function play(setup: Setup, before: (g: Game) => void, turns = 1): Game {
  const g = world(setup);
  before(g);
  for (let i = 0; i < turns; i++) g.endTurn();
  return g;
}

describe("alert level: readiness and speed against upkeep and tension", () => {
  it("high alert answers faster and harder, and regains more readiness", () => {
    const normal = play({ rules: NO_INCIDENTS }, () => {});
    const high = play({ rules: NO_INCIDENTS }, (g) => policy(g, "north", { alertLevel: "high" }));
    // The harassment: 40 − response + 6 (the hostile frigate) + the adversary stoking it,
    // 10 × 0.9 (tension 40) × 0.5 (answered) / (1 + deterrence). Normal: 9 removed, deterrence
    // 0.3 (Nordmark's frigate on patrol): 40.5. High: ×1.2 → 10.8, deterrence 0.3 + 0.4 / 2: 38.2.
    expect(severity(normal, "s-sea")).toBe(40.5);
    expect(severity(high, "s-sea")).toBe(38.2);
    expect(high.state.nations.north!.readiness).toBe(normal.state.nations.north!.readiness + 2);
    // Deploy speed: the UAV (speed 3) reaches the island a turn sooner once the alert is high.
    const eta = (alertLevel: string) => {
      const g = world({ rules: NO_INCIDENTS, tweak: (s) => (s.assetTypes.find((t) => t.id === "uav")!.speed = 1) });
      g.do({ type: "draftOrder", order: { kind: "setPolicy", alertLevel } }, as("north"));
      g.endTurn();
      g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-uav", destination: "s-sea", mission: "surveillance" } }, as("north"));
      g.endTurn();
      return g.state.assets["n-uav"]!;
    };
    expect(eta("normal")).toMatchObject({ status: "moving" });
    expect(eta("high")).toMatchObject({ status: "deployed", region: "s-sea" });
  });

  it("and costs upkeep and tension, even where firmness is not needed (the storm)", () => {
    const normal = play({ rules: NO_INCIDENTS }, () => {});
    const high = play({ rules: NO_INCIDENTS }, (g) => policy(g, "south", { alertLevel: "high" }));
    // Sudland's hospital on the storm: upkeep 4 × 1.35 plus 5 standing, instead of 4.
    expect(normal.state.nations.south!.budget).toBe(176);
    expect(high.state.nations.south!.budget).toBe(169.6);
    expect(high.state.tension).toBeGreaterThan(normal.state.tension);
    expect(rulesApplied(high, "policies.alertEconomy").map((e) => e.nations)).toEqual([["south"]]);
  });

  it("raising it to maximum keeps its trust cost; staying at maximum costs no more", () => {
    const g = world({ rules: NO_INCIDENTS });
    const before = trust(g);
    policy(g, "north", { alertLevel: "maximum" });
    g.endTurn();
    expect(trust(g)).toBe(before - 4);
    policy(g, "north", { alertLevel: "maximum" });
    g.endTurn();
    expect(trust(g)).toBe(before - 4);
  });
});

describe("ROE: effective against the adversary, at the risk of incidents", () => {
  it("robust ROE beats the hostile crisis back; restrictive lets it grow", () => {
    const restrictive = play({ rules: NO_INCIDENTS }, (g) => policy(g, "north", { rulesOfEngagement: "restrictive" }));
    const robust = play({ rules: NO_INCIDENTS }, (g) => policy(g, "north", { rulesOfEngagement: "robust" }));
    expect(severity(restrictive, "s-sea")).toBe(43.2); // 40 − 6.3 + 6 + 3.5
    expect(severity(robust, "s-sea")).toBe(37.8); // 40 − 11.7 + 6 + 3.5
    expect(rulesApplied(robust, "policies.response")[0]!.nations).toEqual(["north"]);
  });

  it("but robust ROE has incidents where restrictive has almost none, seeded", () => {
    const incidents = (rulesOfEngagement: string) => {
      let count = 0;
      for (let seed = 1; seed <= 40; seed++)
        count += rulesApplied(
          play({ seed }, (g) => policy(g, "north", { rulesOfEngagement }), 3),
          "policies.incident",
        ).length;
      return count;
    };
    const restrictive = incidents("restrictive");
    const robust = incidents("robust");
    expect(robust).toBeGreaterThan(3 * Math.max(1, restrictive));
  });

  it("an incident raises the crisis, wears down both sides, raises tension and is told to both", () => {
    const g = play({ rules: { roeIncidentChance: { restrictive: 1, standard: 1, robust: 1 } } }, () => {});
    const [incident] = rulesApplied(g, "policies.incident");
    expect(incident!.nations).toEqual(["north", "red"]);
    expect(g.state.assets["n-frigate"]!.strength).toBe(90);
    expect(g.state.assets["r-frigate"]!.strength).toBe(90);
    expect(severity(g, "s-sea")).toBe(40.5 + 15);
    expect(g.state.tension).toBe(46.4); // 40 + 8, then a fifth of the way back
    // Sudland, not involved, does not hear of it; exercise control does.
    const event = g.events.find((e) => e === incident)!;
    expect(feedItemFor(event, g.state, { kind: "nation", nation: "south" })).toBeNull();
    expect(feedText(feedItemFor(event, g.state, { kind: "white" })!, g.state, "fr")).toContain("Incident");
  });

  it("an incident where there is no crisis starts a hostile one", () => {
    const g = play(
      { rules: { roeIncidentChance: { restrictive: 1, standard: 1, robust: 1 } }, tweak: (s) => delete s.regions.find((r) => r.id === "s-sea")!.crisis },
      () => {},
    );
    expect(g.state.regions["s-sea"]!.crisis).toMatchObject({ kind: "maritime-incident", severity: 15 });
  });

  it("ROE changes nothing against a natural crisis, and robust still costs trust and tension there", () => {
    const standard = play({ rules: NO_INCIDENTS }, () => {});
    const robust = play({ rules: NO_INCIDENTS }, (g) => policy(g, "south", { rulesOfEngagement: "robust" }));
    expect(severity(robust, "island")).toBe(severity(standard, "island"));
    expect(trust(robust)).toBeLessThan(trust(standard));
    expect(robust.state.tension).toBeGreaterThan(standard.state.tension);
  });
});

describe("public stance: deterrence or provocation", () => {
  /** The harassment with nobody answering it: Nordmark's frigate stays home on presence. */
  const unanswered: Setup = {
    rules: NO_INCIDENTS,
    tweak: (s) => Object.assign(s.assets!.find((a) => a.id === "n-frigate")!, { region: "n-sea", status: "deployed", mission: "presence" }),
  };

  it("firm and assertive stances slow the adversary's crisis; quiet does not", () => {
    const quiet = play(unanswered, () => {});
    const firm = play(unanswered, (g) => policy(g, "north", { publicStance: "firm" }));
    const assertive = play(unanswered, (g) => policy(g, "north", { publicStance: "assertive" }));
    expect(severity(firm, "s-sea")).toBeLessThan(severity(quiet, "s-sea"));
    expect(severity(assertive, "s-sea")).toBeLessThan(severity(firm, "s-sea"));
    expect(rulesApplied(firm, "policies.hostileCrisis")[0]!.nations).toEqual(["north", "south"]);
  });

  it("assertive costs trust and raises tension; reassuring gains trust and lowers it, but deters nothing", () => {
    const quiet = play(unanswered, () => {});
    const assertive = play(unanswered, (g) => policy(g, "north", { publicStance: "assertive" }));
    const reassuring = play(unanswered, (g) => policy(g, "north", { publicStance: "reassuring" }));
    expect(trust(assertive)).toBe(trust(quiet) - 4);
    expect(trust(reassuring)).toBe(trust(quiet) + 1);
    expect(assertive.state.tension).toBeGreaterThan(quiet.state.tension);
    expect(reassuring.state.tension).toBeLessThan(quiet.state.tension);
    expect(severity(reassuring, "s-sea")).toBeGreaterThanOrEqual(severity(quiet, "s-sea") - 0.5);
  });

  it("stance does nothing for the storm, and assertive still costs there", () => {
    const quiet = play(unanswered, () => {});
    const assertive = play(unanswered, (g) => policy(g, "south", { publicStance: "assertive" }));
    expect(severity(assertive, "island")).toBe(severity(quiet, "island"));
    expect(trust(assertive)).toBeLessThan(trust(quiet));
  });

  it("a statement's stance counts like setting it: once, not per statement", () => {
    const g = world({ rules: NO_INCIDENTS });
    const before = trust(g);
    g.do({ type: "makeStatement", stance: "reassuring", text: "We seek calm." }, as("north"));
    g.do({ type: "makeStatement", stance: "reassuring", text: "We seek calm again." }, as("north"));
    expect(trust(g)).toBe(before + 1);
    g.do({ type: "makeStatement", stance: "assertive", text: "We will defend our waters." }, as("north"));
    expect(trust(g)).toBe(before + 1 - 4);
    expect(g.state.nations.north!.policies.publicStance).toBe("assertive");
  });
});

describe("tension", () => {
  const unansweredAt = (initialTension: number) =>
    play(
      {
        rules: { ...NO_INCIDENTS, initialTension },
        tweak: (s) => Object.assign(s.assets!.find((a) => a.id === "n-frigate")!, { region: "n-home", status: "ready" }),
      },
      () => {},
    );

  it("high tension makes the adversary's crisis grow faster and incidents likelier; low tension the reverse", () => {
    const low = unansweredAt(20);
    const high = unansweredAt(80);
    // Unanswered: 10 × (1 + (tension − 50)/100), plus 6 from the hostile frigate.
    expect(severity(low, "s-sea")).toBe(40 + 7 + 6);
    expect(severity(high, "s-sea")).toBe(40 + 13 + 6);
    const plain = world().state;
    expect(incidentChance({ ...plain, tension: 80 }, "north")).toBe(0.128);
    expect(incidentChance({ ...plain, tension: 20 }, "north")).toBe(0.032);
    // The storm does not care.
    expect(severity(low, "island")).toBe(severity(high, "island"));
  });

  it("moves with provocations and de-escalation, drifts back, and says why to everyone", () => {
    const calm = play({ rules: NO_INCIDENTS }, (g) => {
      policy(g, "north", { publicStance: "reassuring" });
      g.do({ type: "conveneDialogue", nations: ["south", "red"], topic: "Fishing rights" }, as("north"));
    });
    const hot = play({ rules: NO_INCIDENTS }, (g) => policy(g, "north", { alertLevel: "maximum", rulesOfEngagement: "robust", publicStance: "assertive" }));
    // 40 − 1.5 − 3 = 35.5, then a fifth of the way back to 40 (+0.9): 36.4.
    expect(calm.state.tension).toBe(36.4);
    // 40 + 3 + 1 + 2 = 46, then back 1.2: 44.8.
    expect(hot.state.tension).toBe(44.8);
    const changed = hot.events.find((e) => e.type === "tensionChanged")!;
    expect(changed).toMatchObject({ tension: 44.8 });
    expect((changed as { reasons: unknown[] }).reasons).toHaveLength(2);
    expect(rulesApplied(hot, "policies.tension")[0]!.nations).toEqual([]);
    expect(metricsSnapshot(hot.state).tension).toBe(44.8);
    // With nothing pushing it, it drifts back toward 40, a fifth of the way a turn.
    policy(hot, "north", { alertLevel: "normal", rulesOfEngagement: "standard", publicStance: "quiet" });
    hot.endTurn();
    expect(hot.state.tension).toBe(43.8);
  });

  it("starts at the scenario's initial tension and is shown to every nation", () => {
    const g = world({ rules: { initialTension: 65 } });
    expect(g.state.tension).toBe(65);
    expect(g.initial.tension).toBe(65);
    policy(g, "north", { alertLevel: "high" });
    g.endTurn();
    for (const viewer of [{ kind: "nation", nation: "south" }, { kind: "nation", nation: "red" }, { kind: "observer" }] as const) {
      expect(viewFor(g.state, viewer)).toMatchObject({ tension: g.state.tension, tensionReasons: g.state.tensionReasons });
    }
  });
});

describe("the two loopholes", () => {
  it("setMission on a ready asset pays a deployment in place; on a deployed one it stays free", () => {
    const g = world({ rules: NO_INCIDENTS });
    const before = g.state.nations.north!;
    g.do({ type: "draftOrder", order: { kind: "setMission", asset: "n-uav", mission: "surveillance" } }, as("north"));
    g.do({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "presence" } }, as("north"));
    g.endTurn();
    expect(g.state.assets["n-uav"]).toMatchObject({ status: "deployed", mission: "surveillance" });
    const paid = g.events.filter((e) => e.type === "nationUpdated" && e.nation === "north")[0]!;
    // The UAV's deployCost is 0 in tiny; readiness pays 3. The frigate's mission change is free.
    expect(paid).toMatchObject({ budget: before.budget, readiness: before.readiness - 3 });
    expect(g.events.filter((e) => e.type === "nationUpdated" && e.nation === "north")).toHaveLength(2);
  });

  it("setMission on a ready asset costs the type's deployCost, and is refused when the budget cannot pay", () => {
    const g = world({
      rules: NO_INCIDENTS,
      tweak: (s) => Object.assign(s.assets!.find((a) => a.id === "n-frigate")!, { region: "n-sea", status: "ready", mission: undefined }),
    });
    g.do({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "patrol" } }, as("north"));
    g.endTurn();
    expect(g.state.assets["n-frigate"]).toMatchObject({ status: "deployed", mission: "patrol" });
    // 200 − 10 deploy, + 40 income − 5 upkeep.
    expect(g.state.nations.north!.budget).toBe(225);
    const poor = world({
      rules: NO_INCIDENTS,
      tweak: (s) => {
        Object.assign(s.assets!.find((a) => a.id === "n-frigate")!, { region: "n-sea", status: "ready", mission: undefined });
        s.nations.find((n) => n.id === "north")!.budget = 5;
      },
    });
    poor.refuse({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "patrol" } }, as("north"), "insufficient_budget");
  });

  it("three escalations in one order cost three penalties", () => {
    const one = play({ rules: NO_INCIDENTS }, (g) => policy(g, "north", { alertLevel: "maximum" }));
    const three = play({ rules: NO_INCIDENTS }, (g) => policy(g, "north", { alertLevel: "maximum", rulesOfEngagement: "robust", publicStance: "assertive" }));
    const start = world().state.relations["north|south"]!.trust;
    expect(start - trust(one)).toBe(4);
    expect(start - trust(three)).toBe(12);
    expect(rulesApplied(three, "policies.escalation")).toHaveLength(3);
  });
});

describe("no setting is best everywhere", () => {
  it("never escalating loses the hostile crisis; escalating loses budget, trust and tension where the crisis is natural", () => {
    const restraint = { alertLevel: "normal", rulesOfEngagement: "restrictive", publicStance: "quiet" };
    const firmness = { alertLevel: "high", rulesOfEngagement: "robust", publicStance: "firm" };
    const calm = play({ rules: NO_INCIDENTS }, (g) => policy(g, "north", restraint), 3);
    const firm = play({ rules: NO_INCIDENTS }, (g) => policy(g, "north", firmness), 3);
    // The harassment with a hostile frigate present grows under restraint and is pushed back by firmness.
    expect(severity(calm, "s-sea")).toBeGreaterThan(40);
    expect(severity(firm, "s-sea")).toBeLessThan(40);
    // Sudland's storm: firmness buys little there (readiness) and costs budget, trust and tension.
    const southCalm = play({ rules: NO_INCIDENTS }, (g) => policy(g, "south", restraint), 3);
    const southFirm = play({ rules: NO_INCIDENTS }, (g) => policy(g, "south", firmness), 3);
    expect(southFirm.state.nations.south!.budget).toBeLessThan(southCalm.state.nations.south!.budget);
    expect(trust(southFirm)).toBeLessThan(trust(southCalm));
    expect(southFirm.state.tension).toBeGreaterThan(southCalm.state.tension);
  });
});

describe("tension adjusted by exercise control or an inject", () => {
  it("moves by the effect's delta within 0–100, says so to everyone, and then drifts back as usual", () => {
    const g = world();
    const before = g.state.tension;
    g.do({
      type: "adjustState",
      effects: [{ kind: "tension", delta: 25 }],
      rationale: "The adversary's leadership reads the exercise as a rehearsal for attack.",
    });
    expect(g.state.tension).toBe(before + 25);
    expect(rulesApplied(g, "policies.tension").at(-1)!.nations).toEqual([]);
    g.do({ type: "adjustState", effects: [{ kind: "tension", delta: 100 }], rationale: "escalation" });
    expect(g.state.tension).toBe(100);
    g.do({ type: "adjustState", effects: [{ kind: "tension", delta: -100 }], rationale: "a hotline call" });
    expect(g.state.tension).toBe(0);
    g.endTurn();
    expect(g.state.tension).toBeGreaterThan(0);
  });
});
