import { z } from "zod";
import { idString } from "../protocol/ids.ts";

/**
 * Conditions are data, so authors can write them in scenario files and the engine can
 * evaluate them without code: conditional injects and objectives both use them.
 */
export const Comparison = z.enum([">=", "<=", ">", "<", "=="]);
export type Comparison = z.infer<typeof Comparison>;

const Id = idString();

export const BaseCondition = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("regionStability"), region: Id, op: Comparison, value: z.number().min(0).max(100) }),
  z.object({ kind: z.literal("crisisSeverity"), region: Id, op: Comparison, value: z.number().min(0).max(100) }),
  z.object({ kind: z.literal("trust"), a: Id, b: Id, op: Comparison, value: z.number().min(0).max(100) }),
  z.object({ kind: z.literal("interoperability"), a: Id, b: Id, op: Comparison, value: z.number().min(0).max(100) }),
  z.object({ kind: z.literal("cohesion"), op: Comparison, value: z.number().min(0).max(100) }),
  z.object({ kind: z.literal("readiness"), nation: Id, op: Comparison, value: z.number().min(0).max(100) }),
  z.object({ kind: z.literal("turnReached"), turn: z.number().int().min(1) }),
  z.object({
    kind: z.literal("injectReleased"),
    inject: Id,
    /** Only true once this many turns have passed since the release. */
    afterTurns: z.number().int().min(0).default(0),
  }),
  z.object({
    kind: z.literal("assetInRegion"),
    region: Id,
    category: z.string().optional(),
    owner: Id.optional(),
    /** One asset in particular (an adversary playbook follows its own ships). */
    asset: Id.optional(),
    /** When set, the asset must have arrived within this many turns of that inject's release. */
    withinTurnsOfInject: z.object({ inject: Id, turns: z.number().int().min(0) }).optional(),
  }),
  z.object({ kind: z.literal("agreementInForce"), agreementKind: z.string(), parties: z.array(Id).min(2) }),
  /** The adversary's alarm, 0–100 (state.tension). */
  z.object({ kind: z.literal("tension"), op: Comparison, value: z.number().min(0).max(100) }),
  /** The turn being played, compared (turnReached is `turn >= n`). */
  z.object({ kind: z.literal("turn"), op: Comparison, value: z.number().int().min(0) }),
  /**
   * How many units of a side are in a region (aboard a carrier not counted): "alliance" the
   * alliance's, "adversary" the other side's; `count` defaults to at least one.
   */
  z.object({
    kind: z.literal("forcesInRegion"),
    region: Id,
    side: z.enum(["alliance", "adversary"]),
    op: Comparison.default(">="),
    count: z.number().int().min(0).max(1000).default(1),
  }),
  /** The worst crisis anywhere on the map (0 when there is none). */
  z.object({ kind: z.literal("worstCrisis"), op: Comparison, value: z.number().min(0).max(100) }),
]);
export type BaseCondition = z.infer<typeof BaseCondition>;

export type Condition = BaseCondition | { kind: "all"; of: Condition[] } | { kind: "any"; of: Condition[] } | { kind: "not"; condition: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    BaseCondition,
    z.object({ kind: z.literal("all"), of: z.array(Condition).min(1) }),
    z.object({ kind: z.literal("any"), of: z.array(Condition).min(1) }),
    z.object({ kind: z.literal("not"), condition: Condition }),
  ]),
) as z.ZodType<Condition>;
