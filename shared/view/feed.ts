import type { ExerciseEvent } from "../protocol/events.ts";
import type { ExerciseState } from "../state/schema.ts";
import type { Viewer } from "../engine/view-for.ts";

/** One line in a team's feed: what happened that this viewer is entitled to hear about. */
export type FeedItem = { seq: number; turn: number; kind: "inject" | "order" | "turn" | "intel" | "diplomacy" | "adjudication" | "lifecycle"; text: string };

function regionName(state: ExerciseState, id: string): string {
  return state.scenario.regions.find((r) => r.id === id)?.name ?? id;
}
function nationName(state: ExerciseState, id: string): string {
  return state.nations[id]?.name ?? (id === "white" ? "Exercise control" : id);
}

/**
 * Turns an event into a feed line for a viewer, or null when the viewer may not learn of it.
 * `state` is the state after the event. Pure, so the replay viewer shows the same feed.
 */
export function feedItemFor(event: ExerciseEvent, state: ExerciseState, viewer: Viewer): FeedItem | null {
  const white = viewer.kind !== "nation";
  const me = viewer.kind === "nation" ? viewer.nation : null;
  const item = (kind: FeedItem["kind"], text: string): FeedItem => ({ seq: event.seq, turn: state.turn, kind, text });
  switch (event.type) {
    case "exerciseStarted":
      return item("lifecycle", "The exercise has started.");
    case "exercisePaused":
      return item("lifecycle", "Exercise control paused the exercise.");
    case "exerciseResumed":
      return item("lifecycle", "The exercise resumed.");
    case "exerciseEnded":
      return item("lifecycle", "The exercise has ended.");
    case "briefingStarted":
      return item("lifecycle", "Briefing has started.");
    case "turnStarted":
      return item("turn", `Turn ${event.turn} planning has begun.`);
    case "resolutionStarted":
      return item("turn", `Turn ${event.turn} is resolving (${event.cause === "allCommitted" ? "all teams committed" : event.cause === "timer" ? "the timer ran out" : "exercise control forced it"}).`);
    case "orderExecuted":
      return white || event.nation === me ? item("order", `${white ? nationName(state, event.nation) + ": " : ""}${event.outcome}.`) : null;
    case "orderFailed":
      return white || event.nation === me ? item("order", `${white ? nationName(state, event.nation) + ": " : ""}Order ${event.order.kind} failed: ${event.reason}`) : null;
    case "injectReleased": {
      const inject = state.injects[event.inject];
      if (!inject) return null;
      const to = inject.spec.to;
      if (!white && to !== "all" && !to.includes(me!)) return null;
      return item("inject", `${inject.spec.number} ${inject.spec.title} (from ${inject.spec.from})`);
    }
    case "intelShared":
      if (white) return item("intel", `${nationName(state, event.from)} shared a report with ${event.to.map((n) => nationName(state, n)).join(", ")}.`);
      if (event.to.includes(me!)) return item("intel", `${nationName(state, event.from)} shared a report with you${event.redacted ? " (redacted)" : ""}.`);
      if (event.from === me) return item("intel", `You shared a report with ${event.to.map((n) => nationName(state, n)).join(", ")}.`);
      return null;
    case "reportCreated":
      return event.report.copiedFrom === null && (white || event.report.owner === me) ? item("intel", `${white ? nationName(state, event.report.owner) + " received" : "New"} report: ${event.report.title}`) : null;
    case "agreementProposed":
      return white || event.agreement.parties.includes(me!) ? item("diplomacy", `${nationName(state, event.agreement.proposer ?? "")} proposed ${event.agreement.kind.toUpperCase()}: ${event.agreement.title}`) : null;
    case "agreementStatusChanged": {
      const agreement = state.agreements[event.agreement];
      return agreement && (white || agreement.parties.includes(me!)) ? item("diplomacy", `${agreement.title}: ${event.status}.`) : null;
    }
    case "consentRequested":
      return white || event.request.host === me || event.request.requester === me
        ? item("diplomacy", `${nationName(state, event.request.requester)} asks ${nationName(state, event.request.host)} for consent to enter ${regionName(state, event.request.region)}.`)
        : null;
    case "consentAnswered": {
      const request = state.consentRequests[event.request];
      return request && (white || request.host === me || request.requester === me) ? item("diplomacy", `Consent to enter ${regionName(state, request.region)} ${event.granted ? "granted" : "denied"}.`) : null;
    }
    case "infoRequested":
      return white || event.request.target === me || event.request.requester === me ? item("intel", `${nationName(state, event.request.requester)} requests information from ${nationName(state, event.request.target)}.`) : null;
    case "infoAnswered": {
      const request = state.infoRequests[event.request];
      return request && (white || request.requester === me || request.target === me) ? item("intel", `${nationName(state, request.target)} answered a request for information.`) : null;
    }
    case "diplomacyScheduled":
      return white || event.nations.includes(me!) ? item("diplomacy", `${event.kind === "dialogue" ? "Multilateral dialogue" : "Joint exercise"} "${event.topic}" with ${event.nations.map((n) => nationName(state, n)).join(", ")}.`) : null;
    case "statementMade":
      return item("diplomacy", `${nationName(state, event.nation)} statement (${event.stance}): ${event.text}`);
    case "stateAdjusted":
      return white ? item("adjudication", `Adjudication: ${event.rationale}`) : null;
    case "objectiveMet": {
      const spec = state.scenario.objectives.find((o) => o.id === event.objective);
      return spec && (white || !spec.nation || spec.nation === me) ? item("lifecycle", `Objective met: ${spec.title}`) : null;
    }
    default:
      return null;
  }
}
