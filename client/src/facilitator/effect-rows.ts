import { editableRows, type EditableRows } from "../ui/editable-rows.ts";
import type { GameContext } from "../game/context.ts";
import { effectEditor, type EffectInput } from "./effect-editor.ts";

/** The commands' limit on effects in one adjustment (shared/protocol/commands.ts, adjustState). */
const MOST_EFFECTS = 20;

/**
 * Several changes to the world sent together, one effect editor per row: the adjustment form's
 * changes and the ad-hoc inject's effects on release.
 */
export function effectRows(opts: { label: string; item: string; add: string; initial: number }): EditableRows<EffectInput, GameContext> {
  return editableRows({ ...opts, most: MOST_EFFECTS, create: effectEditor });
}
