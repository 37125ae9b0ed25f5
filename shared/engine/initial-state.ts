import type { ScenarioSpec } from "../scenario/schema.ts";
import type { ExerciseState, InjectState, NationState, Relation, RegionState, AssetState, Agreement, ObjectiveState } from "../state/schema.ts";
import { relationKey, type Detection } from "../state/schema.ts";
import { emptyRecord, recordOf, toRecord } from "../state/records.ts";

/** The state before the first event: the scenario's starting position, nothing else. */
export function initialState(scenario: ScenarioSpec, exerciseId: string, seed: number): ExerciseState {
  const nations = emptyRecord<NationState>();
  for (const n of scenario.nations) {
    nations[n.id] = {
      id: n.id,
      name: n.name,
      color: n.color,
      playable: n.playable,
      alliance: n.alliance,
      budget: n.budget,
      budgetPerTurn: n.budgetPerTurn,
      politicalCapital: n.politicalCapital,
      readiness: n.readiness,
      policies: { ...n.policies, intelSharing: toRecord(n.policies.intelSharing) },
      committed: false,
      committedBy: null,
    };
  }
  const relations = emptyRecord<Relation>();
  for (const a of scenario.nations) {
    for (const b of scenario.nations) {
      if (a.id < b.id) relations[relationKey(a.id, b.id)] = { ...scenario.defaultRelation };
    }
  }
  for (const r of scenario.relations) relations[relationKey(r.a, r.b)] = { trust: r.trust, interoperability: r.interoperability };

  const regions = emptyRecord<RegionState>();
  for (const r of scenario.regions) {
    regions[r.id] = {
      id: r.id,
      owner: r.owner,
      stability: r.stability,
      baseline: r.recoversTo ?? r.stability,
      crisis: r.crisis ? { ...r.crisis, since: 0 } : null,
    };
  }
  const assets = emptyRecord<AssetState>();
  for (const a of scenario.assets) {
    assets[a.id] = {
      id: a.id,
      name: a.name,
      type: a.type,
      owner: a.owner,
      region: a.region,
      status: a.status,
      strength: a.strength,
      mission: a.mission ?? null,
      destination: null,
      route: [],
      eta: null,
      intent: null,
      prepositioned: a.prepositioned,
      arrivedTurn: null,
      // Only a unit that starts aboard a carrier has it (an old exercise's state stays as it was).
      ...(a.embarkedOn ? { embarkedOn: a.embarkedOn } : {}),
      // Only when the scenario translates it: an English-only scenario's state stays as it was.
      ...(a.i18n && Object.keys(a.i18n).length ? { i18n: a.i18n as Record<string, Record<string, string>> } : {}),
    };
  }
  const agreements = emptyRecord<Agreement>();
  for (const a of scenario.agreements) {
    agreements[a.id] = {
      id: a.id,
      kind: a.kind,
      title: a.title,
      parties: a.parties,
      proposer: null,
      acceptedBy: a.parties,
      status: "accepted",
      proposedTurn: 0,
      expiresTurn: a.expiresTurn ?? null,
      // Only when the scenario gives them: older scenarios' agreements stay exactly as they were.
      ...(a.scope ? { scope: a.scope } : {}),
      ...(a.commander ? { commander: a.commander } : {}),
    };
  }
  const injects = emptyRecord<InjectState>();
  for (const spec of scenario.msel) {
    injects[spec.id] = { id: spec.id, spec, status: "planned", releasedTurn: null, delayedToTurn: null, adhoc: false };
  }
  const objectives = emptyRecord<ObjectiveState>();
  for (const o of scenario.objectives) objectives[o.id] = { id: o.id, met: false, metTurn: null };

  return {
    exerciseId,
    scenario,
    seed,
    seq: 0,
    rng: seed | 0,
    phase: "lobby",
    turn: 0,
    deadline: null,
    pausedRemainingMs: null,
    turnSeconds: scenario.rules.turnSeconds,
    nextId: 1,
    nations,
    relations,
    regions,
    assets,
    reports: emptyRecord(),
    agreements,
    consentRequests: emptyRecord(),
    infoRequests: emptyRecord(),
    drafts: emptyRecord(),
    chat: {},
    injects,
    detections: recordOf(scenario.nations.map((n) => [n.id, emptyRecord<Detection>()] as const)),
    falseIntel: emptyRecord(),
    notes: emptyRecord(),
    objectives,
    improvements: emptyRecord(),
    pendingDiplomacy: [],
    tension: scenario.rules.initialTension,
    tensionReasons: [],
    // The scenario's commander, or the one a standing command arrangement names.
    allianceCommander: scenario.allianceCommander ?? scenario.agreements.find((a) => a.kind === "command-arrangement" && a.commander)?.commander ?? null,
  };
}
