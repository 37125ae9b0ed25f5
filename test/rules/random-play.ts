import { Rng } from "../support/rng.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";

/** Seeded random play for fuzz tests: any actor's commands, valid and invalid mixed. */
export function randomCommand(rng: Rng, state: ExerciseState): unknown {
  const nations = Object.keys(state.nations);
  const regions = Object.keys(state.regions);
  const assets = Object.keys(state.assets);
  const reports = Object.keys(state.reports);
  const missions = ["patrol", "presence", "humanitarian", "medical", "logistics", "surveillance", "cyber-defence", "deterrence", "escort", "training"];
  const garbage = () => rng.pick<unknown>(["", "x".repeat(rng.int(5000)), 42, null, { __proto__: { polluted: true } }, ["a"], "ghost"]);
  const any = () => (rng.next() < 0.1 ? garbage() : undefined);
  const options: (() => unknown)[] = [
    () => ({
      type: "draftOrder",
      order: { kind: "deployAsset", asset: any() ?? rng.pick(assets), destination: rng.pick(regions), mission: rng.pick(missions) },
    }),
    () => ({ type: "draftOrder", order: { kind: "prepositionAsset", asset: rng.pick(assets), destination: rng.pick(regions) } }),
    () => ({ type: "draftOrder", order: { kind: "recallAsset", asset: rng.pick(assets), destination: rng.pick(regions) } }),
    () => ({ type: "draftOrder", order: { kind: "setMission", asset: rng.pick(assets), mission: rng.pick(missions) } }),
    () => ({
      type: "draftOrder",
      order: {
        kind: "setPolicy",
        alertLevel: rng.pick(["normal", "elevated", "high", "maximum"]),
        rulesOfEngagement: rng.pick(["restrictive", "standard", "robust"]),
      },
    }),
    () => ({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner: rng.pick(nations), amount: 1 + rng.int(400) } }),
    () => ({ type: "draftOrder", order: { kind: "embarkAsset", asset: any() ?? rng.pick(assets), carrier: rng.pick(assets) } }),
    () => ({
      type: "draftOrder",
      order: { kind: "disembarkAsset", asset: rng.pick(assets), ...(rng.next() < 0.5 ? { destination: any() ?? rng.pick(regions) } : {}) },
    }),
    () => ({ type: "withdrawDraft", draft: rng.pick([...Object.keys(state.drafts), "d0"]) }),
    () => ({ type: "commitTurn", turn: rng.next() < 0.9 ? state.turn : state.turn + 1 }),
    () => ({ type: "uncommitTurn", turn: state.turn }),
    () => ({
      type: "shareIntel",
      report: reports.length ? rng.pick(reports) : "r0",
      with: [rng.pick(nations)],
      redactedText: rng.next() < 0.3 ? "Redacted summary." : undefined,
    }),
    () => ({ type: "requestInfo", to: rng.pick(nations), question: "What do you see?" }),
    () => ({ type: "answerInfo", request: rng.pick([...Object.keys(state.infoRequests), "q0"]), answer: "Nothing." }),
    () => ({ type: "requestConsent", host: rng.pick(nations), region: rng.pick(regions) }),
    () => ({ type: "answerConsent", request: rng.pick([...Object.keys(state.consentRequests), "c0"]), grant: rng.next() < 0.7 }),
    () => ({
      type: "proposeAgreement",
      kind: rng.pick(["mou", "sofa", "intel-sharing", "joint-exercise-programme"]),
      title: "Deal",
      parties: [rng.pick(nations)],
    }),
    () => ({ type: "answerAgreement", agreement: rng.pick([...Object.keys(state.agreements), "a0"]), accept: rng.next() < 0.7 }),
    () => ({ type: "proposeJointExercise", partners: [rng.pick(nations)], title: "Joint drill" }),
    () => ({ type: "conveneDialogue", nations: [rng.pick(nations), rng.pick(nations)], topic: "Talks" }),
    () => ({ type: "makeStatement", stance: rng.pick(["quiet", "reassuring", "firm", "assertive"]), text: "Statement." }),
    () => ({
      type: "sendMessage",
      channel: rng.pick(["alliance", "public", `team:${rng.pick(nations)}`, "bilateral:a:b", `facilitator:${rng.pick(nations)}`]),
      text: "Hello.",
    }),
    () => ({ type: "pingRegion", region: rng.pick(regions) }),
    () => ({ type: rng.pick(["pauseExercise", "resumeExercise", "startBriefing", "startExercise"]) }),
    () => ({ type: "setTurnTimer", seconds: 10 + rng.int(1000) }),
    () => ({ type: "forceResolve", turn: state.turn }),
    () => ({ type: "releaseInject", inject: rng.pick([...Object.keys(state.injects), "nope"]) }),
    () => ({ type: "skipInject", inject: rng.pick([...Object.keys(state.injects), "nope"]) }),
    () => ({ type: "delayInject", inject: rng.pick(Object.keys(state.injects)), toTurn: state.turn + 1 + rng.int(3) }),
    () => ({
      type: "adjustState",
      effects: [
        { kind: "stability", region: rng.pick(regions), delta: rng.int(61) - 30 },
        { kind: "budget", nation: rng.pick(nations), delta: rng.int(400) - 300 },
      ],
      rationale: rng.next() < 0.8 ? "Adjudicated." : "",
    }),
    () => ({ type: "grantIntel", to: [rng.pick(nations)], report: { title: "Tip", text: "A tip.", assets: [rng.pick(assets)] } }),
    () => ({ type: "addNote", text: "Note." }),
    () => ({
      type: "fireInject",
      inject: {
        number: "X",
        type: "event",
        from: "Control",
        to: [rng.pick(nations)],
        title: "Ad hoc",
        body: "Body.",
        effects: [{ kind: "crisis", region: rng.pick(regions), crisisKind: "storm", severity: rng.int(100) }],
      },
    }),
    () => ({ type: "timerExpired", turn: state.turn }),
    () => ({ type: "noSuchCommand", junk: garbage() }),
    // Transfer of authority, termination, revoked consent (docs/RULES.md, agreements.md).
    () => ({ type: "designateCommander", nation: rng.next() < 0.2 ? null : rng.pick(nations) }),
    () => ({
      type: "draftOrder",
      order: {
        kind: "transferAuthority",
        asset: rng.pick(assets),
        excludedMissions: rng.next() < 0.5 ? [rng.pick(missions)] : undefined,
        excludedRegions: rng.next() < 0.5 ? [rng.pick(regions)] : undefined,
      },
    }),
    () => ({ type: "draftOrder", order: { kind: "revokeAuthority", asset: rng.pick(assets) } }),
    () => ({ type: "terminateAgreement", agreement: rng.pick([...Object.keys(state.agreements), "a0"]) }),
    () => ({ type: "revokeConsent", request: rng.pick([...Object.keys(state.consentRequests), "c0"]) }),
    () => ({
      type: "proposeAgreement",
      kind: "command-arrangement",
      title: "Command",
      parties: nations.filter(() => rng.next() < 0.8),
      commander: rng.pick(nations),
    }),
  ];
  return rng.pick(options)();
}

export { Rng };
