import { describe, it, expect } from "vitest";
import { Game, as, tinyInput } from "./game.ts";
import { reviewInjects, type InjectReview } from "../../shared/aar/inject-evaluation.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import { validateScenario } from "../../shared/scenario/validate.ts";
import { ReplaySession } from "../../shared/replay/replay-session.ts";

/**
 * The automatic verdicts (issue #19, item 3): nothing scored that did not happen, nothing missed
 * that did. Each case is one inject of a small MSEL played through decide/evolve.
 */
type Inject = NonNullable<ScenarioInput["msel"]>[number];
const inject = (id: string, expected: Inject["expectedActions"], extra: Partial<Inject> = {}): Inject => ({
  id,
  number: id,
  trigger: { kind: "manual" },
  type: "event",
  from: "Control",
  to: ["north"],
  title: `Inject ${id}`,
  body: "Something happened.",
  expectedActions: expected,
  ...extra,
});

function game(msel: Inject[], tweak?: (s: ScenarioInput) => void): Game {
  return new Game(tinyInput(), 7, (s) => {
    s.msel = msel;
    tweak?.(s);
  }).start();
}
const review = (g: Game, id: string): InjectReview => {
  const reviewed = reviewInjects(g.initial, g.events);
  // The replay viewer judges the same outcomes during its one fold of the log (kept states every 3 events): the same review.
  const replay = new ReplaySession({ exerciseId: g.initial.exerciseId, scenario: g.initial.scenario, seed: 7, events: g.events }, 3);
  expect(replay.injectReview()).toEqual(reviewed);
  // And folded in ranges (as the viewer downloads the log), asked for its review between them: the same review.
  const ranged = new ReplaySession({ exerciseId: g.initial.exerciseId, scenario: g.initial.scenario, seed: 7, events: g.events.slice(0, 2) }, 3);
  for (let i = 2; i < g.events.length; i += 2) {
    ranged.injectReview();
    ranged.append(g.events.slice(i, i + 2));
  }
  expect(ranged.injectReview()).toEqual(reviewed);
  return reviewed.find((i) => i.inject === id)!;
};
const north = (g: Game, id: string, index = 0) => review(g, id).expected[index]!.byNation.find((n) => n.nation === "north")!;

const deployPatrol: Inject["expectedActions"] = [
  { description: "Put a ship on patrol in the Northern Sea", command: "deployAsset", region: "n-sea", withinTurns: 1 },
];

describe("injects never released are not applicable", () => {
  it("a planned, a skipped and a delayed-never-released inject are not applicable, for every nation", () => {
    const g = game([inject("planned", deployPatrol), inject("skipped", deployPatrol), inject("delayed", deployPatrol)]);
    g.do({ type: "skipInject", inject: "skipped" });
    g.do({ type: "delayInject", inject: "delayed", toTurn: 9 });
    g.endTurn();
    for (const id of ["planned", "skipped", "delayed"]) {
      const r = review(g, id);
      expect(r.status).toBe("not applicable");
      expect(r.verdict).toBe("not applicable");
      expect(r.expected[0]!.byNation).toEqual([expect.objectContaining({ nation: "north", result: "not applicable", responseTurns: null, action: null })]);
    }
    expect(review(g, "skipped").injectStatus).toBe("skipped");
    expect(review(g, "delayed").injectStatus).toBe("delayed");
  });

  it("a delayed inject is judged from its actual release: what was done before it does not count", () => {
    const g = game(
      [inject("late", [{ description: "Share the report", command: "shareIntel", withinTurns: 0 }], { trigger: { kind: "scheduled", turn: 1 } })],
      (s) => {
        s.msel![0]!.trigger = { kind: "scheduled", turn: 3 };
      },
    );
    g.do({ type: "delayInject", inject: "late", toTurn: 3 });
    g.do({ type: "grantIntel", to: ["north"], report: { title: "Sighting", text: "A ship.", reliability: "B", credibility: "2" } });
    const report = Object.values(g.state.reports).find((r) => r.owner === "north")!;
    g.do({ type: "shareIntel", report: report.id, with: ["south"] }, as("north"));
    g.endTurn().endTurn();
    expect(review(g, "late").releasedTurn).toBe(3);
    expect(north(g, "late").result).toBe("not met");
    g.do({ type: "shareIntel", report: report.id, with: ["south"] }, as("north"));
    expect(north(g, "late")).toMatchObject({ result: "met", responseTurns: 0, inTime: true });
  });
});

