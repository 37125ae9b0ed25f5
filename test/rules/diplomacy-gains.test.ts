import { describe, it, expect } from "vitest";
import { Game, as } from "./game.ts";

/** Diplomacy's effects depend on the parties' current trust and readiness (docs/RULES.md). */
function pair(trust: number, readiness: number): Game {
  return new Game(undefined, 9, (s) => {
    s.relations = [{ a: "north", b: "south", trust, interoperability: 40 }];
    for (const n of s.nations!) n.readiness = readiness;
  }).start();
}
const relation = (g: Game) => g.state.relations["north|south"]!;

function exercise(g: Game): Game {
  g.do({ type: "proposeJointExercise", partners: ["south"], title: "Drill" }, as("north"));
  g.do(
    { type: "answerAgreement", agreement: Object.values(g.state.agreements).find((a) => a.kind === "joint-exercise-programme")!.id, accept: true },
    as("south"),
  );
  return g.endTurn();
}

describe("diplomacy by trust and readiness", () => {
  it("a joint exercise builds more interoperability between ready forces than between tired ones", () => {
    const ready = exercise(pair(50, 91));
    const tired = exercise(pair(50, 35));
    // 6 × min(1.5, 91/70 = 1.3) = 7.8; 6 × 35/70 = 3.
    expect(relation(ready).interoperability).toBeCloseTo(40 + 7.8, 5);
    expect(relation(tired).interoperability).toBeCloseTo(40 + 3, 5);
    expect(ready.events.some((e) => e.type === "ruleApplied" && e.rule === "diplomacy.jointExercise")).toBe(true);
  });

  it("a dialogue adds more trust between wary partners than between close ones", () => {
    const wary = pair(20, 60);
    const close = pair(90, 60);
    for (const g of [wary, close]) g.do({ type: "conveneDialogue", nations: ["south"], topic: "Incidents" }, as("north"));
    wary.endTurn();
    close.endTurn();
    // 3 × (100 − 20)/50 = 4.8; 3 × (100 − 90)/50 = 0.6.
    expect(relation(wary).trust).toBeCloseTo(20 + 4.8, 5);
    expect(relation(close).trust).toBeCloseTo(90 + 0.6, 5);
  });
});
