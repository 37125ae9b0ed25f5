import { z } from "zod";

/**
 * Coefficients of transfer of authority, agreements and diplomacy (docs/RULES.md and
 * docs/RULES.md say each in words, with these defaults).
 */
export const toaRules = {
  /** Under alliance command, a pair of contributors responding together counts at least this interoperability in the coalition bonus (a common commander, procedures and picture). */
  toaInteropFloor: z.number().min(0).max(100).default(75),
  /** Trust lost between a nation that revokes transfer of authority and each other contributor and the commander (pulling forces out of a common operation). */
  toaRevocationTrustCost: z.number().min(0).max(30).default(5),
  /** Trust lost between the breaching party and each other party of the agreement it breaches, per breach (and per turn for a standing one). */
  agreementBreachTrustCost: z.number().min(0).max(30).default(5),
  /** Trust lost between a nation that terminates an agreement in force and each other party (an agreement at its last turn ends for free). */
  agreementTerminationTrustCost: z.number().min(0).max(30).default(6),
  /** Trust lost by the host with the requester when it revokes consent it had granted. */
  consentRevocationTrustCost: z.number().min(0).max(30).default(2),
  /** Share of a joint exercise's cost saved when every participant shares a training MOU with the proposer (0.5 = half price). */
  mouTrainingDiscount: z.number().min(0).max(1).default(0.5),
  /** Share of a deployment's cost refunded by the host when a party deploys or pre-positions into the territory of a logistics-MOU partner (host-nation support). */
  mouLogisticsRebate: z.number().min(0).max(1).default(0.5),
  /** Mean readiness of a pair at which a joint exercise gives exactly its interoperability gain; gains scale with readiness ÷ this. */
  jointExerciseReadinessPar: z.number().min(1).max(100).default(70),
  /** Most a joint exercise's interoperability gain can be multiplied by, however ready the pair. */
  jointExerciseMaxFactor: z.number().min(1).max(5).default(1.5),
  /** Trust at which a dialogue (or a joint exercise) gives exactly its trust gain; the gain scales with (100 − trust) ÷ (100 − this): more between wary partners, less between close ones. */
  trustGainPivot: z.number().min(0).max(99).default(50),
};
