import { z } from "zod";

/**
 * Strategic lift: what loading a unit onto a ship or a transport aircraft costs. The time it
 * takes is in the order of play (embark one turn, sail, land the next), not a number here.
 */
export const liftRules = {
  /** Readiness points a nation spends to load one unit (crews, handling, planning), like a deployment's 3. */
  embarkReadinessCost: z.number().min(0).max(20).default(2),
  /** Budget spent to load one unit (fuel, port or airfield fees): lift is not free, so moving by road stays cheaper where there is a road. */
  embarkBudgetCost: z.number().min(0).max(10000).default(5),
  /** Readiness points spent to land one unit: unloading over a port or an airfield. */
  disembarkReadinessCost: z.number().min(0).max(20).default(1),
};
