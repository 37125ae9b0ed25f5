import { describe, it, expect } from "vitest";
import { expectWellWorded } from "./well-worded.ts";
import { decide } from "../../shared/engine/decide.ts";
import { Command, PARTICIPANT_COMMANDS, FACILITATOR_COMMANDS, type Actor } from "../../shared/protocol/commands.ts";
import { Game } from "./game.ts";

/** One well-formed example of every command, so that only authorization can refuse it. */
const EXAMPLES: Record<string, unknown> = {
  draftOrder: { type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "escort" } },
  withdrawDraft: { type: "withdrawDraft", draft: "d1" },
  commitTurn: { type: "commitTurn", turn: 1 },
  uncommitTurn: { type: "uncommitTurn", turn: 1 },
  shareIntel: { type: "shareIntel", report: "r1", with: ["south"] },
  releaseVersion: {
    type: "releaseVersion",
    report: "r1",
    title: "t",
    text: "x",
    source: "s",
    classification: "RESTRICTED",
    releasability: { scope: "alliance" },
  },
  reportSighting: { type: "reportSighting", asset: "r-frigate" },
  requestInfo: { type: "requestInfo", to: "south", question: "?" },
  answerInfo: { type: "answerInfo", request: "q1", answer: "!" },
  requestConsent: { type: "requestConsent", host: "south", region: "island" },
  answerConsent: { type: "answerConsent", request: "c1", grant: true },
  proposeAgreement: { type: "proposeAgreement", kind: "mou", title: "MOU", parties: ["south"] },
  answerAgreement: { type: "answerAgreement", agreement: "a1", accept: true },
  terminateAgreement: { type: "terminateAgreement", agreement: "a1" },
  revokeConsent: { type: "revokeConsent", request: "c1" },
  designateCommander: { type: "designateCommander", nation: "north" },
  proposeJointExercise: { type: "proposeJointExercise", partners: ["south"], title: "Drill" },
  conveneDialogue: { type: "conveneDialogue", nations: ["south"], topic: "Talks" },
  makeStatement: { type: "makeStatement", stance: "quiet", text: "…" },
  sendMessage: { type: "sendMessage", channel: "alliance", text: "hi" },
  pingRegion: { type: "pingRegion", region: "island" },
  startBriefing: { type: "startBriefing" },
  startExercise: { type: "startExercise" },
  pauseExercise: { type: "pauseExercise" },
  resumeExercise: { type: "resumeExercise" },
  endExercise: { type: "endExercise" },
  setTurnTimer: { type: "setTurnTimer", seconds: 60 },
  forceResolve: { type: "forceResolve", turn: 1 },
  releaseInject: { type: "releaseInject", inject: "red-sighting" },
  skipInject: { type: "skipInject", inject: "red-sighting" },
  delayInject: { type: "delayInject", inject: "red-sighting", toTurn: 3 },
  fireInject: { type: "fireInject", inject: { number: "X", type: "event", from: "C", to: "all", title: "t", body: "b" } },
  adjustState: { type: "adjustState", effects: [{ kind: "stability", region: "island", delta: 1 }], rationale: "why" },
  grantIntel: { type: "grantIntel", to: ["north"], report: { title: "t", text: "x" } },
  addNote: { type: "addNote", text: "note" },
  facilitatorMessage: { type: "facilitatorMessage", to: "north", text: "hi" },
  recordImprovement: { type: "recordImprovement", issue: "i", recommendation: "r" },
  removeImprovement: { type: "removeImprovement", item: "i1" },
  setNationControl: { type: "setNationControl", nation: "south", by: "bot", persona: "cautious" },
  approvePlaybookMove: { type: "approvePlaybookMove", move: "pb1" },
  dropPlaybookMove: { type: "dropPlaybookMove", move: "pb1", reason: "too early" },
  editInject: {
    type: "editInject",
    inject: "red-sighting",
    spec: { number: "1.02", trigger: { kind: "scheduled", turn: 2 }, type: "event", from: "C", to: "all", title: "t", body: "b" },
    reason: "r",
  },
  addInject: { type: "addInject", spec: { number: "9.01", trigger: { kind: "manual" }, type: "event", from: "C", to: "all", title: "t", body: "b" } },
  deleteInject: { type: "deleteInject", inject: "red-sighting" },
  moveInject: { type: "moveInject", inject: "red-sighting", before: "storm-warning" },
  holdInject: { type: "holdInject", inject: "red-sighting", held: true },
  unskipInject: { type: "unskipInject", inject: "red-sighting" },
  importMsel: { type: "importMsel", msel: [] },
  controlMessage: { type: "controlMessage", text: "Hold 3.02 until Blue answers." },
  logControlEntry: { type: "logControlEntry", text: "Turn 1 started late." },
};

