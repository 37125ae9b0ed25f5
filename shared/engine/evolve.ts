import type { ExerciseState, InjectState } from "../state/schema.ts";
import { relationKey, appendChunked } from "../state/schema.ts";
import type { EventBody, ExerciseEvent } from "../protocol/events.ts";

/**
 * Applies one event. Pure and cheap: it copies only the records it touches, so folding a long
 * log shares structure instead of cloning the whole state per event.
 */
export function evolve(state: ExerciseState, event: ExerciseEvent): ExerciseState {
  const next = apply(state, event);
  return next === state ? { ...state, seq: event.seq } : (next.seq = event.seq, next);
}

export function foldEvents(state: ExerciseState, events: readonly ExerciseEvent[]): ExerciseState {
  let current = state;
  for (const event of events) current = evolve(current, event);
  return current;
}

/** Gives bodies the sequence numbers they will get when appended after `state`. */
export function stamp(state: ExerciseState, bodies: readonly EventBody[], at: number): ExerciseEvent[] {
  return bodies.map((body, index) => ({ ...body, seq: state.seq + index + 1, at }));
}

function bumpId(state: ExerciseState, ...ids: string[]): number {
  let nextId = state.nextId;
  for (const id of ids) {
    const match = /^[a-z]+(\d+)$/.exec(id);
    if (match) nextId = Math.max(nextId, Number(match[1]) + 1);
  }
  return nextId;
}

