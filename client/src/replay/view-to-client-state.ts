import type { View } from "../../../shared/engine/view-for.ts";
import type { FeedItem } from "../../../shared/view/feed.ts";
import { publicScenario } from "../../../shared/view/public-scenario.ts";
import type { ScenarioSpec } from "../../../shared/scenario/schema.ts";
import type { ClientState, ClientAsset, PrivateNation, PublicNationRow } from "../state/client-state.ts";

const publicScenarios = new WeakMap<ScenarioSpec, ReturnType<typeof publicScenario>>();

/**
 * The replay's `viewFor` result in the shape the live client renders, so the replay draws the
 * very same map a participant saw (client/src/map), from the very same projection.
 */
export function clientStateFromView(view: View, scenario: ScenarioSpec, feed: FeedItem[]): ClientState {
  // One public scenario per recording: the map keeps what it derives from its regions (their
  // outlines, the picture's extent) by that object, so a new copy per seek computed them again.
  let pub = publicScenarios.get(scenario);
  if (!pub) publicScenarios.set(scenario, (pub = publicScenario(scenario)));
  const nations: Record<string, PublicNationRow> = {};
  const privateNations: Record<string, PrivateNation> = {};
  for (const n of Object.values(view.nations)) {
    nations[n.id] = {
      id: n.id,
      name: n.name,
      color: n.color,
      playable: n.playable,
      alliance: n.alliance,
      committed: n.committed,
      policies: { publicStance: n.policies.publicStance },
      online: 0,
    };
    if ("budget" in n)
      privateNations[n.id] = {
        id: n.id,
        budget: n.budget,
        budgetPerTurn: n.budgetPerTurn,
        politicalCapital: n.politicalCapital,
        readiness: n.readiness,
        committedBy: n.committedBy,
        policies: n.policies,
      };
  }
  const assets: Record<string, ClientAsset> = {};
  for (const a of Object.values(view.assets)) {
    if (a.foreign) assets[a.id] = a;
    else {
      const { arrivedTurn: _arrived, ...own } = a;
      assets[a.id] = { ...own, foreign: false };
    }
  }
  return {
    exerciseId: view.exerciseId,
    title: view.title,
    scenario: pub,
    phase: view.phase,
    turn: view.turn,
    turns: view.turns,
    seq: view.seq,
    deadline: view.deadline,
    pausedRemainingMs: view.pausedRemainingMs,
    turnSeconds: view.turnSeconds,
    scenarioTime: view.scenarioTime,
    cohesion: view.cohesion,
    tension: view.tension,
    tensionReasons: view.tensionReasons,
    allianceCommander: view.allianceCommander,
    regions: view.regions,
    nations,
    perspective: {
      key: view.viewer.kind === "nation" ? view.viewer.nation : "white",
      nations: privateNations,
      assets,
      relations: view.relations,
      reports: view.reports,
      agreements: view.agreements,
      consentRequests: view.consentRequests,
      infoRequests: view.infoRequests,
      drafts: view.drafts,
      messages: view.messages,
      injects: view.injects,
      objectives: view.objectives,
      notes: view.notes,
      playbookQueue: view.playbookQueue,
      controlLog: view.controlLog,
      evaluationGuide: view.evaluationGuide,
      observations: view.observations,
      capabilityRatings: view.capabilityRatings,
      feedbackAnswered: view.feedbackAnswered,
      feedbackObjectives: view.feedbackObjectives,
      feed,
      turns: [],
      seats: [],
    },
  };
}
