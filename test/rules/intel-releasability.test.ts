import { describe, it, expect } from "vitest";
import { as } from "./game.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import { nationActions } from "../../shared/aar/nation-actions.ts";
import { game, grant, withEast, copyHeldBy, uavAtSea, rules, reportSighting } from "./intel-fixtures.ts";

const secret = {
  title: "Grom's orders intercepted",
  text: "RNS Grom will shadow the convoy from the Red Gulf.",
  source: "SIGINT station Hald",
  classification: "SECRET",
  assets: ["r-frigate"],
  regions: ["r-sea"],
};
const tearLine = {
  title: "Redonian warship active",
  text: "A Redonian warship may shadow convoys.",
  source: "national means",
  classification: "RESTRICTED",
  releasability: { scope: "alliance" },
  regions: ["r-sea"],
  assets: [] as string[],
};
const share = (report: string, ...partners: string[]) => ({ type: "shareIntel", report, with: partners });

describe("classification and releasability", () => {
  it("a SECRET report is national only: refused to an ally and to the adversary, with a sentence saying why", () => {
    const g = game(7);
    const report = grant(g, "north", secret);
    const sentence = g.refuse(share(report.id, "south"), as("north"), "not_releasable");
    expect(sentence).toBe(
      "This SECRET report is releasable to its originator's nation only, not to Sudland. Make a releasable version (tear line) to share it.",
    );
    g.refuse(share(report.id, "red"), as("north"), "not_releasable");
    expect(viewFor(g.state, { kind: "nation", nation: "north" }).reports[report.id]!.releasability).toEqual({ scope: "national" });
  });

  it("RESTRICTED goes to allies but not to the adversary; UNCLASSIFIED to anyone; a named nation is releasable", () => {
    const g = game(7);
    const restricted = grant(g, "north", { classification: "RESTRICTED" });
    g.do(share(restricted.id, "south"), as("north"));
    g.refuse(share(restricted.id, "red"), as("north"), "not_releasable");
    g.do(share(grant(g, "north", { classification: "UNCLASSIFIED" }).id, "red"), as("north"));
    g.do(share(grant(g, "north", { classification: "SECRET", releasability: { scope: "national", nations: ["south"] } }).id, "south"), as("north"));
  });

  it("a tear line: the originator releases a version field by field, which is shared; the partner never sees the original", () => {
    const g = game(7);
    const original = grant(g, "north", secret);
    const capital = g.state.nations.north!.politicalCapital;
    g.do({ type: "releaseVersion", report: original.id, ...tearLine, shareWith: ["south"] }, as("north"));
    const version = Object.values(g.state.reports).find((r) => r.versionOf === original.id && r.owner === "north")!;
    expect(version).toMatchObject({
      originator: "north",
      title: tearLine.title,
      classification: "RESTRICTED",
      regions: ["r-sea"],
      assets: [],
      copiedFrom: null,
    });
    const copy = copyHeldBy(g, version.id, "south")!;
    expect(copy).toMatchObject({
      title: tearLine.title,
      text: tearLine.text,
      source: "national means",
      versionOf: original.id,
      provenance: [{ from: "north", to: "south", turn: 1, redacted: false }],
    });
    expect(g.state.nations.north!.politicalCapital).toBe(capital - 2);
    // The original is unchanged and stays with Nordmark; Sudland's view has nothing of it.
    expect(g.state.reports[original.id]!.classification).toBe("SECRET");
    const south = JSON.stringify(viewFor(g.state, { kind: "nation", nation: "south" }));
    for (const word of ["intercepted", "shadow the convoy", "SIGINT", "Hald"]) expect(south).not.toContain(word);
    // For the after-action review, Nordmark released a version and shared it.
    expect(
      nationActions(g.events)
        .filter((a) => a.nation === "north")
        .map((a) => a.command),
    ).toEqual(["releaseVersion", "shareIntel"]);
    // The version names no asset: Sudland learns nothing of where RNS Grom is.
    expect(g.state.detections.south!["r-frigate"]).toBeUndefined();
  });

  it("a version names only what the original names, and only the originator releases one", () => {
    const g = game(7);
    const original = grant(g, "north", secret);
    g.refuse({ type: "releaseVersion", report: original.id, ...tearLine, regions: ["island"] }, as("north"), "invalid_target");
    g.refuse({ type: "releaseVersion", report: original.id, ...tearLine, assets: ["s-med"] }, as("north"), "invalid_target");
    g.refuse({ type: "releaseVersion", report: original.id, ...tearLine }, as("south"), "unknown_report");
    g.refuse(
      { type: "releaseVersion", report: original.id, ...tearLine, classification: "SECRET", releasability: { scope: "national" }, shareWith: ["south"] },
      as("north"),
      "not_releasable",
    );
    // A received report's version is its originator's to release.
    const g2 = game(2, uavAtSea, rules({ isrDetectionChance: 1 }));
    g2.endTurn();
    const sighting = reportSighting(g2, "north", "r-frigate");
    g2.do(share(sighting!.id, "south"), as("north"));
    const received = copyHeldBy(g2, sighting!.id, "south")!;
    g2.refuse({ type: "releaseVersion", report: received.id, ...tearLine, regions: [] }, as("south"), "originator_control");
  });

  it("redaction no longer leaves the title, the source or the asset links naming what was redacted", () => {
    const g = game(7);
    const report = grant(g, "north", { ...secret, classification: "RESTRICTED" });
    g.do({ ...share(report.id, "south"), redactedText: "A warship is expected near the convoy route." }, as("north"));
    const copy = copyHeldBy(g, report.id, "south")!;
    expect(copy).toMatchObject({
      title: "Redacted report from Nordmark",
      source: "withheld",
      text: "A warship is expected near the convoy route.",
      assets: [],
      regions: ["r-sea"],
    });
    expect(copy.sightings).toBeUndefined();
    expect(JSON.stringify(copy)).not.toMatch(/Grom|SIGINT|Hald|intercepted/);
    expect(g.state.detections.south!["r-frigate"]).toBeUndefined();
  });
});

