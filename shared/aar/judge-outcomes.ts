import type { ExerciseEvent } from "../protocol/events.ts";
import type { AssetState, ExerciseState } from "../state/schema.ts";
import type { ExpectedAction, InjectSpec } from "../scenario/schema.ts";
import { evolve } from "../engine/evolve.ts";
import { transiently } from "../state/records.ts";
import { isAllied } from "../engine/sides.ts";
import { outcomeOf, policyReached, type ExpectedOutcome } from "../scenario/expected-outcome.ts";
import { msg, ref } from "../i18n/message.ts";
import { termKey } from "../i18n/terms.ts";
import type { NationAction } from "./nation-actions.ts";

export type Judged = { result: "met" | "not met" | "attempted" | "for the evaluator"; action: NationAction | null; attempts: NationAction[] };
type Release = { seq: number; turn: number };
type Pending = { key: string; nation: string; outcome: ExpectedOutcome; release: Release; inject: string; shared: Set<string> };

/** The order kinds that can put an asset on a mission, set a policy: their failures are attempts. */
const ATTEMPTS: Partial<Record<ExpectedOutcome["kind"], readonly string[]>> = {
  assetOnMission: ["deployAsset", "setMission"],
  policy: ["setPolicy"],
  agreementInForce: ["proposeAgreement", "proposeJointExercise"],
};

const term = (vocabulary: Parameters<typeof termKey>[0], value: string) => {
  const key = termKey(vocabulary, value);
  return key ? msg(key) : value;
};

function addressed(state: ExerciseState, spec: InjectSpec, expected: ExpectedAction): string[] {
  if (expected.nations) return expected.nations;
  const to = spec.to === "all" ? Object.keys(state.nations) : spec.to;
  return to.filter((n) => state.nations[n]?.playable);
}

/** On a mission in place (not under way, not aboard a carrier), as the outcome asks. */
function assetFits(state: ExerciseState, asset: AssetState | undefined, o: Extract<ExpectedOutcome, { kind: "assetOnMission" }>): boolean {
  if (!asset || asset.embarkedOn || asset.mission === null) return false;
  if (asset.status !== "deployed" && asset.status !== "degraded") return false;
  if (o.region && asset.region !== o.region) return false;
  if (o.missions && !o.missions.includes(asset.mission)) return false;
  if (o.assetType && asset.type !== o.assetType) return false;
  if (o.category && state.scenario.assetTypes.find((t) => t.id === asset.type)?.category !== o.category) return false;
  return true;
}

function inForce(state: ExerciseState, nation: string, o: Extract<ExpectedOutcome, { kind: "agreementInForce" }>): string | null {
  const found = Object.values(state.agreements).find(
    (a) =>
      a.status === "accepted" &&
      a.parties.includes(nation) &&
      (!o.agreementKind || a.kind === o.agreementKind) &&
      (o.with ?? []).every((p) => a.parties.includes(p)),
  );
  return found?.id ?? null;
}

/** Whether a report is, or was copied or cut (tear line) from, one of `targets`. */
function descendsFrom(state: ExerciseState, report: string, targets: ReadonlySet<string>): boolean {
  let at: string | null | undefined = report;
  for (let hops = 0; at && hops < 64; hops++) {
    if (targets.has(at)) return true;
    const r: ExerciseState["reports"][string] | undefined = Object.hasOwn(state.reports, at) ? state.reports[at] : undefined;
    at = r ? (r.copiedFrom ?? r.versionOf ?? null) : null;
  }
  return false;
}

export type JudgedOutcomes = { final: ExerciseState; releases: Map<string, Release>; results: Map<string, Judged> };

/**
 * Folds the log once and judges every expected action whose outcome is a state of the world
 * (an asset on a mission, a policy, an agreement in force, a report held by partners) at the
 * first event it holds after the release — or at the release itself when already in place.
 * Actions judged by their command (and those for the evaluator) are read from `actions`.
 */
export function judgeOutcomes(initial: ExerciseState, events: readonly ExerciseEvent[], actions: readonly NationAction[]): JudgedOutcomes {
  const judge = outcomeJudge(initial);
  // Folded transiently (records.ts): a week-long log copied the assets record once per event
  // (10 s over 50,000 events) otherwise.
  transiently(() => {
    let state = initial;
    for (const e of events) {
      judge.before(e, state);
      state = evolve(state, e);
      judge.after(e, state);
    }
  });
  return judge.finish(actions);
}

/**
 * The same judgement, fed by a fold someone else runs (the replay's one fold of the log): each
 * event with the state before it (`before`) and after it (`after`), in order, read at once and
 * never kept, as a transient fold requires; then `finish` with the nations' actions.
 */