const ACTORS: Record<string, Actor> = {
  participant: { role: "participant", nation: "north", name: "Alice" },
  "non-playable nation": { role: "participant", nation: "red", name: "Red" },
  facilitator: { role: "facilitator", name: "Control" },
  "role-player for the non-playable nation": { role: "participant", nation: "red", name: "Ana", simulated: "roleplayer" },
  "bot for a playable nation": { role: "participant", nation: "north", name: "Cautious bot", simulated: "bot" },
  observer: { role: "observer", name: "Trainer" },
  evaluator: { role: "evaluator", name: "Eve" },
  "lead evaluator": { role: "evaluator", name: "Lea", lead: true },
  "controller of every nation": { role: "controller", name: "Ana", nations: null },
  "controller of south": { role: "controller", name: "Bo", nations: ["south"] },
};
/** The examples that name north's own things, as the non-playable nation's version of them. */
const AS_RED: Record<string, unknown> = {
  draftOrder: { type: "draftOrder", order: { kind: "setMission", asset: "r-frigate", mission: "patrol" } },
  sendMessage: { type: "sendMessage", channel: "bilateral:north:red", text: "hi" },
};
/** Acting as a nation: its team, or whoever simulates it. */
const AS_NATION = new Set(["participant", "role-player for the non-playable nation", "bot for a playable nation"]);

const AUTH_CODES = ["not_facilitator", "not_your_nation", "read_only", "out_of_scope"];
/** Participant commands exercise control may also give, for any team (the way out of a stuck turn). */
const ALSO_FACILITATOR = new Set(["withdrawDraft"]);
/** The lead controller's alone (control-scope.ts). */
const LEAD_ONLY = new Set(["endExercise"]);
/**
 * What a controller of south may do with the examples: notes, the plan, the white cell's
 * channel and log; adjudicating the island (south's); who plays south; withdrawing a draft (the
 * example's is unknown, so no nation's). Not: the clock and phase, the commander, an inject to
 * north or to all, a grant or message to north.
 */
const SOUTH_CONTROLLER = new Set([
  "addNote",
  "recordImprovement",
  "removeImprovement",
  "controlMessage",
  "logControlEntry",
  "adjustState",
  "setNationControl",
  "withdrawDraft",
  "approvePlaybookMove",
  "dropPlaybookMove",
]);

function allowedFor(who: string, type: string): boolean {
  const participantCommand = (PARTICIPANT_COMMANDS as string[]).includes(type);
  const control = !participantCommand || ALSO_FACILITATOR.has(type);
  if (AS_NATION.has(who)) return participantCommand;
  if (who === "facilitator") return control;
  if (who === "controller of every nation") return control && !LEAD_ONLY.has(type);
  if (who === "controller of south") return SOUTH_CONTROLLER.has(type);
  if (who === "evaluator") return type === "addNote";
  // The lead evaluator keeps the improvement plan with exercise control (issue #19).
  if (who === "lead evaluator") return ["addNote", "recordImprovement", "removeImprovement"].includes(type);
  return false;
}

describe("authorization matrix: every role against every command", () => {
  it("has an example for every command", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...PARTICIPANT_COMMANDS, ...FACILITATOR_COMMANDS].sort());
  });

  for (const [type, example] of Object.entries(EXAMPLES)) {
    for (const [who, actor] of Object.entries(ACTORS)) {
      const allowed = allowedFor(who, type);
      it(`${type} by ${who}: ${allowed ? "authorized" : "refused"}`, () => {
        const g = new Game().start();
        const own = actor.role === "participant" && actor.nation === "red" && Object.hasOwn(AS_RED, type) ? AS_RED[type] : example;
        const decision = decide(g.state, Command.parse(own), actor, g.now);
        const code = "rejected" in decision ? decision.rejected.code : "accepted";
        if (allowed) expect(AUTH_CODES).not.toContain(code);
        else expect(AUTH_CODES).toContain(code);
        if ("rejected" in decision) expectWellWorded(decision.rejected, g.state, `${type} by ${who}`);
      });
    }
  }
});
