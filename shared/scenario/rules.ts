import { z } from "zod";
import { policyRules } from "./rules-policies.ts";
import { toaRules } from "./rules-toa.ts";
import { intelRules } from "./rules-intel.ts";
import { liftRules } from "./rules-lift.ts";

/**
 * Every number the engine uses. Scenario authors may override any of them; the defaults
 * are tuned so that an unanswered crisis visibly escalates within 2–3 turns.
 */
export const RuleCoefficients = z.object({
  /** Severity removed per turn by a responder: strength/100 × fitness × this × interop factor. */
  crisisResponseFactor: z.number().min(0).max(200).default(30),
  /** Bonus per extra responding nation, scaled by their average interoperability (0–1). */
  coalitionBonus: z.number().min(0).max(2).default(0.5),
  /** Severity added each turn to a crisis that nobody answers. */
  crisisEscalation: z.number().min(0).max(100).default(10),
  /** Severity at which a crisis spills into each adjacent region (at a third of its severity). */
  spilloverThreshold: z.number().min(0).max(100).default(70),
  /** Stability lost per turn per 10 points of crisis severity. */
  stabilityLossPer10Severity: z.number().min(0).max(20).default(1.5),
  /** Stability regained per turn in a region with no crisis, up to its `recoversTo` (its starting stability by default). */
  stabilityRecovery: z.number().min(0).max(20).default(2),
  /** Trust gained by the receiver's view of the sender for one shared report. */
  trustPerSharedReport: z.number().min(0).max(20).default(2),
  /** Extra trust when an intelligence-sharing agreement covers the pair. */
  trustBonusWithSharingAgreement: z.number().min(0).max(20).default(1),
  /** Political capital cost to share a report (halved with a sharing agreement). */
  shareCostPoliticalCapital: z.number().min(0).max(50).default(2),
  /** Interoperability gained per joint exercise between each pair of participants. */
  interopPerJointExercise: z.number().min(0).max(30).default(6),
  trustPerJointExercise: z.number().min(0).max(30).default(3),
  jointExerciseCost: z.number().min(0).max(10000).default(20),
  /** Trust gained between every pair of dialogue participants. */
  trustPerDialogue: z.number().min(0).max(30).default(3),
  dialogueCostPoliticalCapital: z.number().min(0).max(50).default(5),
  /** Interoperability and readiness given by capacity building, per 10 budget spent. */
  capacityBuildingPer10: z.number().min(0).max(10).default(1),
  /** Trust lost with every alliance partner for each escalation: alert raised to maximum, ROE set to robust, stance or statement assertive (each costs its own). */
  trustLossEscalation: z.number().min(0).max(30).default(4),
  /** Trust the partner gains toward a donor of capacity building (once per order). */
  trustPerCapacityBuilding: z.number().min(0).max(30).default(1),
  /** Trust the proposer loses with a nation that refuses its agreement. */
  trustLossAgreementRefused: z.number().min(0).max(30).default(1),
  /** Trust a requester gains toward a nation that answers its request for information, as a share of trustPerSharedReport. */
  answerTrustShare: z.number().min(0).max(2).default(0.5),
  /** Strength below which an asset is degraded (it arrives, lands or is hit degraded, and answers nothing). */
  degradedBelowStrength: z.number().min(0).max(100).default(50),
  /** Share of its severity a crisis at the spillover threshold starts in each adjacent region. */
  spilloverShare: z
    .number()
    .min(0)
    .max(1)
    .default(1 / 3),
  /** Trust each pair of parties gains every turn an agreement between them is in force. */
  trustPerKeptAgreementPerTurn: z.number().min(0).max(5).default(0.5),
  /** Regions a turn added to the speed of a pre-positioned asset (it is at shorter notice to move). */
  prepositionSpeedBonus: z.number().int().min(0).max(5).default(1),
  /** Budget spent per turn per unit of asset upkeep. */
  upkeepMultiplier: z.number().min(0).max(10).default(1),
  /** Readiness points regained per turn, up to 100. */
  readinessRecovery: z.number().min(0).max(20).default(2),
  /** Readiness cost of deploying an asset. */
  readinessCostPerDeployment: z.number().min(0).max(20).default(3),
  /** Chance (0–1) that a sensor detects a foreign asset within its detectionRange (each sensor in reach rolls). */
  isrDetectionChance: z.number().min(0).max(1).default(0.8),
  /** Turns after which a proposed agreement that nobody answered expires. */
  agreementProposalTtl: z.number().int().min(1).max(20).default(2),
  /** Default planning time for a turn, in seconds (the facilitator can change it). */
  turnSeconds: z.number().int().min(10).max(86400).default(600),
  /** How many people a nation's team may have connected at once (the room refuses one more: team_full). */
  seatsPerNation: z.number().int().min(1).max(50).default(6),
  ...policyRules,
  ...toaRules,
  ...intelRules,
  ...liftRules,
});
export type RuleCoefficients = z.infer<typeof RuleCoefficients>;
