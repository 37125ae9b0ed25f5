import type { Effect } from "../scenario/effects.ts";
import type { EventBuilder } from "./builder.ts";
import { relationKey } from "../state/schema.ts";
import { clamp, round1 } from "./numbers.ts";
import { assertNever } from "./evolve.ts";
import { createReport } from "./reports.ts";
import { msg, type Msg } from "../i18n/message.ts";
import { explain } from "./explain.ts";

/** Turns scenario effects into absolute-valued events, clamped to their ranges. */
export function applyEffects(builder: EventBuilder, effects: readonly Effect[], source: string): void {
  for (const effect of effects) applyEffect(builder, effect, source);
}

function applyEffect(builder: EventBuilder, effect: Effect, source: string): void {
  const state = builder.state;
  switch (effect.kind) {
    case "tension": {
      const tension = round1(clamp(state.tension + effect.delta));
      if (tension === state.tension) return;
      const reasons = [msg("policies.tension.reason.adjusted", { amount: round1(tension - state.tension) })];
      builder.emit({ type: "tensionChanged", tension, reasons });
      explain(builder, "policies.tension", [], tension > state.tension ? "policies.tension.rose" : "policies.tension.fell", {
        from: state.tension,
        to: tension,
        reasons,
      });
      return;
    }
    case "stability": {
      const region = state.regions[effect.region];
      if (!region) return;
      builder.emit({ type: "regionUpdated", region: region.id, stability: round1(clamp(region.stability + effect.delta)), crisis: region.crisis });
      return;
    }
    case "crisis": {
      const region = state.regions[effect.region];
      if (!region) return;
      const crisis = effect.severity > 0 ? { kind: effect.crisisKind, severity: effect.severity, since: region.crisis?.since ?? state.turn } : null;
      builder.emit({ type: "regionUpdated", region: region.id, stability: region.stability, crisis });
      return;
    }
    case "crisisSeverity": {
      const region = state.regions[effect.region];
      if (!region?.crisis) return;
      const severity = round1(clamp(region.crisis.severity + effect.delta));
      builder.emit({ type: "regionUpdated", region: region.id, stability: region.stability, crisis: severity > 0 ? { ...region.crisis, severity } : null });
      return;
    }
    case "assetStatus": {
      const asset = state.assets[effect.asset];
      if (asset) builder.emit({ type: "assetUpdated", asset: { ...asset, status: effect.status } });
      return;
    }
    case "assetStrength": {
      const asset = state.assets[effect.asset];
      if (!asset) return;
      const strength = round1(clamp(asset.strength + effect.delta));
      builder.emit({
        type: "assetUpdated",
        asset: { ...asset, strength, status: strength < builder.state.scenario.rules.degradedBelowStrength ? "degraded" : asset.status },
      });
      return;
    }
    case "trust":
    case "interoperability": {
      const relation = state.relations[relationKey(effect.a, effect.b)];
      if (!relation) return;
      const updated = { ...relation, [effect.kind]: round1(clamp(relation[effect.kind] + effect.delta)) };
      builder.emit({ type: "relationUpdated", a: effect.a, b: effect.b, trust: updated.trust, interoperability: updated.interoperability });
      return;
    }
    case "budget":
    case "politicalCapital":
    case "readiness": {
      const nation = state.nations[effect.nation];
      if (!nation) return;
      const values = { budget: nation.budget, politicalCapital: nation.politicalCapital, readiness: nation.readiness };
      values[effect.kind] = effect.kind === "budget" ? Math.max(0, round1(values.budget + effect.delta)) : round1(clamp(values[effect.kind] + effect.delta));
      builder.emit({ type: "nationUpdated", nation: nation.id, ...values, cause: "effect" });
      return;
    }
    case "grantIntel":
      for (const nation of effect.to) {
        if (state.nations[nation]) createReport(builder, { ...effect.report, owner: nation, originator: source });
      }
      return;
    default:
      assertNever(effect);
  }
}

/** Says which kind of thing the first unknown reference in a list of effects names (the id stays out: it means nothing to a person). */
export function unknownReference(state: import("../state/schema.ts").ExerciseState, effects: readonly Effect[]): Msg | null {
  for (const effect of effects) {
    const refs: [string, string | undefined, Record<string, unknown>][] = [];
    if ("region" in effect) refs.push(["region", effect.region, state.regions]);
    if ("asset" in effect) refs.push(["asset", effect.asset, state.assets]);
    if ("nation" in effect) refs.push(["nation", effect.nation, state.nations]);
    if ("a" in effect) refs.push(["nation", effect.a, state.nations], ["nation", effect.b, state.nations]);
    if (effect.kind === "grantIntel") for (const n of effect.to) refs.push(["nation", n, state.nations]);
    for (const [what, id, table] of refs) if (id !== undefined && !(id in table)) return msg("engine.effect.unknownThing", { what });
  }
  return null;
}