describe("only what took effect counts", () => {
  it("a drafted-then-withdrawn deployment does not count", () => {
    const g = game([inject("i1", [{ description: "Deploy to Skerry Island", command: "deployAsset", region: "s-sea", withinTurns: 1 }])]);
    g.do({ type: "releaseInject", inject: "i1" });
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } }, as("north"));
    g.do({ type: "withdrawDraft", draft: Object.keys(g.state.drafts)[0]! }, as("north"));
    g.endTurn().endTurn();
    expect(north(g, "i1")).toMatchObject({ result: "not met", action: null });
  });

  it("a failed order is an attempt, shown but not counted", () => {
    const g = game([inject("i1", [{ description: "Fund Sudland's coast guard", command: "fundCapacityBuilding", withinTurns: 1 }])], (s) => {
      s.nations.find((n) => n.id === "north")!.budget = 12;
    });
    g.do({ type: "releaseInject", inject: "i1" });
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } }, as("north"));
    g.do({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "south", amount: 12 } }, as("north"));
    g.endTurn();
    const failed = g.events.find((e) => e.type === "orderFailed")!;
    expect(failed.type === "orderFailed" && failed.order.kind).toBe("fundCapacityBuilding");
    const n = north(g, "i1");
    expect(n.result).toBe("attempted");
    expect(n.verdict).toBe("attempted");
    expect(n.attempts[0]!.detail.key).toBe("evaluation.action.failed");
    expect(review(g, "i1").verdict).toBe("not met");
  });
});

describe("an asset of a type with a mission in a region", () => {
  it("counts a mission set on an asset already in the region (Set an asset's mission), not only a deployment", () => {
    const g = game([inject("i1", deployPatrol)]);
    g.do({ type: "releaseInject", inject: "i1" });
    g.do({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "patrol" } }, as("north"));
    g.endTurn();
    expect(north(g, "i1")).toMatchObject({
      result: "met",
      responseTurns: 0,
      inTime: true,
      action: expect.objectContaining({ detail: expect.objectContaining({ key: "evaluation.action.assetOnMission" }) }),
    });
  });

  it("counts forces already in place before the inject, with a response of 0 turns", () => {
    const g = game([inject("i1", deployPatrol)], (s) => {
      Object.assign(s.assets!.find((a) => a.id === "n-frigate")!, { status: "deployed", mission: "patrol" });
    });
    g.endTurn();
    g.do({ type: "releaseInject", inject: "i1" });
    expect(north(g, "i1")).toMatchObject({
      result: "met",
      responseTurns: 0,
      action: expect.objectContaining({ detail: expect.objectContaining({ key: "evaluation.action.alreadyInPlace" }) }),
    });
  });

  it("judges the type and the mission the outcome names", () => {
    const wanted: Inject["expectedActions"] = [
      {
        description: "Surveillance over the Northern Sea",
        command: "setMission",
        outcome: { kind: "assetOnMission", category: "isr", missions: ["surveillance"], region: "n-sea" },
        withinTurns: 2,
      },
    ];
    const g = game([inject("i1", wanted)]);
    g.do({ type: "releaseInject", inject: "i1" });
    g.do({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "patrol" } }, as("north"));
    g.endTurn();
    expect(north(g, "i1").result).toBe("not met"); // a frigate on patrol is not ISR on surveillance
    g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-uav", destination: "n-sea", mission: "surveillance" } }, as("north"));
    g.endTurn();
    expect(north(g, "i1")).toMatchObject({ result: "met", responseTurns: 1, inTime: true });
  });
});

