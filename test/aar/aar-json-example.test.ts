import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, expect } from "vitest";
import { Game, as, tinyInput } from "../rules/game.ts";
import type { Actor } from "../../shared/protocol/commands.ts";
import type { ScenarioInput } from "../../shared/scenario/schema.ts";
import { buildAfterActionReport } from "../../shared/aar/build-aar.ts";
import { aarJson } from "../../shared/aar/render-json.ts";
import { ROOT } from "../../server/config.ts";

/**
 * The worked example of docs/RULES.md "The after-action report as data": one scripted exercise
 * with every verdict (met in time, met late = partly, not met, attempted, for the evaluator, not
 * applicable), two evaluators' ratings, a consensus, an observation and an improvement item. Its
 * AAR JSON (the parts a checker scripts against) must equal docs/examples/aar-verdicts.json, so
 * the documented format is the one the code writes. After a deliberate format change:
 * CONCORD_WRITE_EXAMPLES=1 npx vitest run test/aar/aar-json-example.test.ts, and read the diff.
 */
const EXAMPLE = join(ROOT, "docs", "examples", "aar-verdicts.json");

type Inject = NonNullable<ScenarioInput["msel"]>[number];
const inject = (id: string, number: string, title: string, expected: Inject["expectedActions"], extra: Partial<Inject> = {}): Inject => ({
  id,
  number,
  trigger: { kind: "manual" },
  type: "event",
  from: "Control",
  to: ["north"],
  title,
  body: title,
  expectedActions: expected,
  ...extra,
});

const eva: Actor = { role: "evaluator", name: "Eva Lindqvist", lead: true };
const ed: Actor = { role: "evaluator", name: "Ed Moreau" };

function playedExercise(): Game {
  const g = new Game(tinyInput(), 7, (s) => {
    s.nations.find((n) => n.id === "north")!.budget = 12;
    s.msel!.push(
      inject("fund-coastguard", "1.03", "Sudland's coast guard asks for funds", [
        { description: "Fund Sudland's coast guard", command: "fundCapacityBuilding", withinTurns: 1 },
      ]),
      inject("disinformation", "1.04", "A false story about the alliance", [
        { description: "Counter the narrative with facts", command: "makeStatement", withinTurns: 1 },
      ]),
      inject("ferry", "2.01", "Ferry service suspended", [{ description: "Reassure the islanders", command: "makeStatement", withinTurns: 1 }]),
      inject("port-strike", "2.02", "Port strike in Sudland", [
        { description: "Move the frigate out of port", command: "deployAsset", region: "n-sea", withinTurns: 1 },
      ]),
    );
  }).start();
  // Turn 1: the storm warning is out (scheduled); exercise control releases three more and skips one.
  for (const id of ["red-sighting", "fund-coastguard", "disinformation"]) g.do({ type: "releaseInject", inject: id });
  g.do({ type: "skipInject", inject: "port-strike" });
  g.do({ type: "draftOrder", order: { kind: "prepositionAsset", asset: "s-med", destination: "island" } }, as("south"));
  g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } }, as("north"));
  g.do({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: "south", amount: 12 } }, as("north")); // the deployment spends the budget first: it fails
  g.do({ type: "makeStatement", stance: "assertive", text: "The story is false; here are the facts." }, as("north"));
  g.endTurn().endTurn();
  // Turn 3: Nordmark shares the sighting with Sudland, two turns after it was released (one was expected).
  const report = Object.values(g.state.reports).find((r) => r.owner === "north")!;
  g.do({ type: "shareIntel", report: report.id, with: ["south"] }, as("north"));
  g.do(
    { type: "recordObservation", kind: "improvement", text: "Nordmark held the sighting for two turns.", task: "task-share-sighting", nation: "north" },
    eva,
  );
  g.do({ type: "rateCapability", capability: "cap-intel", rating: "M", rationale: "Shared, but two turns late." }, eva);
  g.do({ type: "rateCapability", capability: "cap-intel", rating: "S" }, ed);
  g.do({ type: "setConsensusRating", capability: "cap-intel", rating: "M", rationale: "The partners waited two turns." }, eva);
  g.do(
    {
      type: "recordImprovement",
      issue: "Sightings wait for the next turn",
      recommendation: "A standing sharing arrangement with Sudland",
      nation: "north",
      capability: "cap-intel",
      element: "planning",
      organisation: "Nordmark J2",
      contact: "J2 duty officer",
      start: "2031-01-10",
      completion: "2031-06-30",
      status: "open",
    },
    eva,
  );
  g.do({ type: "endExercise" });
  return g;
}

/** The parts of the AAR JSON a checker reads: the summary, the inject review, the analysis, observations and the plan. */
function excerpt(g: Game) {
  const json = aarJson(buildAfterActionReport(g.initial, g.events, "Example"), "en");
  return {
    summary: json.summary,
    injects: json.injects.map(({ i18n: _i18n, notes: _notes, ...i }) => i),
    analysis: json.analysis,
    observations: json.observations,
    improvementPlan: json.improvementPlan,
  };
}

describe("the AAR JSON's worked example (docs/RULES.md)", () => {
  it("is what the code writes for the scripted exercise", () => {
    const made = excerpt(playedExercise());
    if (process.env.CONCORD_WRITE_EXAMPLES === "1") writeFileSync(EXAMPLE, `${JSON.stringify(made, null, 2)}\n`);
    expect(made).toEqual(JSON.parse(readFileSync(EXAMPLE, "utf8")));
  });

  it("holds every verdict the documentation explains", () => {
    const injects = excerpt(playedExercise()).injects;
    const byNation = (id: string) =>
      injects.find((i) => i.inject === id)!.expected[0]!.byNation.map((n) => [n.nation, n.result, n.verdict, n.responseTurns, n.inTime]);
    expect(byNation("storm-warning")).toEqual([
      ["north", "not met", "not met", null, null],
      ["south", "met", "met", 0, true],
    ]);
    expect(byNation("red-sighting")).toEqual([["north", "met", "partly", 2, false]]);
    expect(byNation("fund-coastguard")).toEqual([["north", "attempted", "attempted", null, null]]);
    expect(byNation("disinformation")).toEqual([["north", "for the evaluator", "for the evaluator", 0, null]]);
    expect(byNation("ferry")).toEqual([["north", "not applicable", "not applicable", null, null]]);
    expect(byNation("port-strike")).toEqual([["north", "not applicable", "not applicable", null, null]]);
  });
});
