import { describe, it, expect } from "vitest";
import { buildAfterActionReport, renderHtml, renderMarkdown } from "../../shared/aar/index.ts";
import { Game, as } from "../rules/game.ts";

function played() {
  const g = new Game().start();
  g.do({ type: "sendMessage", channel: "alliance", text: "Blue here." }, as("north"));
  g.do(
    { type: "sendMessage", channel: "bilateral:north:red", text: "We are watching." },
    { role: "participant", nation: "red", name: "Ana", simulated: "roleplayer" },
  );
  g.do({ type: "logControlEntry", text: "Red escalates early." }, { role: "controller", name: "Bo", nations: null });
  g.do({ type: "releaseInject", inject: "red-sighting" }, { role: "controller", name: "Bo", nations: null });
  return g;
}

describe("the AAR's record of the red cell and of exercise control", () => {
  it("lists each move made for a nation and who made it, and the controller log", () => {
    const g = played();
    const report = buildAfterActionReport(g.initial, g.events, "Seats");
    expect(report.control.simulatedMoves).toEqual([expect.objectContaining({ turn: 1, nation: "red", by: "Ana", as: "roleplayer", command: "sendMessage" })]);
    expect(report.control.controlLog).toEqual([expect.objectContaining({ turn: 1, by: "Bo", text: "Red escalates early." })]);
    const md = renderMarkdown(report, "en");
    expect(md).toContain("## Moves made for nations by the red cell and exercise control");
    expect(md).toContain("- Turn 1: role-player Ana for Redonia");
    expect(md).toContain("- Turn 1, Bo: Red escalates early.");
    expect(renderHtml(report, "fr")).toContain("Tour 1 : joueur de rôle Ana pour Redonia");
    // Each named controller's action is signed in the timeline.
    expect(md).toContain("Controller Bo: release an inject");
  });

  it("says so when nothing was simulated or logged", () => {
    const g = new Game().start();
    const md = renderMarkdown(buildAfterActionReport(g.initial, g.events, "Seats"), "en");
    expect(md).toContain("No move was made for a nation by a role-player");
    expect(md).toContain("Nothing was written in the controller log.");
  });
});