describe("a report shared with partners", () => {
  const share: Inject["expectedActions"] = [{ description: "Share the sighting with the partners", command: "shareIntel", withinTurns: 1 }];
  const sighting = {
    kind: "grantIntel" as const,
    to: ["north"],
    report: {
      title: "Warship sighting",
      text: "RNS Grom left the Red Gulf.",
      reliability: "B" as const,
      credibility: "2" as const,
      classification: "UNCLASSIFIED" as const,
      releasability: { scope: "all" as const },
    },
  };

  it("sharing with the adversary is not sharing with the partners", () => {
    const g = game([inject("i1", share, { effects: [sighting] })]);
    g.do({ type: "releaseInject", inject: "i1" });
    const report = Object.values(g.state.reports).find((r) => r.owner === "north")!;
    g.do({ type: "shareIntel", report: report.id, with: ["red"] }, as("north"));
    expect(north(g, "i1").result).toBe("not met");
    g.do({ type: "shareIntel", report: report.id, with: ["south"] }, as("north"));
    expect(north(g, "i1")).toMatchObject({ result: "met", responseTurns: 0 });
  });

  it("another report (a lunch menu) does not answer the inject that gave the nation its report", () => {
    const g = game([inject("i1", share, { effects: [sighting] })]);
    g.do({ type: "grantIntel", to: ["north"], report: { title: "Lunch menu", text: "Soup.", reliability: "A", credibility: "1" } });
    const menu = Object.values(g.state.reports).find((r) => r.title === "Lunch menu")!;
    g.do({ type: "releaseInject", inject: "i1" });
    g.do({ type: "shareIntel", report: menu.id, with: ["south"] }, as("north"));
    expect(north(g, "i1").result).toBe("not met");
  });

  it("with named nations, every one of them must hold it", () => {
    const named: Inject["expectedActions"] = [
      { description: "Share it with Sudland", command: "shareIntel", outcome: { kind: "reportShared", with: ["south"] }, withinTurns: 1 },
    ];
    const g = game([inject("i1", named, { effects: [sighting] })]);
    g.do({ type: "releaseInject", inject: "i1" });
    const report = Object.values(g.state.reports).find((r) => r.owner === "north")!;
    g.do({ type: "shareIntel", report: report.id, with: ["red"] }, as("north"));
    expect(north(g, "i1").result).toBe("not met");
    g.do({ type: "shareIntel", report: report.id, with: ["south"] }, as("north"));
    expect(north(g, "i1").result).toBe("met");
  });
});

describe("a known-forces picture shared by a full sharing policy", () => {
  const share: Inject["expectedActions"] = [{ description: "Share what your sensors see with the partners", command: "shareIntel", withinTurns: 1 }];
  const setSharing = (policies: Record<string, string>) => ({ type: "draftOrder", order: { kind: "setPolicy", intelSharing: policies } });
  /** Nordmark's UAV at sea sees RNS Grom for sure; Ostria is a third ally; Nordmark shares fully with Sudland only. */
  const seeing =
    (extra: Record<string, unknown> = {}) =>
    (s: ScenarioInput) => {
      s.assets!.find((a) => a.id === "n-uav")!.region = "n-sea";
      s.rules = { ...(s.rules as object), isrDetectionChance: 1, ...extra };
      s.nations.push({ id: "east", name: "Ostria", color: "#009e73", budget: 120, budgetPerTurn: 30, politicalCapital: 45, readiness: 65 });
    };

  it("counts as a report shared, with the partner it went to, at the resolution that passed it", () => {
    const g = game([inject("i1", share)], seeing());
    g.do({ type: "releaseInject", inject: "i1" });
    g.do(setSharing({ south: "full" }), as("north"));
    g.endTurn();
    expect(g.events.filter((e) => e.type === "intelShared")).toEqual([]);
    expect(north(g, "i1")).toMatchObject({
      result: "met",
      responseTurns: 0,
      inTime: true,
      action: expect.objectContaining({
        command: "shareIntel",
        detail: { key: "aar.action.sharedPicture", params: { to: [{ ref: "nation", id: "south" }], count: 1 } },
      }),
    });
  });

  it("counts only for the nations it actually went to", () => {
    const withEast: Inject["expectedActions"] = [
      { description: "Share it with Ostria", command: "shareIntel", outcome: { kind: "reportShared", with: ["east"] }, withinTurns: 1 },
    ];
    const g = game([inject("i1", withEast)], seeing());
    g.do({ type: "releaseInject", inject: "i1" });
    g.do(setSharing({ south: "full" }), as("north"));
    g.endTurn().endTurn();
    expect(north(g, "i1").result).toBe("not met");
  });

  it("a picture kept back (not releasable to the partner) is no share", () => {
    const g = game([inject("i1", share)], seeing({ releasabilityByClassification: { CONFIDENTIAL: "national" } }));
    g.do({ type: "releaseInject", inject: "i1" });
    g.do(setSharing({ south: "full" }), as("north"));
    g.endTurn().endTurn();
    expect(g.state.detections.south!["r-frigate"]).toBeUndefined();
    expect(north(g, "i1").result).toBe("not met");
  });

  it("does not answer an inject that gave the nation a report to share", () => {
    const sighting = {
      kind: "grantIntel" as const,
      to: ["north"],
      report: { title: "Warship sighting", text: "RNS Grom left the Red Gulf.", reliability: "B" as const, credibility: "2" as const },
    };
    const g = game([inject("i1", share, { effects: [sighting] })], seeing());
    g.do({ type: "releaseInject", inject: "i1" });
    g.do(setSharing({ south: "full" }), as("north"));
    g.endTurn();
    expect(g.state.detections.south!["r-frigate"]).toMatchObject({ from: "north" });
    expect(north(g, "i1").result).toBe("not met");
  });
});

