import { describe, it, expect } from "vitest";
import { parse } from "csv-parse/sync";
import { buildAfterActionReport, renderHtml, renderMarkdown, renderCsvTables, aarJson } from "../../shared/aar/index.ts";
import { playTiny, control } from "./play-tiny.ts";
import type { Actor } from "../../shared/protocol/commands.ts";

const eve: Actor = { role: "evaluator", name: "Eve Evaluator" };
const lead: Actor = { role: "evaluator", name: "Lena Lead", lead: true };
const FORMULA = '=HYPERLINK("//x.invalid","a")';

function report() {
  const game = playTiny();
  game.run({ type: "recordObservation", kind: "strength", text: "Sudland's hospital moved before the storm.", task: "task-preposition", nation: "south" }, eve);
  game.run({ type: "recordObservation", kind: "improvement", text: FORMULA, task: "task-share-sighting", inject: "red-sighting", nation: "north" }, lead);
  game.run({ type: "rateCapability", capability: "cap-intel", rating: "S", rationale: "-Late by a turn" }, eve);
  game.run({ type: "setConsensusRating", capability: "cap-intel", rating: "S", rationale: "Shared, a turn late" }, lead);
  game.run(
    {
      type: "recordImprovement",
      issue: "+Sightings stay national",
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
    { type: "submitFeedback", strengths: "@Clear injects", improvements: "", comments: "More time", ratings: { "obj-share": 4 } },
    { role: "participant", nation: "north", name: "Alice", seat: "s1" },
  );
  return { ...buildAfterActionReport(game.initial, game.events, "Tiny AAR"), replayUrl: "http://localhost/replay.html#exercise=ex-script" };
}

describe("every export carries every table", () => {
  const r = report();

  it("Markdown shows every section the HTML shows", () => {
    const html = renderHtml(r);
    const md = renderMarkdown(r);
    const htmlHeadings = [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]!.replace(/&amp;/g, "&").replace(/&#39;|&apos;/g, "'"));
    const mdHeadings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    // The charts are pictures; Markdown gives their figures as the metrics table instead.
    expect(htmlHeadings.length).toBeGreaterThan(10);
    for (const heading of htmlHeadings.filter((h) => h !== "Metrics over time")) expect(mdHeadings).toContain(heading);
    expect(mdHeadings).toContain("Metrics by turn");
    expect(md).toContain("rated by Eve Evaluator");
    expect(md).toContain("signed Lena Lead");
    expect(md).toMatch(/\[turn \d+, [^\]]+\]\(http:\/\/localhost\/replay\.html#exercise=ex-script&seq=\d+\)/);
    expect(md).toContain(
      "| Capability | Issue / area for improvement | Corrective action | Capability element | Primary responsible organisation | Point of contact | Start date | Completion date | Status |",
    );
    expect(md).toContain(
      "| Intelligence sharing | +Sightings stay national | Standing agreement | Planning | Nordmark J2 | Maj. Berg | 2031-04-01 | 2031-06-01 | in progress |",
    );
    expect(md).toContain("stability of Skerry Island");
    expect(md).toContain("1 participant answered (anonymous).");
    expect(md).not.toContain("Alice");
  });

  it("the CSV tables hold the observations, ratings, plan and feedback, signed, with every formula neutralised", () => {
    const tables = Object.fromEntries(renderCsvTables(r).map((t) => [t.name, parse(t.csv, { columns: true }) as Record<string, string>[]]));
    expect(Object.keys(tables).sort()).toEqual([
      "adjudications.csv",
      "dissemination.csv",
      "feedback-comments.csv",
      "feedback-ratings.csv",
      "improvement-plan.csv",
      "injects.csv",
      "metrics.csv",
      "notes.csv",
      "objectives.csv",
      "observations.csv",
      "ratings.csv",
      "timeline.csv",
    ]);
    const obs = tables["observations.csv"]!;
    expect(obs.map((o) => [o.Evaluator, o.Kind])).toEqual([
      ["Eve Evaluator", "Strength"],
      ["Lena Lead", "Area for improvement"],
    ]);
    expect(obs[1]!.Text).toBe(`'${FORMULA}`);
    expect(obs[1]!["Replay moment"]).toMatch(/^http:\/\/localhost\/replay\.html#exercise=ex-script&seq=\d+$/);
    expect(tables["ratings.csv"]!.map((g) => [g.Evaluator, g.Rating, g.Rationale])).toEqual([
      ["Eve Evaluator", "S — performed with some challenges", "'-Late by a turn"],
      ["Consensus (set by Lena Lead)", "S — performed with some challenges", "Shared, a turn late"],
    ]);
    expect(tables["improvement-plan.csv"]![0]).toMatchObject({
      Capability: "Intelligence sharing",
      "Issue / area for improvement": "'+Sightings stay national",
      "Point of contact": "Maj. Berg",
      Status: "in progress",
    });
    expect(tables["feedback-comments.csv"]).toEqual([
      { Kind: "Strengths", Text: "'@Clear injects" },
      { Kind: "Other comments", Text: "More time" },
    ]);
    expect(tables["adjudications.csv"]![0]).toMatchObject({ Value: "stability of Skerry Island" });
    expect(JSON.stringify(tables)).not.toContain("Alice");
  });

  it("JSON carries the same observations and ratings, signed", () => {
    const json = aarJson(r);
    expect(json.observations.map((o) => o.author)).toEqual(["Eve Evaluator", "Lena Lead"]);
    expect(json.analysis.flatMap((o) => o.capabilities).find((c) => c.id === "cap-intel")!.consensus).toMatchObject({ by: "Lena Lead", rating: "S" });
  });
});
