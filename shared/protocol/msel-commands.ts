import { z } from "zod";
import { idString } from "./ids.ts";
import { InjectSpec } from "../scenario/schema.ts";

/**
 * Exercise control's MSEL editor (docs/PROTOCOL.md §MSEL editor). Each command changes injects
 * that are not released yet; a released inject is corrected by a new inject instead. Every one
 * carries a reason, kept in the log and listed in the after-action report.
 */
const Id = idString(z.string().min(1).max(64));
const Reason = z.string().trim().max(500).default("");
/** An inject as the editor sends it: every field, the id excepted (the server keeps or makes it). */
export const InjectDraft = InjectSpec.omit({ id: true });

export const MselCommands = [
  /** The whole new version of one inject; the event records only the fields that changed. */
  z.object({ type: z.literal("editInject"), inject: Id, spec: InjectDraft, reason: Reason }),
  /** A new inject (or a duplicate), placed after `after` (at the end when null); `held`: ready, off the timeline. */
  z.object({ type: z.literal("addInject"), spec: InjectDraft, after: Id.nullable().default(null), held: z.boolean().default(false), reason: Reason }),
  z.object({ type: z.literal("deleteInject"), inject: Id, reason: Reason }),
  /** Moves an inject before another one (to the end when `before` is null). */
  z.object({ type: z.literal("moveInject"), inject: Id, before: Id.nullable() }),
  /** Takes an inject off the timeline (held: ready, released only by hand) or puts it back on. */
  z.object({ type: z.literal("holdInject"), inject: Id, held: z.boolean(), reason: Reason }),
  /** Undoes a skip, until the turn it was made in resolves. */
  z.object({ type: z.literal("unskipInject"), inject: Id }),
  /** Replaces every inject not yet released by a sheet's (lobby and briefing only; sent by the import endpoint). */
  z.object({ type: z.literal("importMsel"), msel: z.array(InjectSpec).max(500), reason: Reason }),
] as const;
