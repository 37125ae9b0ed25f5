import { z } from "zod";
import { InjectState } from "../state/schema.ts";

/**
 * What the MSEL editor records (shared/engine/msel-edit.ts). `by` is the name of who did it,
 * `reason` their words. Fields are absolute: `changes` holds the new values of the fields that
 * changed and `before` their old ones, so the report can say "turn 3 → 4" without re-deciding.
 */
const Fields = z.record(z.string(), z.unknown());

export const MselEvents = [
  z.object({ type: z.literal("injectEdited"), inject: z.string(), changes: Fields, before: Fields, reason: z.string(), by: z.string() }),
  z.object({ type: z.literal("injectAdded"), inject: InjectState, after: z.string().nullable(), reason: z.string(), by: z.string() }),
  z.object({ type: z.literal("injectDeleted"), inject: z.string(), number: z.string(), reason: z.string(), by: z.string() }),
  /** `order`: the whole MSEL order after the move. */
  z.object({ type: z.literal("injectMoved"), inject: z.string(), order: z.array(z.string()), by: z.string() }),
  z.object({ type: z.literal("injectHeld"), inject: z.string(), held: z.boolean(), reason: z.string(), by: z.string() }),
  /** The skip is undone: the inject is back to the status it had (`status`). */
  z.object({ type: z.literal("injectUnskipped"), inject: z.string(), status: z.enum(["planned", "delayed"]), by: z.string() }),
  /** A sheet replaced the injects not yet released (`removed`); `injects` are the new ones in order, `order` the whole MSEL's. */
  z.object({
    type: z.literal("mselImported"),
    injects: z.array(InjectState),
    removed: z.array(z.string()),
    order: z.array(z.string()),
    reason: z.string(),
    by: z.string(),
  }),
] as const;
