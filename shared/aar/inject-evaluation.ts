import type { ExerciseEvent } from "../protocol/events.ts";
import type { ExerciseState } from "../state/schema.ts";
import type { ExpectedAction, InjectSpec } from "../scenario/schema.ts";
import { msg, ref, type Msg } from "../i18n/message.ts";
import { termKey } from "../i18n/terms.ts";
import type { Translations } from "../i18n/text.ts";
import { orderMsg } from "../view/feed.ts";

/**
 * One thing a nation did, reduced to what expected actions are matched against. `command` is
 * the code matched against the scenario's expectations; `detail` is what people read.
 */
export type NationAction = { nation: string; command: string; region: string | null; seq: number; turn: number; detail: Msg };

export type Verdict = "met" | "partly" | "not met";

export type ExpectedActionReview = {
  description: string;
  command: string;
  region: string | null;
  withinTurns: number;
  /** Translations of the description. */
  i18n?: Translations;
  byNation: { nation: string; verdict: Verdict; responseTurns: number | null; action: NationAction | null }[];
};

export type InjectReview = {
  inject: string;
  number: string;
  title: string;
  type: InjectSpec["type"];
  to: InjectSpec["to"];
  status: string;
  releasedTurn: number | null;
  objective: string;
  capability: string;
  expected: ExpectedActionReview[];
  verdict: Verdict | "not released" | "no expectation";
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
 * What each nation did, from the log: the commands that became events. Orders count when they
 * were drafted (the team decided), so a response within the same turn counts as 0 turns.
 */
export function nationActions(events: readonly ExerciseEvent[]): NationAction[] {
  const actions: NationAction[] = [];
  let turn = 0;
  const add = (nation: string, command: string, region: string | null, seq: number, detail: Msg) => actions.push({ nation, command, region, seq, turn, detail });
  for (const e of events) {
    switch (e.type) {
      case "turnStarted":
        turn = e.turn;
        break;
      case "orderDrafted": {
        const order = e.order;
        const region = "destination" in order ? (order.destination ?? null) : null;
        add(e.nation, order.kind, region, e.seq, msg("aar.action.drafted", { author: e.author, order: orderMsg(order) }));
        break;
      }
      case "intelShared":
        add(e.from, "shareIntel", null, e.seq, msg("aar.action.sharedIntel", { to: nations(e.to) }));
        break;
      case "reportCreated":
        // A releasable version (tear line) its originator wrote: the copies that share it are intelShared.
        if (e.report.versionOf !== undefined && e.report.copiedFrom === null) add(e.report.owner, "releaseVersion", null, e.seq, msg("intel.action.releasedVersion"));
        break;
      case "infoRequested":
        add(e.request.requester, "requestInfo", null, e.seq, msg("aar.action.requestedInfo", { target: ref("nation", e.request.target) }));
        break;
      case "consentRequested":
        add(e.request.requester, "requestConsent", e.request.region, e.seq, msg("aar.action.requestedConsent", { host: ref("nation", e.request.host), region: ref("region", e.request.region) }));
        break;
      case "agreementProposed":
        if (e.agreement.proposer) add(e.agreement.proposer, e.agreement.kind === "joint-exercise-programme" ? "proposeJointExercise" : "proposeAgreement", null, e.seq, msg("aar.action.proposed", { kind: selectable(e.agreement.kind), title: e.agreement.title }));
        break;
      case "agreementAnswered":
        add(e.nation, "answerAgreement", null, e.seq, msg("aar.action.answeredAgreement", { accepted: e.accepted ? "yes" : "no" }));
        break;
      case "agreementStatusChanged":
        if (e.status === "terminated" && e.by) add(e.by, "terminateAgreement", null, e.seq, msg("agreements.aar.terminated", { agreement: ref("agreement", e.agreement) }));
        break;
      case "diplomacyScheduled":
        if (e.kind === "dialogue") add(e.by, "conveneDialogue", null, e.seq, msg("aar.action.convened", { topic: e.topic }));
        break;
      case "statementMade":
        add(e.nation, "makeStatement", null, e.seq, msg("aar.action.statement", { stance: termKey("publicStance", e.stance) ? msg(termKey("publicStance", e.stance)!) : e.stance }));
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
      if (r) actions.push({ nation: r.host, command: "answerConsent", region: r.region, seq: e.seq, turn, detail: msg("aar.action.answeredConsent", { granted: e.granted ? "yes" : "no", region: ref("region", r.region) }) });
    }
    if (e.type === "consentRevoked") {
      const r = requests.get(e.request) as { host: string; region: string } | undefined;
      if (r) actions.push({ nation: r.host, command: "revokeConsent", region: r.region, seq: e.seq, turn, detail: msg("agreements.aar.revokedConsent", { region: ref("region", r.region) }) });
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

/** Each inject: what was expected, what each addressed nation actually did and when. */
export function reviewInjects(state: ExerciseState, events: readonly ExerciseEvent[]): InjectReview[] {
  const actions = nationActions(events);
  const releases = new Map<string, { seq: number; turn: number }>();
  for (const e of events) if (e.type === "injectReleased" && !releases.has(e.inject)) releases.set(e.inject, { seq: e.seq, turn: e.turn });
  const notes = Object.values(state.notes);
  return Object.values(state.injects).map((inject) => {
    const spec = inject.spec;
    const release = releases.get(inject.id) ?? null;
    const expected: ExpectedActionReview[] = spec.expectedActions.map((ex) => ({
      description: ex.description,
      command: ex.command,
      region: ex.region ?? null,
      withinTurns: ex.withinTurns,
      ...("i18n" in ex && ex.i18n ? { i18n: ex.i18n as Translations } : {}),
      byNation: expectedNations(state, spec, ex).map((nation) => {
        if (!release) return { nation, verdict: "not met" as Verdict, responseTurns: null, action: null };
        const action = actions.find((a) => a.nation === nation && a.seq > release.seq && a.command === ex.command && (!ex.region || a.region === ex.region)) ?? null;
        if (!action) return { nation, verdict: "not met" as Verdict, responseTurns: null, action: null };
        const responseTurns = action.turn - release.turn;
        return { nation, verdict: (responseTurns <= ex.withinTurns ? "met" : "partly") as Verdict, responseTurns, action };
      }),
    }));
    const verdicts = expected.flatMap((e) => e.byNation.map((n) => n.verdict));
    const verdict: InjectReview["verdict"] = !release
      ? "not released"
      : verdicts.length === 0
        ? "no expectation"
        : verdicts.every((v) => v === "met")
          ? "met"
          : verdicts.every((v) => v === "not met")
            ? "not met"
            : "partly";
    return {
      inject: inject.id,
      number: spec.number,
      title: spec.title,
      type: spec.type,
      to: spec.to,
      status: inject.status,
      releasedTurn: release?.turn ?? null,
      objective: spec.objective,
      capability: spec.capability,
      expected,
      verdict,
      notes: notes.filter((n) => n.inject === inject.id).map((n) => ({ author: n.author, text: n.text, turn: n.turn })),
      ...("i18n" in spec && spec.i18n ? { i18n: spec.i18n as Translations } : {}),
    };
  });
}
