import type { ExerciseEvent } from "../protocol/events.ts";
import { msg, ref, type Msg } from "../i18n/message.ts";
import { termKey } from "../i18n/terms.ts";
import { orderMsg } from "../view/feed.ts";

/**
 * One thing a nation did, reduced to what expected actions are matched against. `command` is
 * the code matched against the scenario's expectations; `detail` is what people read.
 */
export type NationAction = { nation: string; command: string; region: string | null; seq: number; turn: number; detail: Msg; failed?: true };

/** ICU select option names cannot hold hyphens: "intel-sharing" → "intelSharing". */
const selectable = (value: string) => value.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const nations = (ids: readonly string[]) => ids.map((id) => ref("nation", id));
/** The kind of channel a message went on ("team:north" → team), as a term when known. */
function channelMsg(channel: string): Msg {
  const key = termKey("channelKind", channel.split(":")[0] ?? "");
  return key ? msg("aar.action.message", { channel: msg(key) }) : msg("aar.action.messageAny");
}

/**
 * What each nation did, from the log: the commands that took effect. Orders count when they were
 * executed at the resolution (a withdrawn draft never happened); a failed order is an attempt
 * (`failed: true`), shown but never counted.
 *
 * Read event by event (`read`), so that a report can be built from the log in ranges without
 * holding it whole; `actions` gives them in log order.
 */
export function nationActionReader(): { read(e: ExerciseEvent): void; actions(): NationAction[] } {
  const actions: NationAction[] = [];
  let turn = 0;
  const add = (nation: string, command: string, region: string | null, seq: number, detail: Msg) =>
    actions.push({ nation, command, region, seq, turn, detail });
  // answerConsent, revokeConsent and answerInfo name the answering nation only through their request.
  const consents = new Map<string, { host: string; region: string }>();
  const infoTargets = new Map<string, string>();
  const read = (e: ExerciseEvent) => {
    if (e.type === "consentRequested") consents.set(e.request.id, { host: e.request.host, region: e.request.region });
    if (e.type === "infoRequested") infoTargets.set(e.request.id, e.request.target);
    if (e.type === "consentAnswered" || e.type === "consentRevoked") {
      const r = consents.get(e.request);
      if (r && e.type === "consentAnswered")
        add(
          r.host,
          "answerConsent",
          r.region,
          e.seq,
          msg("aar.action.answeredConsent", { granted: e.granted ? "yes" : "no", region: ref("region", r.region) }),
        );
      if (r && e.type === "consentRevoked")
        add(r.host, "revokeConsent", r.region, e.seq, msg("agreements.aar.revokedConsent", { region: ref("region", r.region) }));
    }
    const target = e.type === "infoAnswered" ? infoTargets.get(e.request) : undefined;
    if (e.type === "infoAnswered" && target) add(target, "answerInfo", null, e.seq, msg("aar.action.answeredInfo"));
    switch (e.type) {
      case "turnStarted":
        turn = e.turn;
        break;
      case "orderExecuted":
      case "orderFailed": {
        const order = e.order;
        const region = "destination" in order ? (order.destination ?? null) : null;
        if (e.type === "orderExecuted") add(e.nation, order.kind, region, e.seq, msg("evaluation.action.executed", { order: orderMsg(order) }));
        else
          actions.push({
            nation: e.nation,
            command: order.kind,
            region,
            seq: e.seq,
            turn,
            detail: msg("evaluation.action.failed", { order: orderMsg(order), reason: e.failure ?? e.reason }),
            failed: true,
          });
        break;
      }
      case "intelShared":
        add(e.from, "shareIntel", null, e.seq, msg("aar.action.sharedIntel", { to: nations(e.to) }));
        break;
      case "assetsDetected":
        // Sightings a `full` sharing policy passed into a partner's picture: intelligence shared with that partner.
        if (e.sharedBy) add(e.sharedBy, "shareIntel", null, e.seq, msg("aar.action.sharedPicture", { to: nations([e.observer]), count: e.detections.length }));
        break;
      case "reportCreated": {
        // A releasable version (tear line) its originator wrote: the copies that share it are intelShared.
        if (e.report.versionOf !== undefined && e.report.copiedFrom === null)
          add(e.report.owner, "releaseVersion", null, e.seq, msg("intel.action.releasedVersion"));
        // A report a team wrote from its picture ("Report this sighting"): the only original that names its own sensor.
        const seen = e.report.sightings?.[0];
        if (e.report.sensor && e.report.versionOf === undefined && e.report.copiedFrom === null && seen)
          add(
            e.report.owner,
            "reportSighting",
            seen.region,
            e.seq,
            msg("intel.action.reportedSighting", { asset: ref("asset", seen.asset), region: ref("region", seen.region) }),
          );
        break;
      }
      case "infoRequested":
        add(e.request.requester, "requestInfo", null, e.seq, msg("aar.action.requestedInfo", { target: ref("nation", e.request.target) }));
        break;
      case "consentRequested":
        add(
          e.request.requester,
          "requestConsent",
          e.request.region,
          e.seq,
          msg("aar.action.requestedConsent", { host: ref("nation", e.request.host), region: ref("region", e.request.region) }),
        );
        break;
      case "agreementProposed":
        if (e.agreement.proposer)
          add(
            e.agreement.proposer,
            e.agreement.kind === "joint-exercise-programme" ? "proposeJointExercise" : "proposeAgreement",
            null,
            e.seq,
            msg("aar.action.proposed", { kind: selectable(e.agreement.kind), title: e.agreement.title }),
          );
        break;
      case "agreementAnswered":
        add(e.nation, "answerAgreement", null, e.seq, msg("aar.action.answeredAgreement", { accepted: e.accepted ? "yes" : "no" }));
        break;
      case "agreementStatusChanged":
        if (e.status === "terminated" && e.by)
          add(e.by, "terminateAgreement", null, e.seq, msg("agreements.aar.terminated", { agreement: ref("agreement", e.agreement) }));
        break;
      case "diplomacyScheduled":
        if (e.kind === "dialogue") add(e.by, "conveneDialogue", null, e.seq, msg("aar.action.convened", { topic: e.topic }));
        break;
      case "statementMade":
        add(
          e.nation,
          "makeStatement",
          null,
          e.seq,
          msg("aar.action.statement", { stance: termKey("publicStance", e.stance) ? msg(termKey("publicStance", e.stance)!) : e.stance }),
        );
        break;
      case "messageSent":
        if (e.message.fromNation !== "white") add(e.message.fromNation, "sendMessage", null, e.seq, channelMsg(e.message.channel));
        break;
      default:
        break;
    }
  };
  return { read, actions: () => [...actions].sort((a, b) => a.seq - b.seq) };
}

/** What each nation did, from the whole log (nationActionReader over every event). */
export function nationActions(events: readonly ExerciseEvent[]): NationAction[] {
  const reader = nationActionReader();
  for (const e of events) reader.read(e);
  return reader.actions();
}
