import { describe, it, expect } from "vitest";
import { ReplaySession } from "../../shared/replay/replay-session.ts";
import { chartPairs, choosePair } from "../../client/src/replay/replay-charts.ts";
import { playTiny, tinyScenario } from "../aar/play-tiny.ts";

describe("replay: the pairs a perspective may chart", () => {
  const game = playTiny();
  const replay = new ReplaySession({ exerciseId: "ex-script", scenario: tinyScenario, seed: 11, events: game.events }, 8);
  const allies = new Set(["north", "south"]);

  it("offers the white cell every pair and a nation only its own", () => {
    expect(chartPairs(replay.viewAt(replay.lastSeq, { kind: "white" }))).toEqual([
      ["north", "red"],
      ["north", "south"],
      ["red", "south"],
    ]);
    expect(chartPairs(replay.viewAt(replay.lastSeq, { kind: "nation", nation: "south" }))).toEqual([
      ["north", "south"],
      ["red", "south"],
    ]);
  });

  it("keeps the charted pair when the new perspective holds it, else takes one of its own", () => {
    const south = chartPairs(replay.viewAt(replay.lastSeq, { kind: "nation", nation: "south" }));
    expect(choosePair(south, ["red", "south"], allies)).toEqual(["red", "south"]);
    expect(choosePair(south, ["north", "red"], allies)).toEqual(["north", "south"]);
    expect(choosePair([], ["north", "red"], allies)).toBeNull();
  });
});
