import { describe, it, expect } from "vitest";
import { as } from "./game.ts";
import { disseminationMatrix } from "../../shared/engine/dissemination.ts";
import { game, grant, withEast, uavAtSea, rules } from "./intel-fixtures.ts";
import { buildAfterActionReport, renderMarkdown } from "../../shared/aar/index.ts";

describe("the dissemination matrix", () => {
  it("says who held which report and which version from when, and from whom", () => {
    const g = game(7, withEast);
    const original = grant(g, "north", { title: "Grom sighted", classification: "SECRET" });
    const other = grant(g, "south", { title: "Storm damage", classification: "RESTRICTED" });
    g.endTurn();
    g.do(
      {
        type: "releaseVersion",
        report: original.id,
        title: "Warship sighted",
        text: "t",
        source: "s",
        classification: "RESTRICTED",
        releasability: { scope: "alliance" },
        shareWith: ["south"],
      },
      as("north"),
    );
    g.endTurn();
    g.do({ type: "shareIntel", report: other.id, with: ["north", "east"], redactedText: "Damage." }, as("south"));
    const rows = disseminationMatrix(g.state);
    const version = Object.values(g.state.reports).find((r) => r.versionOf === original.id && r.owner === "north")!;
    expect(rows.map((r) => [r.report, r.versionOf, r.title, Object.keys(r.holders).sort()])).toEqual([
      [original.id, null, "Grom sighted", ["north"]],
      [other.id, null, "Storm damage", ["east", "north", "south"]],
      [version.id, original.id, "Warship sighted", ["north", "south"]],
    ]);
    const versionRow = rows.find((r) => r.report === version.id)!;
    expect(versionRow.holders.north).toMatchObject({ turn: 2, copy: version.id, from: null });
    expect(versionRow.holders.south).toMatchObject({ turn: 2, from: "north", redacted: false });
    expect(rows.find((r) => r.report === other.id)!.holders.east).toMatchObject({ turn: 3, from: "south", redacted: true });
    expect(rows.find((r) => r.report === other.id)!.holders.south).toMatchObject({ turn: 1, from: null });
  });

  it("is the matrix as it stood at any point of the log", () => {
    const g = game(7);
    const report = grant(g, "north", {});
    const early = g.state;
    g.do({ type: "shareIntel", report: report.id, with: ["south"] }, as("north"));
    expect(Object.keys(disseminationMatrix(early)[0]!.holders)).toEqual(["north"]);
    expect(Object.keys(disseminationMatrix(g.state)[0]!.holders).sort()).toEqual(["north", "south"]);
  });

  it("has a row for the sightings a full sharing policy passed on, held by the partners they went to and nobody else", () => {
    const g = game(2, withEast, uavAtSea, rules({ isrDetectionChance: 1 }));
    g.do({ type: "draftOrder", order: { kind: "setPolicy", intelSharing: { south: "full" } } }, as("north"));
    g.endTurn();
    const rows = disseminationMatrix(g.state).filter((r) => r.picture);
    expect(rows).toEqual([
      expect.objectContaining({
        report: "picture:north:1",
        originator: "north",
        classification: "CONFIDENTIAL",
        title: "Known-forces picture of Nordmark, turn 1 (1 sighting)",
        picture: { turn: 1, assets: ["r-frigate"] },
        holders: {
          north: { turn: 1, copy: "picture:north:1", from: null, redacted: false },
          south: { turn: 1, copy: "picture:north:1", from: "north", redacted: false },
        },
      }),
    ]);
    // The after-action report names it in the reader's language.
    const fr = renderMarkdown(buildAfterActionReport(g.initial, g.events, "T"), "fr");
    expect(fr).toContain("Situation des forces connues de Nordmark, tour 1 (1 observation)");
  });

  it("has no row for sightings kept back: not releasable to the partner, nothing went", () => {
    const g = game(2, uavAtSea, rules({ isrDetectionChance: 1, releasabilityByClassification: { CONFIDENTIAL: "national" } }));
    g.do({ type: "draftOrder", order: { kind: "setPolicy", intelSharing: { south: "full" } } }, as("north"));
    g.endTurn();
    expect(disseminationMatrix(g.state).filter((r) => r.picture)).toEqual([]);
  });
});
