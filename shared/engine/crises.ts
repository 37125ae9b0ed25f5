import type { EventBuilder } from "./builder.ts";
import type { AssetState, Crisis, ExerciseState, RegionState } from "../state/schema.ts";
import { assetType, regionSpec } from "./map.ts";
import { clamp, round1 } from "./numbers.ts";
import { own } from "../state/records.ts";
import { coalitionFactor } from "./coalition.ts";
import { deterrenceIn, isHostileKind, responseMultiplier } from "./posture.ts";
import { tensionEscalationFactor } from "./tension.ts";
import { forcesIn, isAdversary, isAllied } from "./sides.ts";
import { assetsIn } from "./asset-index.ts";
import { explain } from "./explain.ts";
import { msg, ref, type Msg } from "../i18n/message.ts";
import { term } from "./words.ts";

/** How well an asset on station answers a crisis kind: its type's fitness, 0 when not on station. */
export function responseFitness(state: ExerciseState, asset: AssetState, crisisKind: string): number {
  // A unit aboard a carrier answers nothing until it lands, whatever an adjustment made its status.
  if (asset.status !== "deployed" || asset.route.length > 0 || asset.embarkedOn) return 0;
  const fitness = assetType(state, asset).fitness;
  return own(fitness, crisisKind) ?? own(fitness, "*") ?? 0;
}

/**
 * Severity removed this turn by the assets on station: strength × fitness × their nation's alert
 * (and, against hostile-actor crises, ROE) multiplier, boosted by interoperable coalitions.
 * `byNation`: each responding nation's share before the coalition bonus, with its multiplier.
 */
export function responseStrength(
  state: ExerciseState,
  regionId: string,
  crisisKind: string,
): { reduction: number; responders: string[]; byNation: Record<string, { amount: number; multiplier: number }> } {
  const rules = state.scenario.rules;
  let base = 0;
  const byNation: Record<string, { amount: number; multiplier: number }> = {};
  for (const asset of assetsIn(state, regionId)) {
    const fit = responseFitness(state, asset, crisisKind);
    if (fit <= 0) continue;
    const multiplier = responseMultiplier(state, asset, crisisKind);
    const amount = (asset.strength / 100) * fit * rules.crisisResponseFactor * multiplier;
    base += amount;
    const entry = (byNation[asset.owner] ??= { amount: 0, multiplier });
    entry.amount += amount;
  }
  const responders = Object.keys(byNation).sort();
  return { reduction: base * coalitionFactor(state, regionId, crisisKind, responders), responders, byNation };
}

/** Severity the adversary's units in a region add to its hostile-actor crisis each turn. */
export function hostilePressure(state: ExerciseState, regionId: string): number {
  const { hostile } = forcesIn(state, regionId);
  return hostile.reduce((sum, asset) => sum + (asset.strength / 100) * state.scenario.rules.hostilePresenceSeverity, 0);
}

/** A crisis's next severity and the parts that made it, for the results. */
type Step = { severity: number; reduction: number; pressure: number; escalation: number; undamped: number; deterrence: number };

function nextSeverity(state: ExerciseState, region: RegionState, crisis: Crisis, reduction: number): Step {
  const rules = state.scenario.rules;
  if (!isHostileKind(state, crisis.kind)) {
    // Natural and humanitarian crises: posture, ROE and the adversary play no part.
    const escalation = reduction > 0 ? 0 : rules.crisisEscalation;
    return { severity: round1(clamp(crisis.severity - reduction + escalation)), reduction, pressure: 0, escalation, undamped: escalation, deterrence: 0 };
  }
  const pressure = hostilePressure(state, region.id);
  const deterrence = deterrenceIn(state, region.id).total;
  // Unanswered, the adversary's crisis grows by the full escalation; answered, it still gets a
  // share (answeredHostileEscalation): either way tension scales it and deterrence divides it.
  const undamped = rules.crisisEscalation * tensionEscalationFactor(state) * (reduction > 0 ? rules.answeredHostileEscalation : 1);
  const escalation = undamped / (1 + deterrence);
  return { severity: round1(clamp(crisis.severity - reduction + pressure + escalation)), reduction, pressure, escalation, undamped, deterrence };
}

