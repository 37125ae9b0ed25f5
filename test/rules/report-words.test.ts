import { describe, it, expect } from "vitest";
import { Game, as, control } from "./game.ts";
import { reportText } from "../../shared/view/report-words.ts";
import { namesIn } from "../../shared/view/feed.ts";
import { viewFor } from "../../shared/engine/view-for.ts";
import type { Report } from "../../shared/state/schema.ts";

/** Reports the engine writes are messages, read in each reader's language; redaction removes every language's text. */
function sighting(g: Game): Report {
  for (let turn = 0; turn < 6; turn++) {
    const seen = Object.values(g.state.detections.north ?? {}).find((d) => d.sensor && d.owner === "red");
    if (seen) {
      // "Report this sighting": the team writes it from its known-forces picture.
      g.do({ type: "reportSighting", asset: seen.asset }, as("north"));
      return Object.values(g.state.reports).find((r) => r.words && r.owner === "north")!;
    }
    g.do({ type: "forceResolve", turn: g.state.turn }, control);
  }
  throw new Error("no ISR sighting in six turns");
}

/** Allies' forces are not reported (docs/RULES.md): the UAV goes to sea, in reach of the Red Gulf. */
const uavAtSea = (s: Parameters<NonNullable<ConstructorParameters<typeof Game>[2]>>[0]) => {
  s.rules = { isrDetectionChance: 1 };
  s.assets!.find((a) => a.id === "n-uav")!.region = "n-sea";
};

describe("reports the engine writes", () => {
  it("an ISR sighting reads in the reader's language, with names", () => {
    const g = new Game(undefined, 7, uavAtSea).start();
    const report = sighting(g);
    const en = reportText("en", report, "title", namesIn(g.state, "en"), "en");
    const fr = reportText("fr", report, "title", namesIn(g.state, "fr"), "en");
    expect(en).toMatch(/^Sighting: /);
    expect(fr).toMatch(/^Détection : /);
    const asset = g.state.assets[report.assets[0]!]!;
    expect(reportText("fr", report, "text", namesIn(g.state, "fr"), "en")).toContain(asset.name);
    expect(reportText("fr", report, "text", namesIn(g.state, "fr"), "en")).toMatch(/^Nos moyens ISR ont observé RNS Grom/);
    expect(reportText("fr", report, "source", namesIn(g.state, "fr"), "en")).toBe("moyens ISR nationaux");
    expect(report.title).toBe(en); // the English stays in the report for older readers
  });

  it("a redacted copy carries neither the original text's translations nor its words", () => {
    const g = new Game(undefined, 7, uavAtSea).start();
    const report = sighting(g);
    g.do(
      { type: "shareIntel", report: report.id, with: [report.owner === "north" ? "south" : "north"], redactedText: "Something was seen." },
      as(report.owner),
    );
    const copy = Object.values(g.state.reports).find((r) => r.copiedFrom === report.id)!;
    // Its words are the redaction's own (a neutral title, a withheld source), none of the original's.
    expect(copy.words?.title.key).toBe("intel.redacted.title");
    expect(JSON.stringify(copy)).not.toMatch(/engine\.report\.(sighting|picture)|RNS Grom/);
    expect(reportText("fr", copy, "text", namesIn(g.state, "fr"), "en")).toBe("Something was seen.");
    const partnerView = JSON.stringify(viewFor(g.state, { kind: "nation", nation: copy.owner }));
    expect(partnerView).not.toContain("engine.report.picture.text");
  });
});
