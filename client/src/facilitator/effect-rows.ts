import { editableRows, type EditableRows } from "../ui/editable-rows.ts";
import type { GameContext } from "../game/context.ts";
import { effectEditor, type EffectInput } from "./effect-editor.ts";

/** The commands' limit on effects in one adjustment (shared/protocol/commands.ts, adjustState). */
const MOST_EFFECTS = 20;

/**
 * Several changes to the world sent together, one effect editor per row: the adjustment form's
 * changes, the ad-hoc inject's effects on release and the MSEL editor's. `reports`: a row may
 * hand a report to nations (the adjustment has its own grant form); `field`: the spec field the
 * rows edit, so the server's faults land on their row.
 */
export function effectRows(opts: {
  label: string;
  item: string;
  add: string;
  initial: number;
  reports?: boolean;
  field?: string;
}): EditableRows<EffectInput, GameContext> {
  const { reports = true, ...rest } = opts;
  return editableRows({ ...rest, most: MOST_EFFECTS, create: () => effectEditor({ reports }) });
}
