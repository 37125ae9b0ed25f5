import type { Handler, Of } from "./decide.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { msg } from "../i18n/message.ts";
import { phaseWord } from "./words.ts";
import { resolveTurnInto, startTurn, finishExercise } from "./resolve-turn.ts";
import type { Phase } from "../state/schema.ts";

const allowedFrom: Record<string, Phase[]> = {
  startBriefing: ["lobby"],
  startExercise: ["lobby", "briefing"],
  pauseExercise: ["running"],
  resumeExercise: ["paused"],
  endExercise: ["lobby", "briefing", "running", "paused"],
};

/** lobby → briefing → running ⇄ paused → ended */
export const changePhase: Handler<Of<"startBriefing" | "startExercise" | "pauseExercise" | "resumeExercise" | "endExercise">> = (b, command) => {
  const { phase } = b.state;
  if (!allowedFrom[command.type]!.includes(phase)) {
    return refuse(RejectionCode.WrongPhase, "engine.phase.change", { action: msg(`engine.action.${command.type}`), phase: phaseWord(phase) });
  }
  switch (command.type) {
    case "startBriefing":
      return void b.emit({ type: "briefingStarted" });
    case "startExercise":
      b.emit({ type: "exerciseStarted" });
      return void startTurn(b, 1);
    case "pauseExercise":
      return void b.emit({ type: "exercisePaused", remainingMs: b.state.deadline === null ? null : Math.max(0, b.state.deadline - b.now) });
    case "resumeExercise":
      return void b.emit({ type: "exerciseResumed", deadline: b.state.pausedRemainingMs === null ? null : b.now + b.state.pausedRemainingMs });
    case "endExercise":
      return void finishExercise(b);
  }
};

export const setTurnTimer: Handler<Of<"setTurnTimer">> = (b, command) => {
  if (b.state.phase === "ended") return refuse(RejectionCode.WrongPhase, "engine.phase.ended");
  const deadline = b.state.phase === "running" ? b.now + command.seconds * 1000 : null;
  b.emit({ type: "turnTimerSet", seconds: command.seconds, deadline });
};

export const forceResolve: Handler<Of<"forceResolve">> = (b, command) => {
  if (b.state.phase !== "running" && b.state.phase !== "paused")
    return refuse(RejectionCode.WrongPhase, "engine.phase.noTurnToResolve", { phase: phaseWord(b.state.phase) });
  if (command.turn !== b.state.turn) return refuse(RejectionCode.StaleTurn, "engine.turn.stale", { turn: command.turn, current: b.state.turn });
  resolveTurnInto(b, "forced");
  // Resolved while paused: the time kept by the pause belonged to the turn just resolved. The new
  // turn waits with its full planning time, which resuming then starts.
  if (b.state.phase === "paused") b.emit({ type: "turnTimerSet", seconds: b.state.turnSeconds, deadline: null });
};

export const timerExpired: Handler<Of<"timerExpired">> = (b, command) => {
  if (b.state.phase !== "running") return refuse(RejectionCode.WrongPhase, "engine.phase.timerNotRunning", { phase: phaseWord(b.state.phase) });
  if (command.turn !== b.state.turn) return refuse(RejectionCode.StaleTurn, "engine.turn.alreadyResolved", { turn: command.turn });
  if (b.state.deadline === null || b.now < b.state.deadline) return refuse(RejectionCode.WrongPhase, "engine.phase.timerNotOut");
  resolveTurnInto(b, "timer");
};
