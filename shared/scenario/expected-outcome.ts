import { z } from "zod";
import { idString } from "../protocol/ids.ts";

const Id = idString(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "ids are lower-case letters, digits, '-' or '_' (max 40)"));

/** Policy values in their order, so that "alert level at least high" can be judged. */
export const POLICY_SCALES = {
  alertLevel: ["normal", "elevated", "high", "maximum"],
  rulesOfEngagement: ["restrictive", "standard", "robust"],
  publicStance: ["quiet", "reassuring", "firm", "assertive"],
} as const;
export type PolicyField = keyof typeof POLICY_SCALES;

/**
 * What an expected action's response must achieve to count (docs/SCENARIOS.md, "Expected
 * outcomes"). Outcomes are judged from what took effect in the log, never from a draft:
 * - assetOnMission: an asset of the nation (of a type or category) on a mission in a region,
 *   put there by a deployment or by setting its mission; already there at the release counts
 *   with a response of 0 turns (only when a region is named).
 * - reportShared: a report shared with every named nation, or (none named) with at least one of
 *   the sharer's partners — an alliance member, never the adversary. When the inject gave the
 *   nation a report, only that report (or a copy or releasable version of it) counts.
 * - policy: the nation's policy reaches a value ("=", or at least / at most on its scale).
 * - agreementInForce: an agreement (of a kind, with named parties) in force with the nation.
 * - command: the command took effect (an order executed, not drafted); the old default.
 * - evaluator: no rule can judge it (a statement's content): evaluators rate it.
 */
export const ExpectedOutcome = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("assetOnMission"),
    assetType: Id.optional(),
    category: z.enum(["naval", "air", "land", "isr", "cyber", "logistics", "medical"]).optional(),
    missions: z
      .array(z.enum(["patrol", "presence", "humanitarian", "medical", "logistics", "surveillance", "cyber-defence", "deterrence", "escort", "training"]))
      .min(1)
      .optional(),
    region: Id.optional(),
  }),
  z.object({ kind: z.literal("reportShared"), with: z.array(Id).min(1).optional() }),
  z.object({
    kind: z.literal("policy"),
    field: z.enum(["alertLevel", "rulesOfEngagement", "publicStance"]),
    op: z.enum(["=", ">=", "<="]).default("="),
    value: z.string().min(1).max(40),
  }),
  z.object({
    kind: z.literal("agreementInForce"),
    agreementKind: z.enum(["mou", "sofa", "intel-sharing", "joint-exercise-programme", "command-arrangement"]).optional(),
    with: z.array(Id).min(1).optional(),
  }),
  z.object({ kind: z.literal("command") }),
  z.object({ kind: z.literal("evaluator") }),
]);
export type ExpectedOutcome = z.infer<typeof ExpectedOutcome>;

/** Commands whose effect is a content no rule can judge: what was said, not that something was said. */
const FOR_THE_EVALUATOR = new Set(["makeStatement", "sendMessage"]);

/**
 * The outcome an expected action is judged by. Scenarios written before outcomes existed name
 * only a command; each maps onto the outcome it meant (deployAsset/setMission → an asset on a
 * mission, shareIntel → a report shared with partners, statements and messages → the evaluator).
 */
export function outcomeOf(expected: { command: string; region?: string; outcome?: ExpectedOutcome }): ExpectedOutcome {
  if (expected.outcome) return expected.outcome;
  if (expected.command === "deployAsset" || expected.command === "setMission")
    return { kind: "assetOnMission", ...(expected.region ? { region: expected.region } : {}) };
  if (expected.command === "shareIntel") return { kind: "reportShared" };
  if (FOR_THE_EVALUATOR.has(expected.command)) return { kind: "evaluator" };
  return { kind: "command" };
}

/** Whether `value` satisfies `op target` on the field's scale. */
export function policyReached(field: PolicyField, value: string, op: "=" | ">=" | "<=", target: string): boolean {
  const scale = POLICY_SCALES[field] as readonly string[];
  const a = scale.indexOf(value);
  const b = scale.indexOf(target);
  if (a < 0 || b < 0) return false;
  return op === "=" ? a === b : op === ">=" ? a >= b : a <= b;
}