describe("originator control", () => {
  it("a received report is not passed on without its originator's release", () => {
    const g = game(2, withEast, uavAtSea, rules({ isrDetectionChance: 1 }));
    g.endTurn();
    const sighting = reportSighting(g, "north", "r-frigate");
    g.do(share(sighting!.id, "south"), as("north"));
    const received = copyHeldBy(g, sighting!.id, "south")!;
    const sentence = g.refuse(share(received.id, "east"), as("south"), "originator_control");
    expect(sentence).toContain("Nordmark originated this report: passing it to Ostria needs Nordmark's release");
    // Back to its originator is fine.
    g.do(share(received.id, "north"), as("south"));
  });

  it("is released by naming the third party or by a version that may be passed on", () => {
    const g = game(7, withEast);
    const named = grant(g, "north", { title: "Named" });
    g.do(
      {
        type: "releaseVersion",
        report: named.id,
        title: "For Sudland and Ostria",
        text: "t",
        source: "s",
        classification: "RESTRICTED",
        releasability: { scope: "national", nations: ["south", "east"] },
        shareWith: ["south"],
      },
      as("north"),
    );
    const version = Object.values(g.state.reports).find((r) => r.versionOf === named.id && r.owner === "north")!;
    g.do(share(copyHeldBy(g, version.id, "south")!.id, "east"), as("south"));
    g.do(
      {
        type: "releaseVersion",
        report: named.id,
        title: "Pass it on",
        text: "t",
        source: "s",
        classification: "RESTRICTED",
        releasability: { scope: "alliance", reshare: true },
        shareWith: ["south"],
      },
      as("north"),
    );
    const open = Object.values(g.state.reports).find((r) => r.versionOf === named.id && r.owner === "north" && r.title === "Pass it on")!;
    g.do(share(copyHeldBy(g, open.id, "south")!.id, "east"), as("south"));
  });

  it("exercise control's reports are not restricted by originator control", () => {
    const g = game(7, withEast);
    const report = grant(g, "north", { classification: "RESTRICTED" });
    g.do(share(report.id, "south"), as("north"));
    g.do(share(copyHeldBy(g, report.id, "south")!.id, "east"), as("south"));
  });
});
