import { describe, it, expect } from "vitest";
import { buildAfterActionReport, renderHtml, aarJson } from "../../shared/aar/index.ts";
import { playTiny, control } from "./play-tiny.ts";
import type { Actor } from "../../shared/protocol/commands.ts";

const eve: Actor = { role: "evaluator", name: "Eve Evaluator" };
const lead: Actor = { role: "evaluator", name: "Lena Lead", lead: true };

describe("the AAR/IP as HSEEP has it", () => {
  const game = playTiny();
  game.run({ type: "recordObservation", kind: "strength", text: "Sudland's hospital moved before the storm.", task: "task-preposition", nation: "south" }, eve);
  game.run(
    {
      type: "recordObservation",
      kind: "improvement",
      text: "The sighting waited a turn.",
      task: "task-share-sighting",
      inject: "red-sighting",
      nation: "north",
    },
    lead,
  );
  game.run({ type: "rateCapability", capability: "cap-intel", rating: "S", rationale: "Late" }, eve);
  game.run({ type: "rateCapability", capability: "cap-intel", rating: "M", rationale: "" }, lead);
  game.run({ type: "setConsensusRating", capability: "cap-intel", rating: "S", rationale: "Shared, a turn late" }, lead);
  game.run(
    {
      type: "recordImprovement",
      issue: "Sightings stay national",
      recommendation: "Standing agreement",
      nation: null,
      due: "",
      capability: "cap-intel",
      element: "planning",
      organisation: "Nordmark J2",
      contact: "Maj. Berg",
      start: "2031-04-01",
      completion: "2031-06-01",
      status: "in-progress",
    },
    control,
  );
  game.run(
    { type: "submitFeedback", strengths: "Clear injects", improvements: "", comments: "", ratings: { "obj-share": 4 } },
    { role: "participant", nation: "north", name: "Alice", seat: "s1" },
  );
  game.run(
    { type: "submitFeedback", strengths: "", improvements: "Longer turns", comments: "", ratings: { "obj-share": 2, "obj-respond": 5 } },
    { role: "participant", nation: "south", name: "Bob", seat: "s2" },
  );
  const report = { ...buildAfterActionReport(game.initial, game.events, "Tiny AAR"), replayUrl: "http://localhost/replay.html#exercise=ex-script" };

  it("analyses each objective and capability: ratings with evaluators' names, consensus, observations with links to the moment", () => {
    const intel = report.analysis.find((o) => o.id === "obj-share")!.capabilities[0]!;
    expect(intel.ratings.map((r) => [r.by, r.rating])).toEqual([
      ["Eve Evaluator", "S"],
      ["Lena Lead", "M"],
    ]);
    expect(intel.consensus).toMatchObject({ rating: "S", by: "Lena Lead" });
    expect(intel.improvements.map((o) => o.author)).toEqual(["Lena Lead"]);
    expect(intel.tasks[0]!.results).toEqual([expect.objectContaining({ nation: "north", result: "met" })]);
    const html = renderHtml(report);
    expect(html).toContain("Executive summary");
    expect(html).toContain("rated by Eve Evaluator");
    expect(html).toContain("signed Lena Lead");
    expect(html).toMatch(/href="http:\/\/localhost\/replay.html#exercise=ex-script&amp;seq=\d+"/);
  });

  it("shows every value an adjudication changed, before and after", () => {
    expect(report.adjudications[0]!.changes).toEqual([{ kind: "stability", target: "island", before: expect.any(Number), after: expect.any(Number) }]);
    const c = report.adjudications[0]!.changes[0]!;
    expect(Number(c.after) - Number(c.before)).toBe(5);
    expect(renderHtml(report)).toContain("stability of Skerry Island");
  });

  it("carries the dissemination matrix, the full improvement plan and the anonymous feedback summary", () => {
    const sighting = report.dissemination.find((d) => d.title === "Warship sighting")!;
    expect(Object.keys(sighting.holders).sort()).toEqual(["north", "south"]);
    expect(report.improvementPlan[0]).toMatchObject({
      capability: "cap-intel",
      element: "planning",
      organisation: "Nordmark J2",
      contact: "Maj. Berg",
      status: "in-progress",
    });
    expect(report.feedback.responses).toBe(2);
    expect(report.feedback.ratings.find((r) => r.objective === "obj-share")).toEqual({ objective: "obj-share", count: 2, mean: 3, counts: [0, 1, 0, 1, 0] });
    const json = JSON.stringify(aarJson(report));
    expect(json).not.toContain("Alice");
    expect(renderHtml(report)).toContain("Primary responsible organisation");
  });
});
