import type { ExerciseEvent } from "../../../shared/protocol/events.ts";
import type { ExerciseState } from "../../../shared/state/schema.ts";
import { feedItemFor, namesIn, orderMsg } from "../../../shared/view/feed.ts";
import { translate, termKey, msg, ref, type Msg, type MessageKey, type Params, type Vocabulary } from "../../../shared/i18n/index.ts";
import { lang } from "../i18n.ts";

/** Words of the replay in the seat's language, with names from the replay's own state. */
export function words(state: ExerciseState) {
  const l = lang();
  const nameOf = namesIn(state, l);
  const tm = (m: Msg) => translate(l, m, nameOf);
  return {
    tm,
    t: (key: MessageKey, params?: Params) => tm(params ? { key, params } : { key }),
    term: (vocabulary: Vocabulary, value: string) => {
      const key = termKey(vocabulary, value);
      return key ? tm({ key }) : value;
    },
    nation: (id: string) => nameOf(ref("nation", id)),
    inject: (id: string) => nameOf(ref("inject", id)),
  };
}

const term = (vocabulary: Vocabulary, value: string) => {
  const key = termKey(vocabulary, value);
  return key ? msg(key) : value;
};

/**
 * What an event did, in words a trainer reads: its feed line when it has one, or a sentence of
 * its own (never the event's type). `state` is the state after the event.
 */
export function eventMsg(event: ExerciseEvent, state: ExerciseState): Msg {
  const line = feedItemFor(event, state, { kind: "white" });
  if (line) return line.msg;
  switch (event.type) {
    case "turnTimerSet":
      return msg("replay.event.turnTimerSet", { minutes: Math.round(event.seconds / 60) });
    case "orderDrafted":
      return msg("replay.event.orderDrafted", { nation: ref("nation", event.nation), order: orderMsg(event.order) });
    case "draftWithdrawn":
      return msg("replay.event.draftWithdrawn", { by: event.by });
    case "turnCommitted":
      return msg("replay.event.turnCommitted", { turn: state.turn, nation: ref("nation", event.nation) });
    case "turnUncommitted":
      return msg("replay.event.turnUncommitted", { turn: state.turn, nation: ref("nation", event.nation) });
    case "assetUpdated":
      return msg("replay.event.assetUpdated", {
        asset: ref("asset", event.asset.id),
        status: term("assetStatus", event.asset.status),
        region: ref("region", event.asset.region),
      });
    case "regionUpdated":
      return msg("replay.event.regionUpdated", { region: ref("region", event.region), stability: Math.round(event.stability) });
    case "relationUpdated":
      return msg("replay.event.relationUpdated", {
        a: ref("nation", event.a),
        b: ref("nation", event.b),
        trust: Math.round(event.trust),
        interoperability: Math.round(event.interoperability),
      });
    case "nationUpdated":
      return msg("replay.event.nationUpdated", {
        nation: ref("nation", event.nation),
        budget: Math.round(event.budget),
        capital: Math.round(event.politicalCapital),
        readiness: Math.round(event.readiness),
      });
    case "policySet":
      return msg("replay.event.policySet", { nation: ref("nation", event.nation) });
    case "assetsSeenAgain":
      return msg("replay.event.assetsSeenAgain", { observer: ref("nation", event.observer), count: event.assets.length });
    case "assetsDetected":
      return msg("replay.event.assetsDetected", { observer: ref("nation", event.observer), count: event.detections.length });
    case "assetDetected":
      return msg("replay.event.assetDetected", {
        observer: ref("nation", event.observer),
        name: event.detection.name,
        region: ref("region", event.detection.region),
      });
    case "agreementAnswered":
      return msg("replay.event.agreementAnswered", {
        nation: ref("nation", event.nation),
        accepted: event.accepted ? "yes" : "no",
        agreement: ref("agreement", event.agreement),
      });
    case "messageSent":
      return msg("replay.event.messageSent", { author: event.message.author });
    case "regionPinged":
      return msg("replay.event.regionPinged", { by: event.by, region: ref("region", event.region) });
    case "injectFired":
      return msg("replay.event.injectFired", { inject: ref("inject", event.inject.id) });
    case "injectSkipped":
      return msg("replay.event.injectSkipped", { inject: ref("inject", event.inject) });
    case "injectDelayed":
      return msg("replay.event.injectDelayed", { inject: ref("inject", event.inject), turn: event.toTurn });
    case "noteAdded":
      return msg("replay.event.noteAdded", { author: event.note.author });
    case "controlActed":
      return msg("seats.replay.controlActed", { by: event.by });
    case "controlLogged":
      return msg("seats.replay.controlLogged", { by: event.entry.by, text: event.entry.text });
    case "actedFor":
      return msg("replay.event.actedFor", { nation: ref("nation", event.nation), by: event.by, as: event.as });
    case "nationControlSet":
      return msg("control.explain.set", {
        nation: ref("nation", event.nation),
        by: event.control.by,
        persona: event.control.persona ?? "",
        playbook: event.control.playbook ?? "none",
      });
    case "rngAdvanced":
      return msg("replay.event.rngAdvanced");
    case "playbookLevelChanged":
      return msg("playbook.replay.levelChanged", {
        nation: ref("nation", event.nation),
        from: ref("playbookLevel", `${event.nation}/${event.from}`),
        level: ref("playbookLevel", `${event.nation}/${event.level}`),
      });
    case "playbookRuleFired":
      return msg("playbook.replay.ruleFired", {
        nation: ref("nation", event.nation),
        rule: ref("playbookRule", `${event.nation}/${event.rule}`),
        queued: event.queued ? "yes" : "no",
      });
    case "playbookMoveQueued":
      return msg("playbook.replay.queued", { nation: ref("nation", event.move.nation) });
    case "playbookMoveApproved":
      return msg("playbook.replay.approved", { by: event.by, edited: event.edited ? "yes" : "no", reason: event.reason || "none" });
    case "playbookMoveDropped":
      return event.expired ? msg("playbook.replay.expired") : msg("playbook.replay.dropped", { by: event.by, reason: event.reason });
    case "playbookMoveRefused":
      return msg("playbook.replay.refused", { nation: ref("nation", event.nation), reason: event.failure ?? event.reason });
    case "improvementRecorded":
      return msg("replay.event.improvementRecorded", { issue: event.item.issue });
    case "improvementRemoved":
      return msg("replay.event.improvementRemoved");
    case "allianceCommanderSet":
      return event.nation ? msg("toa.replay.commanderSet", { nation: ref("nation", event.nation) }) : msg("toa.explain.noCommander");
    case "consentRevoked":
      return msg("agreements.replay.consentRevoked");
    default:
      return msg("replay.event.other");
  }
}
