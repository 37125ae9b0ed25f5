import type { Handler, Of } from "./decide.ts";
import { RejectionCode } from "../protocol/rejections.ts";
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
    return { code: RejectionCode.WrongPhase, message: `Cannot ${describe(command.type)} while the exercise is ${phase}.` };
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

function describe(type: string): string {
  return type.replace(/([A-Z])/g, " $1").toLowerCase();
}

export const setTurnTimer: Handler<Of<"setTurnTimer">> = (b, command) => {
  if (b.state.phase === "ended") return { code: RejectionCode.WrongPhase, message: "The exercise has ended." };
  const deadline = b.state.phase === "running" ? b.now + command.seconds * 1000 : null;
  b.emit({ type: "turnTimerSet", seconds: command.seconds, deadline });
};

export const forceResolve: Handler<Of<"forceResolve">> = (b, command) => {
  if (b.state.phase !== "running" && b.state.phase !== "paused") return { code: RejectionCode.WrongPhase, message: `No turn to resolve while the exercise is ${b.state.phase}.` };
  if (command.turn !== b.state.turn) return { code: RejectionCode.StaleTurn, message: `Turn ${command.turn} is over; the current turn is ${b.state.turn}.` };
  resolveTurnInto(b, "forced");
};

export const timerExpired: Handler<Of<"timerExpired">> = (b, command) => {
  if (b.state.phase !== "running") return { code: RejectionCode.WrongPhase, message: `The timer does not run while the exercise is ${b.state.phase}.` };
  if (command.turn !== b.state.turn) return { code: RejectionCode.StaleTurn, message: `Turn ${command.turn} already resolved.` };
  if (b.state.deadline === null || b.now < b.state.deadline) return { code: RejectionCode.WrongPhase, message: "The turn timer has not run out yet." };
  resolveTurnInto(b, "timer");
};
