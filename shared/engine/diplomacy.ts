import type { Handler, Of } from "./decide.ts";
import type { EventBuilder } from "./builder.ts";
import { RejectionCode, refuse } from "../protocol/rejections.ts";
import { phaseWord } from "./words.ts";
import { nationOf, nameOf, speakerOf, WHITE_CELL } from "./actors.ts";
import { clamp, round1 } from "./numbers.ts";
import { applyPolicyChange } from "./policy-change.ts";
import { channelMembers, channelFor } from "./channels.ts";
import { proposeAgreement } from "./agreements.ts";

function playing(b: EventBuilder) {
  const { phase } = b.state;
  return phase === "running" || phase === "paused" || phase === "briefing"
    ? null
    : refuse(RejectionCode.WrongPhase, "engine.phase.diplomacy", { phase: phaseWord(phase) });
}

/**
 * A joint exercise is an agreement of its own kind: it takes effect at resolution once all
 * partners accept, and costs its proposer the same as proposing the programme directly
 * (agreements.ts charges it, and refunds it if the exercise does not happen).
 */
export const proposeJointExercise: Handler<Of<"proposeJointExercise">> = (b, command, actor) =>
  proposeAgreement(b, { type: "proposeAgreement", kind: "joint-exercise-programme", title: command.title, parties: command.partners, durationTurns: 1 }, actor);

/** Convening costs the convener political capital; the dialogue builds trust among all invited at resolution. */
export const conveneDialogue: Handler<Of<"conveneDialogue">> = (b, command, actor) => {
  const wrong = playing(b);
  if (wrong) return wrong;
  const nation = nationOf(actor);
  const nations = [...new Set([nation, ...command.nations])];
  for (const n of nations) if (!b.state.nations[n]) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
  if (nations.length < 2) return refuse(RejectionCode.InvalidTarget, "engine.diplomacy.inviteOne");
  const cost = b.state.scenario.rules.dialogueCostPoliticalCapital;
  const me = b.state.nations[nation]!;
  if (me.politicalCapital < cost)
    return refuse(RejectionCode.InsufficientPoliticalCapital, "engine.diplomacy.dialogueCost", { cost, capital: me.politicalCapital });
  b.emit({ type: "diplomacyScheduled", kind: "dialogue", nations, by: nation, topic: command.topic });
  b.emit({
    type: "nationUpdated",
    nation,
    budget: me.budget,
    politicalCapital: round1(clamp(me.politicalCapital - cost)),
    readiness: me.readiness,
    cause: "diplomacy",
  });
};

/**
 * Public statements are seen by everyone, and a statement's stance becomes the nation's public
 * stance, exactly as if set by order (policy-change.ts): turning assertive costs its escalation
 * penalty, turning reassuring gains trust; repeating the stance one already has changes nothing
 * more (the stance's standing effects come each turn at resolution).
 */
export const makeStatement: Handler<Of<"makeStatement">> = (b, command, actor) => {
  const wrong = playing(b);
  if (wrong) return wrong;
  const nation = nationOf(actor);
  b.emit({ type: "statementMade", nation, stance: command.stance, text: command.text });
  b.emit({
    type: "messageSent",
    message: { id: b.id("m"), channel: "public", fromNation: nation, author: speakerOf(b.state, actor), text: command.text, turn: b.state.turn, at: b.now },
  });
  const before = b.state.nations[nation]!.policies;
  if (before.publicStance === command.stance) return;
  const after = { ...before, publicStance: command.stance };
  b.emit({ type: "policySet", nation, policies: after });
  applyPolicyChange(b, nation, before, after);
};

export const sendMessage: Handler<Of<"sendMessage">> = (b, command, actor) => {
  if (b.state.phase === "ended") return refuse(RejectionCode.WrongPhase, "engine.phase.ended");
  const nation = nationOf(actor);
  const members = channelMembers(b.state, command.channel);
  if (!members) return refuse(RejectionCode.InvalidTarget, "engine.channel.unknown");
  if (!members.includes(nation)) return refuse(RejectionCode.NotYourNation, "engine.channel.notMember");
  b.emit({
    type: "messageSent",
    message: {
      id: b.id("m"),
      channel: command.channel,
      fromNation: nation,
      author: speakerOf(b.state, actor),
      text: command.text,
      turn: b.state.turn,
      at: b.now,
    },
  });
};

export const facilitatorMessage: Handler<Of<"facilitatorMessage">> = (b, command, actor) => {
  const channel = command.to === "alliance" ? "alliance" : channelFor("facilitator", command.to);
  if (!channelMembers(b.state, channel)) return refuse(RejectionCode.UnknownNation, "engine.nation.unknown");
  b.emit({
    type: "messageSent",
    message: { id: b.id("m"), channel, fromNation: WHITE_CELL, author: nameOf(actor), text: command.text, turn: b.state.turn, at: b.now },
  });
};

export const pingRegion: Handler<Of<"pingRegion">> = (b, command, actor) => {
  if (!b.state.regions[command.region]) return refuse(RejectionCode.UnknownRegion, "engine.order.unknownRegion");
  b.emit({ type: "regionPinged", nation: nationOf(actor), region: command.region, by: nameOf(actor) });
};
