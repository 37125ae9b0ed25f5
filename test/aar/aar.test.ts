import { describe, it, expect } from "vitest";
import { buildAfterActionReport, renderCsv, renderHtml, renderMarkdown } from "../../shared/aar/index.ts";
import { playTiny } from "./play-tiny.ts";

describe("after-action report", () => {
  const game = playTiny();
  const report = buildAfterActionReport(game.initial, game.events, "Tiny AAR");

  it("judges each inject against what the addressed nations did, with response times", () => {
    const sighting = report.injects.find((i) => i.inject === "red-sighting")!;
    expect(sighting.releasedTurn).toBe(1);
    expect(sighting.expected[0]!.byNation).toEqual([
      expect.objectContaining({
        nation: "north",
        verdict: "met",
        responseTurns: 1,
        action: expect.objectContaining({ detail: { key: "aar.action.sharedIntel", params: { to: [{ ref: "nation", id: "south" }] } } }),
      }),
    ]);
    expect(sighting.notes[0]!.text).toMatch(/hesitated/);
    const warning = report.injects.find((i) => i.inject === "storm-warning")!;
    const south = warning.expected[0]!.byNation.find((n) => n.nation === "south")!;
    expect(south.verdict).toBe("not met"); // they deployed rather than pre-positioned
  });

  it("records objectives, adjudications and one metrics snapshot per turn", () => {
    expect(report.objectives.map((o) => o.id)).toEqual(["island-stable"]);
    expect(report.adjudications[0]!.rationale).toMatch(/evacuated/);
    expect(report.metrics.map((m) => m.turn)).toEqual([0, 2, 3, 4, 4]);
    expect(report.exercise.phase).toBe("ended");
  });

  it("renders the same content as HTML, Markdown and CSV", () => {
    const html = renderHtml(report);
    expect(html).toContain("<svg");
    expect(html).toContain("Unidentified warship near the Northern Sea");
    expect(html).toContain("Nordmark hesitated");
    expect(renderMarkdown(report)).toContain("| Share the sighting with Sudland | Nordmark | met | 1 |");
    const csv = renderCsv(report).split("\r\n");
    expect(csv[0]).toMatch(/^Inject No\.,Title,/);
    expect(csv.some((line) => line.startsWith("1.02,Unidentified warship") && line.includes(",met,1,"))).toBe(true);
  });

  it("is a pure fold: the same log gives the same report", () => {
    expect(buildAfterActionReport(game.initial, game.events, "Tiny AAR")).toEqual(report);
  });
});