/** Crisis dynamics: answered crises shrink, unanswered ones grow and spill over; stability follows. */
export function resolveCrises(b: EventBuilder): void {
  const rules = b.state.scenario.rules;
  const spills: { region: string; kind: string; severity: number }[] = [];
  for (const region of Object.values(b.state.regions).sort((x, y) => (x.id < y.id ? -1 : 1))) {
    const crisis = region.crisis;
    if (!crisis) {
      if (region.stability < region.baseline) {
        if (recoveryBlocked(b.state, region)) {
          const nations = concerned(b.state, region.id);
          if (nations.length > 0) explain(b, "policies.hostilePresence", nations, "policies.crisis.recoveryBlocked", { region: ref("region", region.id) });
          continue;
        }
        const stability = round1(Math.min(region.baseline, region.stability + rules.stabilityRecovery));
        b.emit({ type: "regionUpdated", region: region.id, stability, crisis: null });
      }
      continue;
    }
    const response = responseStrength(b.state, region.id, crisis.kind);
    const step = nextSeverity(b.state, region, crisis, response.reduction);
    const { severity } = step;
    const stability = round1(clamp(region.stability - (severity / 10) * rules.stabilityLossPer10Severity));
    b.emit({ type: "regionUpdated", region: region.id, stability, crisis: severity > 0 ? { ...crisis, severity } : null });
    explainCrisis(b, region.id, crisis, step, response.byNation);
    if (severity >= rules.spilloverThreshold) {
      for (const adjacent of regionSpec(b.state, region.id)?.adjacent ?? [])
        spills.push({ region: adjacent, kind: crisis.kind, severity: round1(severity * rules.spilloverShare) });
    }
  }
  for (const spill of spills) {
    const target = b.state.regions[spill.region];
    if (!target || target.crisis) continue;
    b.emit({
      type: "regionUpdated",
      region: target.id,
      stability: target.stability,
      crisis: { kind: spill.kind, severity: spill.severity, since: b.state.turn },
    });
  }
}

/**
 * The allied nations a region's hostile dynamics concern: its owner and those with forces in it or
 * next to it. The others read the crisis off the map; telling every nation about every region
 * every turn would drown the feed.
 */
function concerned(state: ExerciseState, regionId: string): string[] {
  const near = new Set([regionId, ...(regionSpec(state, regionId)?.adjacent ?? [])]);
  const nations = new Set<string>();
  const owner = state.regions[regionId]?.owner;
  if (owner && isAllied(state, owner)) nations.add(owner);
  for (const region of near) for (const asset of assetsIn(state, region)) if (isAllied(state, asset.owner)) nations.add(asset.owner);
  return [...nations].sort();
}

/**
 * Adversary units in a region outside the adversary's own territory stop it recovering, unless
 * allied units on station there are at least as strong.
 */
function recoveryBlocked(state: ExerciseState, region: RegionState): boolean {
  if (region.owner !== null && isAdversary(state, region.owner)) return false;
  const { allied, hostile } = forcesIn(state, region.id);
  if (hostile.length === 0) return false;
  const onStation = (list: AssetState[]) => list.filter((a) => a.route.length === 0).reduce((sum, a) => sum + a.strength, 0);
  return onStation(hostile) > onStation(allied.filter((a) => a.status === "deployed"));
}

/**
 * Says why a crisis moved as it did, one line per nation: each responder hears what its alert
 * level and ROE did to its response; for a hostile-actor crisis, the allied nations concerned
 * (owner, forces in or next to it) hear what the adversary's units and deterrence did.
 */
function explainCrisis(b: EventBuilder, region: string, crisis: Crisis, step: Step, byNation: Record<string, { amount: number; multiplier: number }>): void {
  const where = { region: ref("region", region), crisis: term("crisisKind", crisis.kind) };
  for (const [nation, share] of Object.entries(byNation).sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (share.multiplier === 1) continue;
    const p = b.state.nations[nation]!.policies;
    const hostile = isHostileKind(b.state, crisis.kind);
    explain(b, "policies.response", [nation], hostile ? "policies.crisis.responseHostile" : "policies.crisis.response", {
      ...where,
      amount: round1(share.amount),
      factor: round1(share.multiplier * 100) / 100,
      alertLevel: term("alertLevel", p.alertLevel),
      rulesOfEngagement: term("rulesOfEngagement", p.rulesOfEngagement),
    });
  }
  if (!isHostileKind(b.state, crisis.kind)) return;
  const parts: Msg[] = [];
  if (step.reduction > 0) parts.push(msg("policies.crisis.part.response", { amount: round1(step.reduction) }));
  if (step.pressure > 0) parts.push(msg("policies.crisis.part.hostile", { amount: round1(step.pressure) }));
  if (step.undamped > 0)
    parts.push(
      msg(step.reduction > 0 ? "policies.crisis.part.stoked" : "policies.crisis.part.escalation", {
        amount: round1(step.escalation),
        undamped: round1(step.undamped),
        tension: b.state.tension,
        deterrence: round1(step.deterrence * 100) / 100,
      }),
    );
  const nations = concerned(b.state, region);
  if (parts.length === 0 || nations.length === 0) return;
  explain(b, "policies.hostileCrisis", nations, "policies.crisis.hostile", { ...where, from: crisis.severity, to: step.severity, parts });
}
