import type { FACILITATOR_COMMANDS } from "../protocol/commands.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";

export type FacilitatorCommandType = (typeof FACILITATOR_COMMANDS)[number];

/**
 * What exercise control's commands do, in words: "Only exercise control can resolve the turn"
 * (decide.ts's refusal) and "Controller Ana: release an inject" (the white cell's news, feed.ts).
 * One list, so the refusal and the news never name an action two ways.
 */
export const FACILITATOR_ACTIONS: Record<FacilitatorCommandType, MessageKey> = {
  startBriefing: "engine.action.startBriefing",
  startExercise: "engine.action.startExercise",
  pauseExercise: "engine.action.pauseExercise",
  resumeExercise: "engine.action.resumeExercise",
  endExercise: "engine.action.endExercise",
  setTurnTimer: "engine.action.setTurnTimer",
  forceResolve: "engine.action.forceResolve",
  releaseInject: "engine.action.releaseInject",
  skipInject: "engine.action.skipInject",
  delayInject: "engine.action.delayInject",
  fireInject: "engine.action.fireInject",
  adjustState: "engine.action.adjustState",
  grantIntel: "engine.action.grantIntel",
  addNote: "engine.action.addNote",
  facilitatorMessage: "engine.action.facilitatorMessage",
  recordImprovement: "engine.action.recordImprovement",
  removeImprovement: "engine.action.removeImprovement",
  designateCommander: "toa.action.designateCommander",
  setNationControl: "control.action.setNationControl",
  approvePlaybookMove: "playbook.action.approve",
  dropPlaybookMove: "playbook.action.drop",
  editInject: "msel.action.edit",
  addInject: "msel.action.add",
  deleteInject: "msel.action.delete",
  moveInject: "msel.action.move",
  holdInject: "msel.action.hold",
  unskipInject: "msel.action.unskip",
  importMsel: "msel.action.import",
  controlMessage: "seats.action.controlMessage",
  logControlEntry: "seats.action.logControlEntry",
};

/** Commands whose events carry their author already (`by`, `author`): no controlActed is logged for them (decide.ts). */
export const SIGNS_ITSELF: ReadonlySet<string> = new Set([
  "adjustState",
  "addNote",
  "facilitatorMessage",
  "controlMessage",
  "logControlEntry",
  "recordImprovement",
  "setNationControl",
  "withdrawDraft",
]);

/**
 * Signed in the log (a controlActed before them) but given no signing line in the news: their own
 * lines say who did it already (the MSEL's changes, playbook approvals), or no named controller
 * may give them (endExercise is the lead's, control-scope.ts).
 */
const NAMED_BY_THEIR_OWN_LINES: ReadonlySet<string> = new Set([
  "endExercise",
  "approvePlaybookMove",
  "dropPlaybookMove",
  "editInject",
  "addInject",
  "deleteInject",
  "moveInject",
  "holdInject",
  "unskipInject",
  "importMsel",
]);

/** The words of the white cell's signing line for a controller's command ("release an inject"), or null when the news gives none. */
export function signedAction(command: string): MessageKey | null {
  if (!Object.hasOwn(FACILITATOR_ACTIONS, command) || SIGNS_ITSELF.has(command) || NAMED_BY_THEIR_OWN_LINES.has(command)) return null;
  return FACILITATOR_ACTIONS[command as FacilitatorCommandType];
}