describe("a sighting reported from the known-forces picture", () => {
  const report: Inject["expectedActions"] = [{ description: "Report what your UAV sees", command: "reportSighting", withinTurns: 1 }];
  const seeing = (s: ScenarioInput) => {
    s.assets!.find((a) => a.id === "n-uav")!.region = "n-sea";
    s.rules = { ...(s.rules as object), isrDetectionChance: 1 };
  };

  it("is a command an expected action may name", () => {
    const input = tinyInput();
    input.msel = [inject("i1", report)];
    expect(validateScenario(input)).toMatchObject({ ok: true });
  });

  it("is met when the team writes the report (Report this sighting), in the sighting's region", () => {
    const g = game([inject("i1", report)], seeing);
    g.do({ type: "releaseInject", inject: "i1" });
    g.endTurn();
    expect(north(g, "i1").result).toBe("not met");
    g.do({ type: "reportSighting", asset: "r-frigate" }, as("north"));
    expect(north(g, "i1")).toMatchObject({
      result: "met",
      responseTurns: 1,
      inTime: true,
      action: expect.objectContaining({
        command: "reportSighting",
        region: "r-sea",
        detail: { key: "intel.action.reportedSighting", params: { asset: { ref: "asset", id: "r-frigate" }, region: { ref: "region", id: "r-sea" } } },
      }),
    });
  });

  it("is not met by a report granted, or by its copy shared on", () => {
    const g = game([inject("i1", report)], seeing);
    g.do({ type: "releaseInject", inject: "i1" });
    g.do({ type: "grantIntel", to: ["north"], report: { title: "Sighting", text: "A ship.", reliability: "B", credibility: "2", assets: ["r-frigate"] } });
    const granted = Object.values(g.state.reports).find((r) => r.owner === "north")!;
    g.do({ type: "shareIntel", report: granted.id, with: ["south"] }, as("north"));
    expect(north(g, "i1").result).toBe("not met");
  });
});

describe("policies, agreements and what only an evaluator can judge", () => {
  it("a statement's content is for the evaluator, whatever its stance", () => {
    const g = game([inject("i1", [{ description: "Counter the narrative with facts", command: "makeStatement", withinTurns: 1 }])]);
    g.do({ type: "releaseInject", inject: "i1" });
    g.do({ type: "makeStatement", stance: "assertive", text: "asdf" }, as("north"));
    const n = north(g, "i1");
    expect(n.result).toBe("for the evaluator");
    expect(n.action?.detail.key).toBe("aar.action.statement");
    expect(review(g, "i1").verdict).toBe("for the evaluator");
  });

  it("a policy reached counts when it takes effect, or at once when already there", () => {
    const raise: Inject["expectedActions"] = [
      { description: "Raise the alert level", command: "setPolicy", outcome: { kind: "policy", field: "alertLevel", op: ">=", value: "high" }, withinTurns: 1 },
    ];
    const g = game([inject("i1", raise), inject("i2", [{ ...raise[0]!, outcome: { kind: "policy", field: "alertLevel", op: "<=", value: "maximum" } }])]);
    g.do({ type: "releaseInject", inject: "i1" });
    g.do({ type: "draftOrder", order: { kind: "setPolicy", alertLevel: "elevated" } }, as("north"));
    g.endTurn();
    expect(north(g, "i1").result).toBe("not met");
    g.do({ type: "draftOrder", order: { kind: "setPolicy", alertLevel: "high" } }, as("north"));
    g.endTurn();
    expect(north(g, "i1")).toMatchObject({ result: "met", responseTurns: 1 });
    g.do({ type: "releaseInject", inject: "i2" });
    expect(north(g, "i2")).toMatchObject({ result: "met", responseTurns: 0 });
  });

  it("an agreement counts once in force; a proposal alone is an attempt", () => {
    const sofa: Inject["expectedActions"] = [
      {
        description: "An MOU with Sudland",
        command: "proposeAgreement",
        outcome: { kind: "agreementInForce", agreementKind: "mou", with: ["south"] },
        withinTurns: 2,
      },
    ];
    const g = game([inject("i1", sofa)]);
    g.do({ type: "releaseInject", inject: "i1" });
    g.do({ type: "proposeAgreement", kind: "mou", title: "Coast MOU", parties: ["south"], scope: "training" }, as("north"));
    expect(north(g, "i1").result).toBe("attempted");
    const agreement = Object.values(g.state.agreements)[0]!;
    g.do({ type: "answerAgreement", agreement: agreement.id, accept: true }, as("south"));
    expect(north(g, "i1")).toMatchObject({ result: "met", responseTurns: 0 });
  });
});
