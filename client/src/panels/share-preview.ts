import { h } from "../ui/html.ts";
import type { GameContext } from "../game/context.ts";
import { nameLookup, nationName } from "../game/names.ts";
import { t, tm } from "../i18n.ts";
import { refusalFor } from "./sharing-facts.ts";
import { copyFor } from "../../../shared/engine/report-copies.ts";
import type { Report } from "../../../shared/state/schema.ts";

/**
 * Each chosen partner's copy of a report exactly as that partner will receive it (the engine's
 * own copyFor: a redacted copy loses its title, source and asset links), or why that partner
 * cannot have it (the engine's own refusal). `card` renders a copy (report-card.ts, preview mode).
 */
export function partnerPreviews(
  ctx: GameContext,
  report: Report,
  partners: readonly string[],
  card: (copy: Report) => HTMLElement,
  redactedText?: string,
): HTMLElement[] {
  const me = ctx.viewNation!;
  if (!partners.length) return [h("p", { class: "muted" }, t("intel.tearLine.previewNone"))];
  return partners.map((partner) => {
    const refusal = refusalFor(ctx.state, me, report, partner);
    if (refusal)
      return h(
        "p",
        { class: "error", "data-partner": partner },
        t("intel.tearLine.previewRefused", { nation: nationName(ctx.state, partner), reason: tm(refusal.msg) }),
      );
    const copy = copyFor(
      report,
      { id: `${report.id}-${partner}`, partner, from: me, turn: ctx.state.turn, ...(redactedText !== undefined ? { redactedText } : {}) },
      nameLookup(ctx.state),
    );
    return h(
      "div",
      { class: "preview-for", "data-partner": partner },
      h("p", {}, h("strong", {}, t("intel.tearLine.previewFor", { nation: nationName(ctx.state, partner) }))),
      card(copy),
    );
  });
}
