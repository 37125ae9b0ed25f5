import { z } from "zod";

/**
 * The numbers of policies, tension, incidents and deterrence (docs/RULES.md). Each
 * per-level coefficient is an object keyed by level, so an author may retune one level
 * (`"alertUpkeepFactor": {"maximum": 2}`) and keep the defaults of the others.
 *
 * The defaults are set so that no setting is best everywhere: every step up buys readiness,
 * speed or effectiveness against the adversary and pays for it in budget, tension, trust or
 * incidents; restraint is cheap and loses ground where the adversary pushes.
 */
const perLevel = <const K extends string>(defaults: Record<K, number>, min: number, max: number) =>
  z
    .object(
      Object.fromEntries(Object.entries<number>(defaults).map(([level, value]) => [level, z.number().min(min).max(max).default(value)])) as Record<
        K,
        z.ZodDefault<z.ZodNumber>
      >,
    )
    // {} fills every level with its default (the generic K hides that from the type checker).
    .prefault({} as never);

const alert = (normal: number, elevated: number, high: number, maximum: number) => ({ normal, elevated, high, maximum });
const roe = (restrictive: number, standard: number, robust: number) => ({ restrictive, standard, robust });
const stance = (quiet: number, reassuring: number, firm: number, assertive: number) => ({ quiet, reassuring, firm, assertive });

export const policyRules = {
  /**
   * Crisis kinds the adversary causes: ROE, deterrence, hostile presence and tension act on these
   * only. Natural and humanitarian crises (cyclone, flood, epidemic …) are not in it, so firmness
   * buys nothing there.
   */
  hostileCrisisKinds: z
    .array(z.string().min(1).max(60))
    .max(50)
    .default(["border-incident", "sabotage", "cyber-attack", "disinformation", "harassment", "blockade", "maritime-incident", "detention", "collision"]),

  /** Tension (0–100) at the start of the exercise, and the level it drifts back to. */
  initialTension: z.number().min(0).max(100).default(40),
  /** Share of the gap to the initial level that tension closes each turn (natural decay). */
  tensionDecay: z.number().min(0).max(1).default(0.2),
  /** The tension at which incident chances are as written (they are proportional to tension / this). */
  tensionReference: z.number().min(1).max(100).default(50),
  /** How strongly tension scales hostile crises' escalation: × (1 + this × (tension − tensionReference) / 100). */
  tensionEscalationWeight: z.number().min(0).max(5).default(1),

  /** Budget upkeep of deployed and moving assets is multiplied by this, per alert level: forces at readiness cost more. */
  alertUpkeepFactor: perLevel(alert(1, 1.15, 1.35, 1.6), 0, 10),
  /** Budget paid each turn per alert level even with nothing deployed: keeping units at short notice costs. */
  alertStandingCost: perLevel(alert(0, 2, 5, 10), 0, 1000),
  /** Readiness regained each turn on top of readinessRecovery, per alert level. */
  alertReadinessBonus: perLevel(alert(0, 1, 2, 3), 0, 20),
  /** Regions a turn added to every asset's speed, per alert level: units at high alert leave sooner. */
  alertSpeedBonus: perLevel(alert(0, 0, 1, 1), 0, 5),
  /** Multiplies the severity a nation's assets remove from any crisis, per alert level. */
  alertResponseFactor: perLevel(alert(1, 1.1, 1.2, 1.3), 0, 5),
  /** Posture an alert level shows the adversary (0–1 scale, added to the stance's): deterrence. */
  alertDeterrence: perLevel(alert(0, 0.2, 0.4, 0.6), 0, 5),
  /** Tension added each turn by each allied nation at this alert level: the adversary reads it as a threat. */
  alertTension: perLevel(alert(0, 0.5, 1.5, 3), -20, 20),

  /** Multiplies the severity a nation's assets remove from hostile-actor crises, per ROE. */
  roeResponseFactor: perLevel(roe(0.7, 1, 1.3), 0, 5),
  /** Chance each turn of an incident where a nation's forces and the adversary's share a region, per ROE (at tensionReference). */
  roeIncidentChance: perLevel(roe(0.02, 0.08, 0.2), 0, 1),
  /** Tension added each turn by each allied nation under this ROE. */
  roeTension: perLevel(roe(0, 0, 1), -20, 20),

  /** Posture a public stance shows the adversary (added to the alert level's): deterrence. */
  stanceDeterrence: perLevel(stance(0, 0, 0.4, 0.7), 0, 5),
  /** Tension added each turn by each allied nation with this stance (reassuring lowers it). */
  stanceTension: perLevel(stance(0, -1.5, 0.5, 2), -20, 20),
  /** Trust gained with every alliance partner when a nation turns reassuring (by order or statement). */
  trustGainReassurance: z.number().min(0).max(30).default(1),

  /** Tension removed by each multilateral dialogue convened this turn. */
  dialogueTensionRelief: z.number().min(0).max(50).default(3),

  /** Severity an incident adds to the region's crisis (or starts a hostile crisis with). */
  incidentSeverity: z.number().min(0).max(100).default(15),
  /** Strength lost by each asset involved in an incident (the nation's and the adversary's in that region). */
  incidentStrengthLoss: z.number().min(0).max(100).default(10),
  /** Tension added by each incident. */
  incidentTension: z.number().min(0).max(50).default(8),
  /** The crisis an incident starts in a region without one, by the region's kind. */
  incidentCrisisKind: z
    .object({ land: z.string().min(1).max(60).default("border-incident"), sea: z.string().min(1).max(60).default("maritime-incident") })
    .prefault({}),

  /** Deterrence per allied asset on a presence, deterrence or patrol mission in the crisis region (half as much from an adjacent region). */
  presenceDeterrence: z.number().min(0).max(5).default(0.3),
  /**
   * Share of its escalation a hostile-actor crisis still gets while it is answered: the
   * adversary keeps stoking it, so deterrence and tension matter even where the alliance responds.
   */
  answeredHostileEscalation: z.number().min(0).max(1).default(0.5),
  /** Severity each hostile asset in the region adds to its hostile-actor crisis every turn, × its strength / 100. */
  hostilePresenceSeverity: z.number().min(0).max(100).default(6),
};
