import { describe, it, expect } from "vitest";
import { Game, as } from "../rules/game.ts";
import { consistentBranchPoint } from "../../server/exercises/branch-point.ts";

/** Where a branch may start in a real log: never inside a turn's resolution (server/exercises/branch-point.ts). */
describe("the branch point", () => {
  const g = new Game().start();
  g.do({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } }, as("north"));
  g.now += 5_000;
  g.do({ type: "commitTurn", turn: 1 }, as("north"));
  g.now += 5_000;
  g.do({ type: "commitTurn", turn: 1 }, as("south")); // the last commitment resolves turn 1
  g.now += 5_000;
  g.do({ type: "sendMessage", channel: "team:north", text: "after the resolution" }, as("north"));
  const events = g.events;
  const started = events.find((e) => e.type === "resolutionStarted")!.seq;
  const batchEnd = Math.max(...events.filter((e) => e.at === events[started - 1]!.at).map((e) => e.seq));

  it("keeps a point before or after a resolution", () => {
    expect(consistentBranchPoint(events, 0)).toBe(0);
    expect(consistentBranchPoint(events, started - 1)).toBe(started - 1);
    expect(consistentBranchPoint(events, batchEnd)).toBe(batchEnd);
    expect(consistentBranchPoint(events, events.length)).toBe(events.length);
  });

  it("moves every point inside it, up to the end of its batch after the new turn starts, to just before it", () => {
    expect(events.slice(started - 1, batchEnd).map((e) => e.type)).toContain("turnStarted");
    for (let seq = started; seq < batchEnd; seq++) expect(consistentBranchPoint(events, seq), `seq ${seq}`).toBe(started - 1);
  });
});