function apply(state: ExerciseState, event: ExerciseEvent): ExerciseState {
  switch (event.type) {
    case "briefingStarted":
      return { ...state, phase: "briefing" };
    case "exerciseStarted":
      return { ...state, phase: "running" };
    case "exercisePaused":
      return { ...state, phase: "paused", deadline: null, pausedRemainingMs: event.remainingMs };
    case "exerciseResumed":
      return { ...state, phase: "running", deadline: event.deadline, pausedRemainingMs: null };
    case "exerciseEnded":
      return { ...state, phase: "ended", deadline: null, pausedRemainingMs: null };
    case "turnTimerSet":
      return { ...state, turnSeconds: event.seconds, deadline: state.phase === "running" ? event.deadline : state.deadline, pausedRemainingMs: state.phase === "paused" ? event.seconds * 1000 : state.pausedRemainingMs };
    case "turnStarted": {
      const nations = mapValues(state.nations, (n) => (n.committed || n.committedBy ? { ...n, committed: false, committedBy: null } : n));
      return { ...state, turn: event.turn, deadline: event.deadline, nations, drafts: {}, pendingDiplomacy: [] };
    }
    case "orderDrafted":
      return {
        ...state,
        nextId: bumpId(state, event.draft),
        drafts: { ...state.drafts, [event.draft]: { id: event.draft, nation: event.nation, author: event.author, turn: state.turn, order: event.order } },
      };
    case "draftWithdrawn": {
      const { [event.draft]: _gone, ...drafts } = state.drafts;
      return { ...state, drafts };
    }
    case "turnCommitted":
      return { ...state, nations: { ...state.nations, [event.nation]: { ...state.nations[event.nation]!, committed: true, committedBy: event.by } } };
    case "turnUncommitted":
      return { ...state, nations: { ...state.nations, [event.nation]: { ...state.nations[event.nation]!, committed: false, committedBy: null } } };
    case "resolutionStarted":
    case "orderExecuted":
    case "orderFailed":
    case "statementMade":
    case "regionPinged":
      return state;
    case "assetUpdated":
      return { ...state, assets: { ...state.assets, [event.asset.id]: event.asset } };
    case "regionUpdated": {
      const region = state.regions[event.region]!;
      return { ...state, regions: { ...state.regions, [event.region]: { ...region, stability: event.stability, crisis: event.crisis } } };
    }
    case "relationUpdated":
      return { ...state, relations: { ...state.relations, [relationKey(event.a, event.b)]: { trust: event.trust, interoperability: event.interoperability } } };
    case "nationUpdated": {
      const nation = state.nations[event.nation]!;
      return {
        ...state,
        nations: { ...state.nations, [event.nation]: { ...nation, budget: event.budget, politicalCapital: event.politicalCapital, readiness: event.readiness } },
      };
    }
    case "policySet":
      return { ...state, nations: { ...state.nations, [event.nation]: { ...state.nations[event.nation]!, policies: event.policies } } };
    case "assetDetected": {
      const seen = state.detections[event.observer] ?? {};
      return { ...state, detections: { ...state.detections, [event.observer]: { ...seen, [event.detection.asset]: event.detection } } };
    }
    case "reportCreated":
      return { ...state, nextId: bumpId(state, event.report.id), reports: { ...state.reports, [event.report.id]: event.report } };
    case "intelShared":
      // The copies themselves arrive as reportCreated events; this one records the act.
      return { ...state, nextId: bumpId(state, ...event.copies) };
    case "infoRequested":
      return { ...state, nextId: bumpId(state, event.request.id), infoRequests: { ...state.infoRequests, [event.request.id]: event.request } };
    case "infoAnswered": {
      const request = state.infoRequests[event.request]!;
      return { ...state, infoRequests: { ...state.infoRequests, [request.id]: { ...request, answer: event.answer, status: "answered" } } };
    }
    case "consentRequested":
      return { ...state, nextId: bumpId(state, event.request.id), consentRequests: { ...state.consentRequests, [event.request.id]: event.request } };
    case "consentAnswered": {
      const request = state.consentRequests[event.request]!;
      return { ...state, consentRequests: { ...state.consentRequests, [request.id]: { ...request, status: event.granted ? "granted" : "denied" } } };
    }
    case "agreementProposed":
      return { ...state, nextId: bumpId(state, event.agreement.id), agreements: { ...state.agreements, [event.agreement.id]: event.agreement } };
    case "agreementAnswered": {
      const agreement = state.agreements[event.agreement]!;
      if (!event.accepted) return state;
      return { ...state, agreements: { ...state.agreements, [agreement.id]: { ...agreement, acceptedBy: [...agreement.acceptedBy, event.nation] } } };
    }
    case "agreementStatusChanged": {
      const agreement = state.agreements[event.agreement]!;
      return { ...state, agreements: { ...state.agreements, [agreement.id]: { ...agreement, status: event.status } } };
    }
    case "diplomacyScheduled":
      return { ...state, pendingDiplomacy: [...state.pendingDiplomacy, { kind: event.kind, nations: event.nations, by: event.by }] };
    case "messageSent":
      return { ...state, nextId: bumpId(state, event.message.id), messages: appendChunked(state.messages, event.message) };
    case "injectReleased":
      return updateInject(state, event.inject, { status: "released", releasedTurn: event.turn });
    case "injectFired":
      return { ...state, nextId: bumpId(state, event.inject.id), injects: { ...state.injects, [event.inject.id]: event.inject } };
    case "injectSkipped":
      return updateInject(state, event.inject, { status: "skipped" });
    case "injectDelayed":
      return updateInject(state, event.inject, { status: "delayed", delayedToTurn: event.toTurn });
    case "stateAdjusted":
      // Its consequences arrive as separate absolute events; this one keeps the rationale.
      return state;
    case "noteAdded":
      return { ...state, nextId: bumpId(state, event.note.id), notes: { ...state.notes, [event.note.id]: event.note } };
    case "objectiveMet":
      return { ...state, objectives: { ...state.objectives, [event.objective]: { id: event.objective, met: true, metTurn: event.turn } } };
    case "rngAdvanced":
      return { ...state, rng: event.rng };
    case "improvementRecorded":
      return { ...state, nextId: bumpId(state, event.item.id), improvements: { ...state.improvements, [event.item.id]: event.item } };
    case "improvementRemoved": {
      const { [event.item]: _removed, ...improvements } = state.improvements;
      return { ...state, improvements };
    }
    default:
      return assertNever(event);
  }
}

function updateInject(state: ExerciseState, id: string, patch: Partial<InjectState>): ExerciseState {
  const inject = state.injects[id]!;
  return { ...state, injects: { ...state.injects, [id]: { ...inject, ...patch } } };
}

function mapValues<T>(record: Record<string, T>, fn: (value: T) => T): Record<string, T> {
  let changed = false;
  const out: Record<string, T> = {};
  for (const key in record) {
    const value = fn(record[key]!);
    if (value !== record[key]) changed = true;
    out[key] = value;
  }
  return changed ? out : record;
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
