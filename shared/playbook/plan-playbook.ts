import type { ExerciseState } from "../state/schema.ts";
import type { ParticipantCommand } from "../protocol/commands.ts";
import type { PlaybookLevel, PlaybookMove, PlaybookRule, PlaybookSpec } from "../scenario/playbook.ts";
import { evaluate } from "../engine/conditions.ts";
import { channelFor } from "../engine/channels.ts";

/** What one evaluation of a nation's playbook decided: its level (before and after) and the rules that fired, with their commands. */
export type PlaybookPlan = {
  nation: string;
  from: string;
  level: string;
  fired: { rule: PlaybookRule; commands: ParticipantCommand[] }[];
};

export function playbookOf(state: ExerciseState, nation: string): PlaybookSpec | undefined {
  return state.scenario.nations.find((n) => n.id === nation)?.playbook;
}

/** The level a nation's playbook stands at: where it moved last, else its start, else its first. */
export function currentLevel(state: ExerciseState, nation: string, playbook: PlaybookSpec): PlaybookLevel {
  const id = state.playbook?.levels[nation] ?? playbook.start;
  return playbook.levels.find((l) => l.id === id) ?? playbook.levels[0]!;
}

/**
 * planPlaybook(state, nation, roll) → the plan, or null when the nation has no playbook. Pure:
 * the same state and dice give the same plan. In order (docs/RULES.md "Adversary playbook"):
 * 1. the level rises one step if its `escalateWhen` holds (not from the last level), otherwise
 *    falls one step if its `deescalateWhen` holds (not from the first);
 * 2. each rule of the level that stands now, in the file's order, fires unless it is `once` and
 *    has fired, is within `cooldown` turns of its last firing, its `when` is false, it has
 *    nothing to do (an answer with no request waiting), or its `chance` roll fails (one roll per
 *    rule whose chance is below 1, only once it could otherwise fire).
 */
export function planPlaybook(state: ExerciseState, nation: string, roll: () => number): PlaybookPlan | null {
  const playbook = playbookOf(state, nation);
  if (!playbook || !state.nations[nation]) return null;
  const from = currentLevel(state, nation, playbook);
  let index = playbook.levels.indexOf(from);
  if (from.escalateWhen && index < playbook.levels.length - 1 && evaluate(state, from.escalateWhen)) index++;
  else if (from.deescalateWhen && index > 0 && evaluate(state, from.deescalateWhen)) index--;
  const level = playbook.levels[index]!;
  const fired: PlaybookPlan["fired"] = [];
  for (const rule of level.rules) {
    const last = state.playbook?.fired[`${nation}/${rule.id}`];
    if (last !== undefined && (rule.once || state.turn - last <= rule.cooldown)) continue;
    if (rule.when && !evaluate(state, rule.when)) continue;
    const commands = rule.then.flatMap((move) => commandsFor(state, nation, move));
    if (commands.length === 0) continue;
    if (rule.chance < 1 && roll() >= rule.chance) continue;
    fired.push({ rule, commands });
  }
  return { nation, from: from.id, level: level.id, fired };
}

/** A move as the commands the nation sends: the answers, one per request waiting for it. */
export function commandsFor(state: ExerciseState, nation: string, move: PlaybookMove): ParticipantCommand[] {
  switch (move.type) {
    case "draftOrder":
      return [{ type: "draftOrder", order: move.order }];
    case "makeStatement":
      return [{ type: "makeStatement", stance: move.stance, text: move.text }];
    case "sendMessage":
      return [{ type: "sendMessage", channel: move.to === "alliance" ? "alliance" : channelFor("bilateral", nation, move.to), text: move.text }];
    case "requestConsent":
      return [{ type: "requestConsent", host: move.host, region: move.region, note: move.note }];
    case "answerConsent":
      return sortedIds(state.consentRequests, (c) => c.status === "pending" && c.host === nation).map((request) => ({
        type: "answerConsent",
        request,
        grant: move.grant,
      }));
    case "answerAgreement":
      return sortedIds(state.agreements, (a) => a.status === "proposed" && a.parties.includes(nation) && !a.acceptedBy.includes(nation)).map((agreement) => ({
        type: "answerAgreement",
        agreement,
        accept: move.accept,
      }));
    case "answerInfo":
      return sortedIds(state.infoRequests, (q) => q.status === "pending" && q.target === nation).map((request) => ({
        type: "answerInfo",
        request,
        answer: move.answer,
      }));
  }
}

/** Ids in creation order ("c3" before "c12"), so the plan never depends on object key order. */
function sortedIds<T>(record: Record<string, T>, keep: (value: T) => boolean): string[] {
  return Object.keys(record)
    .filter((id) => keep(record[id]!))
    .sort((a, b) => Number(a.replace(/\D/g, "")) - Number(b.replace(/\D/g, "")) || (a < b ? -1 : a > b ? 1 : 0));
}
