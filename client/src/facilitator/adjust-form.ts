import { h } from "../ui/html.ts";
import { t } from "../i18n.ts";
import { commandForm, field } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { effectRows } from "./effect-rows.ts";

/** The engine refuses shorter rationales (shared/engine/adjudication.ts); say so before sending. */
const SHORTEST_RATIONALE = 3;

/**
 * Adjudication: change one or several values at once with one written rationale (it goes into
 * the record and the AAR). Each change is a row; all rows are applied together as one entry.
 */
export function adjustForm(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const changes = effectRows({
    label: t("console.adjust.changes"),
    item: t("console.adjust.change"),
    add: t("console.adjust.add"),
    initial: 1,
    reports: false,
  });
  const rationale = h("textarea", { name: "rationale", rows: "3", maxlength: "2000", "aria-required": "true" });
  const form = commandForm({
    label: t("console.adjust.title"),
    submit: t("console.adjust.apply"),
    success: t("console.adjust.applied"),
    send: (c) => getCtx().send(c),
    children: [h("h3", {}, t("console.adjust.title")), changes.element, field(t("console.adjust.rationale"), rationale, t("console.adjust.rationaleHint"))],
    build: () => {
      const effects = changes.read();
      if (typeof effects === "string") return effects;
      if (!effects.length) return t("console.adjust.noChange");
      if (rationale.value.trim().length < SHORTEST_RATIONALE) return t("console.adjust.noRationale");
      return { type: "adjustState", effects, rationale: rationale.value.trim() };
    },
    reset: () => {
      rationale.value = "";
      changes.reset();
    },
  });
  return { element: form, update: (ctx) => changes.update(ctx) };
}
