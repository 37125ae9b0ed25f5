import type { ExerciseState, InjectState, ObjectiveState } from "../state/schema.ts";
import { relationKey, appendToWindow } from "../state/schema.ts";
import type { EventBody, ExerciseEvent } from "../protocol/events.ts";
import { put, update, without, emptyRecord, mapRecord, putAll, transiently, own } from "../state/records.ts";
import { evolveEvaluation } from "./evaluation-record.ts";
import { mentionsPrototypeMember, namesPrototypeMember } from "../protocol/ids.ts";
import { mselOrder, insertedAfter } from "./msel-order.ts";

/**
 * Applies one event. Pure and cheap: it copies only the records it touches, so folding a long
 * log shares structure instead of cloning the whole state per event.
 */
export function evolve(state: ExerciseState, event: ExerciseEvent): ExerciseState {
  const next = apply(state, event);
  return next === state ? { ...state, seq: event.seq } : ((next.seq = event.seq), next);
}

/** The state after the events. Only the last state is kept, so records are changed in place once copied (records.ts). */
export function foldEvents(state: ExerciseState, events: readonly ExerciseEvent[]): ExerciseState {
  return transiently(() => {
    let current = state;
    for (const event of events) current = evolve(current, event);
    return current;
  });
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
      return {
        ...state,
        turnSeconds: event.seconds,
        deadline: state.phase === "running" ? event.deadline : state.deadline,
        pausedRemainingMs: state.phase === "paused" ? event.seconds * 1000 : state.pausedRemainingMs,
      };
    case "turnStarted": {
      const nations = mapRecord(state.nations, (n) => (n.committed || n.committedBy ? { ...n, committed: false, committedBy: null } : n));
      return { ...state, turn: event.turn, deadline: event.deadline, nations, drafts: emptyRecord(), pendingDiplomacy: [] };
    }
    case "orderDrafted":
      // A draft for a nation that does not exist, or naming one of Object's own members (an older
      // build accepted some), is not kept: it could only break the resolution.
      if (!Object.hasOwn(state.nations, event.nation) || mentionsPrototypeMember(event.order)) return state;
      return {
        ...state,
        nextId: bumpId(state, event.draft),
        drafts: put(state.drafts, event.draft, {
          id: event.draft,
          nation: event.nation,
          author: event.author,
          turn: state.turn,
          order: event.order,
          ...(event.as ? { as: event.as } : {}),
        }),
      };
    case "draftWithdrawn":
      return { ...state, drafts: without(state.drafts, event.draft) };
    case "turnCommitted":
      return { ...state, nations: update(state.nations, event.nation, (n) => ({ ...n, committed: true, committedBy: event.by })) };
    case "turnUncommitted":
      return { ...state, nations: update(state.nations, event.nation, (n) => ({ ...n, committed: false, committedBy: null })) };
    case "resolutionStarted":
    case "orderExecuted":
    case "orderFailed":
    case "statementMade":
    case "regionPinged":
    case "ruleApplied":
      return state;
    case "assetUpdated":
      return { ...state, assets: put(state.assets, event.asset.id, event.asset) };
    case "regionUpdated":
      return { ...state, regions: update(state.regions, event.region, (region) => ({ ...region, stability: event.stability, crisis: event.crisis })) };
    case "relationUpdated":
      if (!Object.hasOwn(state.nations, event.a) || !Object.hasOwn(state.nations, event.b)) return state;
      return { ...state, relations: put(state.relations, relationKey(event.a, event.b), { trust: event.trust, interoperability: event.interoperability }) };
    case "nationUpdated":
      return {
        ...state,
        nations: update(state.nations, event.nation, (nation) => ({
          ...nation,
          budget: event.budget,
          politicalCapital: event.politicalCapital,
          readiness: event.readiness,
        })),
      };
    case "policySet":
      return {
        ...state,
        nations: update(state.nations, event.nation, (nation) => ({
          ...nation,
          policies: { ...event.policies, intelSharing: ownPartners(event.policies.intelSharing) },
        })),
      };
    case "assetDetected": {
      if (!Object.hasOwn(state.detections, event.observer)) return state;
      return { ...state, detections: update(state.detections, event.observer, (seen) => put(seen, event.detection.asset, event.detection)) };
    }
    case "assetsDetected": {
      if (!Object.hasOwn(state.detections, event.observer)) return state;
      const share = event.sharedBy ? { from: event.sharedBy, to: event.observer, turn: state.turn, assets: event.detections.map((d) => d.asset) } : null;
      return {
        ...state,
        detections: update(state.detections, event.observer, (seen) =>
          putAll(
            seen,
            event.detections.map((d) => [d.asset, d] as const),
          ),
        ),
        ...(share ? { pictureShares: [...(state.pictureShares ?? []), share] } : {}),
      };
    }
    case "assetsSeenAgain": {
      if (!Object.hasOwn(state.detections, event.observer)) return state;
      const seen = state.detections[event.observer]!;
      const moved = event.assets
        .filter((id) => Object.hasOwn(seen, id))
        .map(
          (id) =>
            [
              id,
              {
                ...seen[id]!,
                turn: event.turn,
                ...(seen[id]!.credibility === "1" && seen[id]!.confirmedTurn !== undefined ? { confirmedTurn: event.turn } : {}),
              },
            ] as const,
        );
      return { ...state, detections: update(state.detections, event.observer, (picture) => putAll(picture, moved)) };
    }
    case "reportCreated":
      return { ...state, nextId: bumpId(state, event.report.id), reports: put(state.reports, event.report.id, event.report) };
    case "intelShared":
      // The copies themselves arrive as reportCreated events; this one records the act.
      return { ...state, nextId: bumpId(state, ...event.copies) };
    case "reportGraded":
      return {
        ...state,
        reports: update(state.reports, event.report, (report) => ({
          ...report,
          credibility: event.credibility,
          ...(event.confirmedTurn !== undefined ? { confirmedTurn: event.confirmedTurn } : {}),
          ...(event.disprovedTurn !== undefined ? { disprovedTurn: event.disprovedTurn } : {}),
        })),
      };
    case "sightingDisproved":
      if (!Object.hasOwn(state.detections, event.observer) || !Object.hasOwn(state.detections[event.observer]!, event.asset)) return state;
      return { ...state, detections: update(state.detections, event.observer, (seen) => without(seen, event.asset)) };
    case "falseIntelRecorded":
      return {
        ...state,
        falseIntel: put(state.falseIntel, event.report, {
          ...(Object.hasOwn(state.falseIntel, event.report) ? state.falseIntel[event.report] : {}),
          ...event.actual,
        }),
      };
    case "infoRequested":
      return { ...state, nextId: bumpId(state, event.request.id), infoRequests: put(state.infoRequests, event.request.id, event.request) };
    case "infoAnswered":
      return { ...state, infoRequests: update(state.infoRequests, event.request, (request) => ({ ...request, answer: event.answer, status: "answered" })) };
    case "consentRequested":
      return { ...state, nextId: bumpId(state, event.request.id), consentRequests: put(state.consentRequests, event.request.id, event.request) };
    case "consentAnswered":
      return {
        ...state,
        consentRequests: update(state.consentRequests, event.request, (request) => ({ ...request, status: event.granted ? "granted" : "denied" })),
      };
    case "agreementProposed":
      return { ...state, nextId: bumpId(state, event.agreement.id), agreements: put(state.agreements, event.agreement.id, event.agreement) };
    case "agreementAnswered":
      if (!event.accepted) return state;
      return {
        ...state,
        agreements: update(state.agreements, event.agreement, (agreement) => ({ ...agreement, acceptedBy: [...agreement.acceptedBy, event.nation] })),
      };
    case "agreementStatusChanged":
      if (event.status === "terminated") {
        return {
          ...state,
          agreements: update(state.agreements, event.agreement, (agreement) => ({
            ...agreement,
            status: event.status,
            ...(event.by ? { terminatedBy: event.by } : {}),
            terminatedTurn: state.turn,
          })),
        };
      }
      return { ...state, agreements: update(state.agreements, event.agreement, (agreement) => ({ ...agreement, status: event.status })) };
    case "consentRevoked":
      return { ...state, consentRequests: update(state.consentRequests, event.request, (request) => ({ ...request, status: "revoked" })) };
    case "allianceCommanderSet":
      if (event.nation !== null && !Object.hasOwn(state.nations, event.nation)) return state;
      return { ...state, allianceCommander: event.nation };
    case "diplomacyScheduled":
      return { ...state, pendingDiplomacy: [...state.pendingDiplomacy, { kind: event.kind, nations: event.nations, by: event.by }] };
    case "messageSent":
      return {
        ...state,
        nextId: bumpId(state, event.message.id),
        chat: put(state.chat ?? {}, event.message.channel, appendToWindow(own(state.chat, event.message.channel), event.message)),
      };
    case "injectReleased":
      return updateInject(state, event.inject, { status: "released", releasedTurn: event.turn });
    case "injectFired":
      return { ...state, nextId: bumpId(state, event.inject.id), injects: put(state.injects, event.inject.id, event.inject) };
    case "injectSkipped":
      // Older logs recorded neither the turn nor the status it had: such a skip is final.
      if (event.turn === undefined) return updateInject(state, event.inject, { status: "skipped" });
      return updateInject(state, event.inject, { status: "skipped", skippedTurn: event.turn, skippedFrom: event.from ?? "planned" });
    case "injectUnskipped":
      if (!Object.hasOwn(state.injects, event.inject)) return state;
      return {
        ...state,
        injects: update(state.injects, event.inject, ({ skippedTurn: _t, skippedFrom: _f, ...inject }) => ({ ...inject, status: event.status })),
      };
    case "injectEdited": {
      if (!Object.hasOwn(state.injects, event.inject)) return state;
      const spec: Record<string, unknown> = { ...state.injects[event.inject]!.spec };
      for (const [field, value] of Object.entries(event.changes)) {
        if (field === "id" || namesPrototypeMember(field)) continue;
        if (value === null) delete spec[field];
        else spec[field] = value;
      }
      return updateInject(state, event.inject, { spec: spec as InjectState["spec"] });
    }
    case "injectAdded":
      return {
        ...state,
        nextId: bumpId(state, event.inject.id),
        mselOrder: insertedAfter(mselOrder(state), event.inject.id, event.after),
        injects: put(state.injects, event.inject.id, event.inject),
      };
    case "injectDeleted": {
      if (!Object.hasOwn(state.injects, event.inject)) return state;
      const order = mselOrder(state).filter((id) => id !== event.inject);
      return { ...state, mselOrder: order, injects: without(state.injects, event.inject) };
    }
    case "injectMoved":
      return { ...state, mselOrder: event.order.filter((id) => Object.hasOwn(state.injects, id)) };
    case "injectHeld":
      if (!Object.hasOwn(state.injects, event.inject)) return state;
      return { ...state, injects: update(state.injects, event.inject, ({ held: _, ...inject }) => (event.held ? { ...inject, held: true } : inject)) };
    case "mselImported": {
      let injects = state.injects;
      for (const id of event.removed) injects = without(injects, id);
      for (const inject of event.injects) injects = put(injects, inject.id, inject);
      return { ...state, nextId: bumpId(state, ...event.injects.map((i) => i.id)), injects, mselOrder: event.order.filter((id) => Object.hasOwn(injects, id)) };
    }
    case "injectDelayed":
      return updateInject(state, event.inject, { status: "delayed", delayedToTurn: event.toTurn });
    case "stateAdjusted":
      // Its consequences arrive as separate absolute events; this one keeps the rationale.
      return state;
    case "noteAdded":
      return { ...state, nextId: bumpId(state, event.note.id), notes: put(state.notes, event.note.id, event.note) };
    case "objectiveMet":
      if (!Object.hasOwn(state.objectives, event.objective)) return state;
      return { ...state, objectives: put<ObjectiveState>(state.objectives, event.objective, { id: event.objective, met: true, metTurn: event.turn }) };
    case "actedFor":
      return state;
    case "controlActed":
      return state;
    case "controlLogged":
      return { ...state, controlLog: { ...state.controlLog, [event.entry.id]: event.entry } };
    case "nationControlSet":
      return { ...state, nationControl: { ...state.nationControl, [event.nation]: event.control } };
    case "rngAdvanced":
      return { ...state, rng: event.rng };
    case "playbookLevelChanged": {
      const progress = state.playbook ?? { levels: {}, fired: {} };
      return { ...state, playbook: { ...progress, levels: { ...progress.levels, [event.nation]: event.level } } };
    }
    case "playbookRuleFired": {
      const progress = state.playbook ?? { levels: {}, fired: {} };
      return { ...state, playbook: { ...progress, fired: { ...progress.fired, [`${event.nation}/${event.rule}`]: event.turn } } };
    }
    case "playbookMoveQueued":
      return { ...state, nextId: bumpId(state, event.move.id), playbookQueue: { ...state.playbookQueue, [event.move.id]: event.move } };
    case "playbookMoveApproved":
    case "playbookMoveDropped":
      return { ...state, playbookQueue: without(state.playbookQueue ?? {}, event.move) };
    case "playbookMoveRefused":
      return state;
    case "improvementRecorded":
      return { ...state, nextId: bumpId(state, event.item.id), improvements: put(state.improvements, event.item.id, event.item) };
    case "improvementRemoved":
      return { ...state, improvements: without(state.improvements, event.item) };
    case "tensionChanged":
      return { ...state, tension: event.tension, tensionReasons: event.reasons };
    case "observationRecorded":
    case "capabilityRated":
    case "consensusRatingSet":
    case "feedbackSubmitted":
      return evolveEvaluation(state, event);
    default:
      return assertNever(event);
  }
}

function updateInject(state: ExerciseState, id: string, patch: Partial<InjectState>): ExerciseState {
  return { ...state, injects: update(state.injects, id, (inject) => ({ ...inject, ...patch })) };
}

/** A sharing policy's partners, without any that names one of Object's own members (older logs). */
function ownPartners<T>(sharing: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(sharing).filter(([partner]) => !namesPrototypeMember(partner)));
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
