import type { ExerciseEvent } from "../protocol/events.ts";
import type { ExerciseState } from "../state/schema.ts";
import type { ExpectedAction, InjectSpec } from "../scenario/schema.ts";
import { msg, ref, type Msg } from "../i18n/message.ts";
import { termKey } from "../i18n/terms.ts";
import type { Translations } from "../i18n/text.ts";
import { orderMsg } from "../view/feed.ts";
import { outcomeOf, type ExpectedOutcome } from "../scenario/expected-outcome.ts";
import { judgeOutcomes, type JudgedOutcomes } from "./judge-outcomes.ts";

/**
 * One thing a nation did, reduced to what expected actions are matched against. `command` is
 * the code matched against the scenario's expectations; `detail` is what people read.
 */
export type NationAction = { nation: string; command: string; region: string | null; seq: number; turn: number; detail: Msg; failed?: true };

/**
 * What became of one expected action for one nation (docs/SCENARIOS.md, "How responses are
 * judged"): met (the outcome took effect after the release, or was already in place), not met,
 * attempted (an order for it failed, a proposal was not accepted), for the evaluator (no rule can
 * judge it: evaluators rate it), not applicable (the inject was never released).
 */
export type ExpectedResult = "met" | "not met" | "attempted" | "for the evaluator" | "not applicable";
/** The result as the report shows it: a met action answered later than expected is "partly" met. */
export type Verdict = "met" | "partly" | "not met" | "attempted" | "for the evaluator" | "not applicable";

export type NationReview = {
  nation: string;
  result: ExpectedResult;
  verdict: Verdict;
  /** Turns from the release to the outcome (0: the same turn, or already in place); null when not met. */
  responseTurns: number | null;
  /** Met within the expected number of turns; null when not met. */
  inTime: boolean | null;
  /** What counted (or, for the evaluator, the related action to read); null when nothing did. */
  action: NationAction | null;
  /** What was tried and did not take effect: failed orders, proposals not accepted. */
  attempts: NationAction[];
};

export type ExpectedActionReview = {
  index: number;
  description: string;
  command: string;
  region: string | null;
  withinTurns: number;
  /** The outcome it was judged by (the scenario's, or the one its command maps onto). */
  outcome: ExpectedOutcome;
  task: string | null;
  /** Translations of the description. */
  i18n?: Translations;
  byNation: NationReview[];
};

export type InjectReview = {
  inject: string;
  number: string;
  title: string;
  type: InjectSpec["type"];
  to: InjectSpec["to"];
  /** Whether it is judged at all: an inject never released (planned, skipped, delayed and never released) is not applicable. */
  status: "released" | "not applicable";
  /** Its status in the MSEL at the end: planned, released, skipped or delayed. */
  injectStatus: string;
  releasedTurn: number | null;
  releasedSeq: number | null;
  objective: string;
  capability: string;
  tasks: string[];
  expected: ExpectedActionReview[];
  verdict: "met" | "partly" | "not met" | "not applicable" | "no expectation" | "for the evaluator";
  notes: { author: string; text: string; turn: number }[];
  /** Translations of the inject's texts (title, from, objective, capability). */
  i18n?: Translations;
};

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
 */
export function nationActions(events: readonly ExerciseEvent[]): NationAction[] {
  const actions: NationAction[] = [];
  let turn = 0;
  const add = (nation: string, command: string, region: string | null, seq: number, detail: Msg) =>
    actions.push({ nation, command, region, seq, turn, detail });
  for (const e of events) {
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
  }
  // answerConsent and answerInfo name the answering nation only through their request.
  const requests = new Map<string, { host: string; region: string } | { target: string }>();
  turn = 0;
  for (const e of events) {
    if (e.type === "turnStarted") turn = e.turn;
    if (e.type === "consentRequested") requests.set(e.request.id, { host: e.request.host, region: e.request.region });
    if (e.type === "infoRequested") requests.set(e.request.id, { target: e.request.target });
    if (e.type === "consentAnswered") {
      const r = requests.get(e.request) as { host: string; region: string } | undefined;
      if (r)
        actions.push({
          nation: r.host,
          command: "answerConsent",
          region: r.region,
          seq: e.seq,
          turn,
          detail: msg("aar.action.answeredConsent", { granted: e.granted ? "yes" : "no", region: ref("region", r.region) }),
        });
    }
    if (e.type === "consentRevoked") {
      const r = requests.get(e.request) as { host: string; region: string } | undefined;
      if (r)
        actions.push({
          nation: r.host,
          command: "revokeConsent",
          region: r.region,
          seq: e.seq,
          turn,
          detail: msg("agreements.aar.revokedConsent", { region: ref("region", r.region) }),
        });
    }
    if (e.type === "infoAnswered") {
      const r = requests.get(e.request) as { target: string } | undefined;
      if (r) actions.push({ nation: r.target, command: "answerInfo", region: null, seq: e.seq, turn, detail: msg("aar.action.answeredInfo") });
    }
  }
  return actions.sort((a, b) => a.seq - b.seq);
}

