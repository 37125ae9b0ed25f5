import { draftToWire, type DraftWire } from "../../shared/view/draft-wire.ts";
import type { DraftView } from "../../shared/engine/view-for.ts";
import type { DraftSchema } from "./room-state.ts";

type Target = InstanceType<typeof DraftSchema>;
/** The view each schema object was last written from: an unchanged view is not looked at again. */
const written = new WeakMap<Target, DraftView>();

/**
 * Writes a draft's view into its schema object, only the fields that changed. A new draft gets
 * only its fields with a value: the defaults ("", 0) are what a client reads for an absent
 * field (draftFromWire), so they cost nothing on the wire. Returns whether anything was written.
 */
export function writeDraft(target: Target, draft: DraftView): boolean {
  if (written.get(target) === draft) return false;
  written.set(target, draft);
  const fields = target as unknown as Record<keyof DraftWire, unknown>;
  const wire = draftToWire(draft);
  let changed = false;
  for (const key in wire) {
    const value = wire[key as keyof DraftWire];
    const current = fields[key as keyof DraftWire];
    if (current === value || (current === undefined && (value === "" || value === 0))) continue;
    fields[key as keyof DraftWire] = value;
    changed = true;
  }
  return changed;
}
