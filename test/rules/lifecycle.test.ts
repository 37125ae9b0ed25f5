import { describe, it, expect } from "vitest";
import { Game, control, observer, system, as } from "./game.ts";

describe("lifecycle: lobby → briefing → running ⇄ paused → ended", () => {
  it("starts in the lobby and goes through briefing into turn 1", () => {
    const g = new Game();
    expect(g.state.phase).toBe("lobby");
    g.do({ type: "startBriefing" });
    expect(g.state.phase).toBe("briefing");
    g.do({ type: "startExercise" });
    expect(g.state).toMatchObject({ phase: "running", turn: 1 });
    expect(g.state.deadline).toBe(g.now + g.state.turnSeconds * 1000);
  });

  it("refuses transitions that do not exist", () => {
    const g = new Game();
    g.refuse({ type: "pauseExercise" }, control, "wrong_phase");
    g.refuse({ type: "resumeExercise" }, control, "wrong_phase");
    g.start();
    g.refuse({ type: "startExercise" }, control, "wrong_phase");
  });

  it("keeps the remaining planning time across a pause", () => {
    const g = new Game().start();
    g.now += 100_000;
    g.do({ type: "pauseExercise" });
    expect(g.state).toMatchObject({ phase: "paused", deadline: null, pausedRemainingMs: g.state.turnSeconds * 1000 - 100_000 });
    g.now += 3_600_000;
    g.do({ type: "resumeExercise" });
    expect(g.state.deadline).toBe(g.now + g.state.turnSeconds * 1000 - 100_000);
  });

  it("gives the next turn its full planning time when a paused turn is forced to resolve", () => {
    // The bug: 880 s into a 900 s turn, pause, force: after resuming, turn 2 had 20 s.
    const g = new Game().start();
    g.do({ type: "setTurnTimer", seconds: 900 });
    g.now += 880_000;
    g.do({ type: "pauseExercise" });
    expect(g.state.pausedRemainingMs).toBe(20_000);
    g.do({ type: "forceResolve", turn: 1 });
    expect(g.state).toMatchObject({ phase: "paused", turn: 2, deadline: null, pausedRemainingMs: 900_000 });
    g.now += 60_000;
    g.do({ type: "resumeExercise" });
    expect(g.state.deadline).toBe(g.now + 900_000);
  });

  it("sets the turn timer from now", () => {
    const g = new Game().start();
    g.do({ type: "setTurnTimer", seconds: 120 });
    expect(g.state).toMatchObject({ turnSeconds: 120, deadline: g.now + 120_000 });
  });

  it("ends and refuses play afterwards", () => {
    const g = new Game().start();
    g.do({ type: "endExercise" });
    expect(g.state.phase).toBe("ended");
    g.refuse({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "escort" } }, as("north"), "wrong_phase");
    g.refuse({ type: "setTurnTimer", seconds: 60 }, control, "wrong_phase");
  });
});

describe("authorization", () => {
  it("keeps observers read-only", () => {
    const g = new Game().start();
    g.refuse({ type: "sendMessage", channel: "alliance", text: "hi" }, observer, "read_only");
    g.refuse({ type: "pauseExercise" }, observer, "read_only");
  });

  it("keeps facilitator commands for exercise control", () => {
    const g = new Game().start();
    g.refuse({ type: "pauseExercise" }, as("north"), "not_facilitator");
    g.refuse({ type: "releaseInject", inject: "red-sighting" }, as("north"), "not_facilitator");
  });

  it("lets only the server's clock expire the timer", () => {
    const g = new Game().start();
    g.refuse({ type: "timerExpired", turn: 1 }, control, "not_facilitator");
    g.refuse({ type: "timerExpired", turn: 1 }, as("north"), "not_facilitator");
    g.refuse({ type: "startExercise" }, system, "not_facilitator");
  });

  it("refuses participant commands from exercise control and from non-playable nations", () => {
    const g = new Game().start();
    g.refuse({ type: "commitTurn", turn: 1 }, control, "not_your_nation");
    g.refuse({ type: "commitTurn", turn: 1 }, as("red"), "not_your_nation");
  });
});

describe("turn cycle", () => {
  it("resolves when every playable nation has committed", () => {
    const g = new Game().start();
    g.do({ type: "commitTurn", turn: 1 }, as("north"));
    expect(g.state.turn).toBe(1);
    expect(g.state.nations.north!.committed).toBe(true);
    g.do({ type: "commitTurn", turn: 1 }, as("south"));
    expect(g.state.turn).toBe(2);
    expect(g.state.nations.north!.committed).toBe(false);
    expect(g.types()).toContain("resolutionStarted");
  });

  it("un-commits, refuses double commits and stale turns", () => {
    const g = new Game().start();
    g.do({ type: "commitTurn", turn: 1 }, as("north"));
    g.refuse({ type: "commitTurn", turn: 1 }, as("north"), "already_committed");
    g.do({ type: "uncommitTurn", turn: 1 }, as("north"));
    g.refuse({ type: "uncommitTurn", turn: 1 }, as("north"), "not_committed");
    g.refuse({ type: "commitTurn", turn: 5 }, as("north"), "stale_turn");
  });

  it("resolves on timer expiry only after the deadline", () => {
    const g = new Game().start();
    g.refuse({ type: "timerExpired", turn: 1 }, system, "wrong_phase");
    g.now = g.state.deadline! + 1;
    g.do({ type: "timerExpired", turn: 1 }, system);
    expect(g.state.turn).toBe(2);
    g.refuse({ type: "timerExpired", turn: 1 }, system, "stale_turn");
  });

  it("resolves when forced, and ends after the last turn", () => {
    const g = new Game().start();
    for (let turn = 1; turn <= 4; turn++) g.do({ type: "forceResolve", turn });
    expect(g.state.phase).toBe("ended");
    expect(g.types().filter((t) => t === "resolutionStarted").length).toBe(4);
  });

  it("refuses to change drafts once committed", () => {
    const g = new Game().start();
    g.do({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "escort" } }, as("north"));
    g.do({ type: "commitTurn", turn: 1 }, as("north"));
    g.refuse({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "patrol" } }, as("north"), "already_committed");
    g.refuse({ type: "withdrawDraft", draft: Object.keys(g.state.drafts)[0]! }, as("north"), "already_committed");
  });

  it("clears drafts when the next turn starts", () => {
    const g = new Game().start();
    g.do({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "escort" } }, as("north"));
    expect(Object.keys(g.state.drafts)).toHaveLength(1);
    g.endTurn();
    expect(g.state.drafts).toEqual({});
    expect(g.state.assets["n-frigate"]!.mission).toBe("escort");
  });
});