export type OutcomeJudge = {
  before(event: ExerciseEvent, state: ExerciseState): void;
  after(event: ExerciseEvent, state: ExerciseState): void;
  finish(actions: readonly NationAction[]): JudgedOutcomes;
};

export function outcomeJudge(initial: ExerciseState): OutcomeJudge {
  let state = initial;
  /** The asset an update replaces, read before the event is folded (no earlier state is kept). */
  let was: AssetState | undefined;
  const releases = new Map<string, Release>();
  const results = new Map<string, Judged>();
  /** inject → nation → the reports its release gave that nation. */
  const granted = new Map<string, Map<string, Set<string>>>();
  let collecting: { inject: string; remaining: Map<string, number> } | null = null;
  let pending: Pending[] = [];
  const met = (p: Pending, action: NationAction) => {
    results.set(p.key, { result: "met", action, attempts: [] });
    pending = pending.filter((q) => q !== p);
  };
  const at = (p: Pending, seq: number, command: string, region: string | null, detail: NationAction["detail"], turn = state.turn): NationAction => ({
    nation: p.nation,
    command,
    region,
    seq,
    turn,
    detail,
  });

  /** A reportShared expectation's partners reached by one share: met once every named one (or, none named, one partner) holds it. */
  const sharedWith = (p: Pending, to: readonly string[], seq: number, detail: NationAction["detail"]) => {
    const wanted = p.outcome.kind === "reportShared" ? p.outcome.with : undefined;
    // Partners are alliance members other than the sharer: the adversary never is one.
    for (const n of to) if (wanted ? wanted.includes(n) : n !== p.nation && isAllied(state, n)) p.shared.add(n);
    if (wanted ? wanted.every((n) => p.shared.has(n)) : p.shared.size > 0) met(p, at(p, seq, "shareIntel", null, detail));
  };

  const open = (injectId: string, release: Release) => {
    const spec = state.injects[injectId]?.spec;
    if (!spec) return;
    const remaining = new Map<string, number>();
    for (const effect of spec.effects) if (effect.kind === "grantIntel") for (const n of effect.to) remaining.set(n, (remaining.get(n) ?? 0) + 1);
    collecting = { inject: injectId, remaining };
    spec.expectedActions.forEach((ex, index) => {
      const outcome = outcomeOf(ex);
      if (outcome.kind === "command" || outcome.kind === "evaluator") return;
      for (const nation of addressed(state, spec, ex)) {
        const p: Pending = { key: `${injectId}#${index}#${nation}`, nation, outcome, release, inject: injectId, shared: new Set() };
        pending.push(p);
        // Already in place when the inject came: met, in no time.
        if (outcome.kind === "assetOnMission" && outcome.region) {
          const asset = Object.values(state.assets)
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .find((a) => a.owner === nation && assetFits(state, a, outcome));
          if (asset)
            met(
              p,
              at(
                p,
                release.seq,
                "assetOnMission",
                asset.region,
                msg("evaluation.action.alreadyInPlace", {
                  asset: ref("asset", asset.id),
                  mission: term("mission", asset.mission!),
                  region: ref("region", asset.region),
                }),
                release.turn,
              ),
            );
        } else if (outcome.kind === "policy") {
          const value = state.nations[nation]?.policies[outcome.field];
          if (value && policyReached(outcome.field, value, outcome.op, outcome.value))
            met(
              p,
              at(
                p,
                release.seq,
                "policy",
                null,
                msg("evaluation.action.policyAlready", { field: outcome.field, value: term(outcome.field, value) }),
                release.turn,
              ),
            );
        } else if (outcome.kind === "agreementInForce") {
          const id = inForce(state, nation, outcome);
          if (id)
            met(p, at(p, release.seq, "agreementInForce", null, msg("evaluation.action.agreementAlready", { agreement: ref("agreement", id) }), release.turn));
        }
      }
    });
  };

  const before = (e: ExerciseEvent, current: ExerciseState) => {
    was = e.type === "assetUpdated" ? current.assets[e.asset.id] : undefined;
  };
  const after = (e: ExerciseEvent, current: ExerciseState) => {
    state = current;
    switch (e.type) {
      case "injectReleased":
        if (!releases.has(e.inject)) {
          releases.set(e.inject, { seq: e.seq, turn: e.turn });
          open(e.inject, { seq: e.seq, turn: e.turn });
        }
        break;
      case "reportCreated": {
        const c = collecting as { inject: string; remaining: Map<string, number> } | null;
        const owner = e.report.owner;
        if (c && e.report.copiedFrom === null && (c.remaining.get(owner) ?? 0) > 0) {
          c.remaining.set(owner, c.remaining.get(owner)! - 1);
          const byNation = granted.get(c.inject) ?? new Map<string, Set<string>>();
          granted.set(c.inject, byNation.set(owner, (byNation.get(owner) ?? new Set()).add(e.report.id)));
        }
        break;
      }
      case "assetUpdated":
        for (const p of [...pending]) {
          if (p.outcome.kind !== "assetOnMission" || p.nation !== e.asset.owner || !assetFits(state, e.asset, p.outcome)) continue;
          // With no region named, only a change after the release counts (not what was already deployed somewhere).
          if (!p.outcome.region && assetFits(state, was, p.outcome) && was!.mission === e.asset.mission && was!.region === e.asset.region) continue;
          met(
            p,
            at(
              p,
              e.seq,
              "assetOnMission",
              e.asset.region,
              msg("evaluation.action.assetOnMission", {
                asset: ref("asset", e.asset.id),
                mission: term("mission", e.asset.mission!),
                region: ref("region", e.asset.region),
              }),
            ),
          );
        }
        break;
      case "policySet":
        for (const p of [...pending]) {
          if (p.outcome.kind !== "policy" || p.nation !== e.nation) continue;
          const value = e.policies[p.outcome.field];
          if (policyReached(p.outcome.field, value, p.outcome.op, p.outcome.value))
            met(p, at(p, e.seq, "policy", null, msg("evaluation.action.policyReached", { field: p.outcome.field, value: term(p.outcome.field, value) })));
        }
        break;
      case "agreementAnswered":
      case "agreementStatusChanged":
        for (const p of [...pending]) {
          if (p.outcome.kind !== "agreementInForce") continue;
          const id = inForce(state, p.nation, p.outcome);
          if (id) met(p, at(p, e.seq, "agreementInForce", null, msg("evaluation.action.agreementInForce", { agreement: ref("agreement", id) })));
        }
        break;
      case "intelShared":
        for (const p of [...pending]) {
          if (p.outcome.kind !== "reportShared" || p.nation !== e.from) continue;
          const mine = granted.get(p.inject)?.get(p.nation);
          if (mine && mine.size > 0 && !descendsFrom(state, e.report, mine)) continue;
          sharedWith(p, e.to, e.seq, msg("aar.action.sharedIntel", { to: e.to.map((id) => ref("nation", id)) }));
        }
        break;
      case "assetsDetected":
        // A `full` sharing policy passing the nation's sightings into a partner's picture is a
        // share with that partner (and only that one: the event is the partner's own). It is no
        // copy of a report the inject gave, so it does not answer an inject that gave one.
        if (!e.sharedBy) break;
        for (const p of [...pending]) {
          if (p.outcome.kind !== "reportShared" || p.nation !== e.sharedBy) continue;
          const mine = granted.get(p.inject)?.get(p.nation);
          if (mine && mine.size > 0) continue;
          sharedWith(p, [e.observer], e.seq, msg("aar.action.sharedPicture", { to: [ref("nation", e.observer)], count: e.detections.length }));
        }
        break;
      default:
        break;
    }
  };

  const finish = (actions: readonly NationAction[]): JudgedOutcomes => {
    // Into a copy: the fold may go on (the replay folds its log range by range) and finish again.
    const judged = new Map(results);
    // What no state records: a command that took effect, or what only an evaluator can judge.
    for (const [injectId, release] of releases) {
      const spec = state.injects[injectId]?.spec;
      if (!spec) continue;
      spec.expectedActions.forEach((ex, index) => {
        const outcome = outcomeOf(ex);
        for (const nation of addressed(state, spec, ex)) {
          const key = `${injectId}#${index}#${nation}`;
          if (judged.has(key)) continue;
          const after = actions.filter((a) => a.nation === nation && a.seq > release.seq);
          if (outcome.kind === "command" || outcome.kind === "evaluator") {
            const same = after.filter((a) => a.command === ex.command && (!ex.region || a.region === ex.region));
            const done = same.find((a) => !a.failed) ?? null;
            if (outcome.kind === "evaluator") judged.set(key, { result: "for the evaluator", action: done, attempts: [] });
            else if (done) judged.set(key, { result: "met", action: done, attempts: [] });
            else {
              const tried = same.filter((a) => a.failed);
              judged.set(key, { result: tried.length ? "attempted" : "not met", action: null, attempts: tried });
            }
            continue;
          }
          const kinds = ATTEMPTS[outcome.kind] ?? [];
          const tried = after.filter((a) => kinds.includes(a.command) && (outcome.kind !== "agreementInForce" ? a.failed : true));
          judged.set(key, { result: tried.length ? "attempted" : "not met", action: null, attempts: tried });
        }
      });
    }
    return { final: state, releases: new Map(releases), results: judged };
  };
  return { before, after, finish };
}