function expectedNations(state: ExerciseState, spec: InjectSpec, expected: ExpectedAction): string[] {
  if (expected.nations) return expected.nations;
  const addressed = spec.to === "all" ? Object.keys(state.nations) : spec.to;
  return addressed.filter((n) => state.nations[n]?.playable);
}

/**
 * Each inject: what was expected, what each addressed nation achieved and when, judged by
 * outcomes (judge-outcomes.ts) from the log folded from `initial`.
 */
export function reviewInjects(initial: ExerciseState, events: readonly ExerciseEvent[]): InjectReview[] {
  return reviewOfJudged(judgeOutcomes(initial, events, nationActions(events)));
}

/** The same review from outcomes judged during a fold run elsewhere (outcomeJudge: the replay's one fold). */
export function reviewOfJudged(judged: JudgedOutcomes): InjectReview[] {
  const state = judged.final;
  const notes = Object.values(state.notes);
  return Object.values(state.injects).map((inject) => {
    const spec = inject.spec;
    const release = judged.releases.get(inject.id) ?? null;
    const expected: ExpectedActionReview[] = spec.expectedActions.map((ex, index) => ({
      index,
      description: ex.description,
      command: ex.command,
      region: ex.region ?? null,
      withinTurns: ex.withinTurns,
      outcome: outcomeOf(ex),
      task: ex.task ?? null,
      ...("i18n" in ex && ex.i18n ? { i18n: ex.i18n as Translations } : {}),
      byNation: expectedNations(state, spec, ex).map((nation): NationReview => {
        if (!release) return { nation, result: "not applicable", verdict: "not applicable", responseTurns: null, inTime: null, action: null, attempts: [] };
        const found = judged.results.get(`${inject.id}#${index}#${nation}`) ?? { result: "not met" as const, action: null, attempts: [] };
        const responseTurns = found.action && found.result === "met" ? Math.max(0, found.action.turn - release.turn) : null;
        const inTime = responseTurns === null ? null : responseTurns <= ex.withinTurns;
        const verdict: Verdict = found.result === "met" && inTime === false ? "partly" : found.result;
        return {
          nation,
          result: found.result,
          verdict,
          responseTurns: found.result === "for the evaluator" && found.action ? Math.max(0, found.action.turn - release.turn) : responseTurns,
          inTime,
          action: found.action,
          attempts: found.attempts,
        };
      }),
    }));
    const verdicts = expected.flatMap((e) => e.byNation.map((n) => n.verdict)).filter((v) => v !== "for the evaluator");
    const anyExpected = expected.some((e) => e.byNation.length > 0);
    const verdict: InjectReview["verdict"] = !release
      ? "not applicable"
      : !anyExpected
        ? "no expectation"
        : verdicts.length === 0
          ? "for the evaluator"
          : verdicts.every((v) => v === "met")
            ? "met"
            : verdicts.every((v) => v === "not met" || v === "attempted")
              ? "not met"
              : "partly";
    return {
      inject: inject.id,
      number: spec.number,
      title: spec.title,
      type: spec.type,
      to: spec.to,
      status: release ? "released" : "not applicable",
      injectStatus: inject.status,
      releasedTurn: release?.turn ?? null,
      releasedSeq: release?.seq ?? null,
      objective: spec.objective,
      capability: spec.capability,
      tasks: spec.tasks ?? [],
      expected,
      verdict,
      notes: notes.filter((n) => n.inject === inject.id).map((n) => ({ author: n.author, text: n.text, turn: n.turn })),
      ...("i18n" in spec && spec.i18n ? { i18n: spec.i18n as Translations } : {}),
    };
  });
}
