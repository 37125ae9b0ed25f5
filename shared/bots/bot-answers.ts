import type { View } from "../engine/view-for.ts";
import type { ParticipantCommand } from "../protocol/commands.ts";
import { relationKey } from "../state/schema.ts";
import { msg } from "../i18n/message.ts";
import { translate } from "../i18n/format.ts";
import type { Persona } from "./personas.ts";
import type { BotWorld } from "./bot-world.ts";
import { alliesOf, sorted } from "./bot-reading.ts";

export type BotAnswers = { view: View; world: BotWorld; persona: Persona; randomFor: (request: string) => () => number };

/**
 * The bot's answers to what waits on its nation: requests for information and for consent
 * addressed to it, agreements it is a party to and has not accepted. `randomFor` gives the dice
 * for one request or agreement (by its id): a live room answers a request the moment it arrives,
 * between turns too, with dice of its own, so when it arrives does not change the answer.
 */
export function planAnswers({ view, world, persona, randomFor }: BotAnswers): ParticipantCommand[] {
  if (view.viewer.kind !== "nation" || view.phase !== "running") return [];
  const me = view.viewer.nation;
  const chance = (id: string, p: number) => p > 0 && randomFor(id)() < p;
  const say = (key: Parameters<typeof msg>[0]) => translate(world.language, msg(key));
  const allies = alliesOf(view, world, me);
  const commands: ParticipantCommand[] = [];
  for (const request of sorted(view.infoRequests)) {
    if (request.target === me && request.status === "pending" && chance(request.id, persona.answers))
      commands.push({ type: "answerInfo", request: request.id, answer: say("bots.answer.info") });
  }
  for (const request of sorted(view.consentRequests)) {
    if (request.host !== me || request.status !== "pending") continue;
    const trust = view.relations[relationKey(me, request.requester)]?.trust ?? 50;
    commands.push({
      type: "answerConsent",
      request: request.id,
      grant: allies.includes(request.requester) && trust >= 35 && chance(request.id, persona.grantsConsent),
    });
  }
  for (const agreement of sorted(view.agreements)) {
    if (agreement.status === "proposed" && agreement.parties.includes(me) && !agreement.acceptedBy.includes(me))
      commands.push({ type: "answerAgreement", agreement: agreement.id, accept: chance(agreement.id, persona.accepts) });
  }
  return commands;
}
