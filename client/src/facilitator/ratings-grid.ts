import { h, fill, setOptions } from "../ui/html.ts";
import { t } from "../i18n.ts";
import { commandForm, field, select, section } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import type { CapabilityRating } from "../../../shared/state/schema.ts";
import { RATING_LETTERS, clockTime, guideIndex, ratingWords, type EvaluationRole } from "./evaluation-words.ts";

/** One rating in a cell: the letter, its HSEEP words, the rationale and who signed it. */
function ratingCell(r: CapabilityRating | null | undefined): HTMLElement {
  if (!r) return h("td", { class: "hint" }, "–");
  return h(
    "td",
    { class: `rating-cell r-${r.rating}` },
    h("strong", { class: "rating-words" }, ratingWords(r.rating)),
    r.rationale ? h("p", { class: "rationale" }, r.rationale) : null,
    h("p", { class: "meta" }, t("evalui.rate.signed", { by: r.by, turn: r.turn, time: clockTime(r.at) })),
  );
}

/**
 * The ratings grid: capability × evaluator, P/S/M/U in HSEEP's plain words, and the consensus
 * with its rationale. An evaluator (or exercise control) rates; the lead evaluator or exercise
 * control sets the consensus.
 */
export function ratingsGrid(getCtx: () => GameContext, roleOf: (ctx: GameContext) => EvaluationRole) {
  const table = h("div", { class: "ratings-grid" });
  const options = RATING_LETTERS.map((r) => ({ value: r, label: ratingWords(r) }));
  const capability = select("capability");
  const rating = select("rating", options);
  const rationale = h("textarea", { name: "rationale", rows: "2", maxlength: "2000" });
  const rateForm = commandForm({
    label: t("evalui.rate.form"),
    submit: t("evalui.rate.submit"),
    success: t("evalui.rate.saved"),
    send: (c) => getCtx().send(c),
    children: [
      h("div", { class: "row" }, field(t("evalui.rate.capability"), capability), field(t("evalui.rate.rating"), rating)),
      field(t("evalui.rate.rationale"), rationale),
    ],
    build: () =>
      !capability.value
        ? t("evalui.rate.pickCapability")
        : { type: "rateCapability", capability: capability.value, rating: rating.value, rationale: rationale.value.trim() },
    reset: () => void (rationale.value = ""),
  });
  const cCapability = select("consensusCapability");
  const cRating = select("consensusRating", options);
  const cRationale = h("textarea", { name: "consensusRationale", rows: "2", maxlength: "2000" });
  const consensusForm = commandForm({
    label: t("evalui.consensus.form"),
    submit: t("evalui.consensus.submit"),
    success: t("evalui.consensus.saved"),
    send: (c) => getCtx().send(c),
    children: [
      h("div", { class: "row" }, field(t("evalui.rate.capability"), cCapability), field(t("evalui.rate.rating"), cRating)),
      field(t("evalui.consensus.rationale"), cRationale),
    ],
    build: () =>
      !cCapability.value
        ? t("evalui.rate.pickCapability")
        : !cRationale.value.trim()
          ? t("evalui.consensus.needsRationale")
          : { type: "setConsensusRating", capability: cCapability.value, rating: cRating.value, rationale: cRationale.value.trim() },
    reset: () => void (cRationale.value = ""),
  });
  const element = section(t("evalui.rate.title"), h("p", { class: "hint" }, t("evalui.rate.scale")), table, rateForm, consensusForm);
  let lastSig = "";
  return {
    element,
    update(ctx: GameContext) {
      const g = guideIndex(ctx);
      const caps = g.capabilities.map((c) => ({ value: c.id, label: c.name }));
      setOptions(capability, caps, t("evalui.rate.choose"));
      setOptions(cCapability, caps, t("evalui.rate.choose"));
      const role = roleOf(ctx);
      rateForm.hidden = !role.writes;
      consensusForm.hidden = !role.leads;
      const record = ctx.perspective?.capabilityRatings ?? {};
      const sig = JSON.stringify([caps, record, document.documentElement.lang]);
      if (sig === lastSig) return;
      lastSig = sig;
      // Evaluators are the columns, in the order of their names: several ratings side by side.
      const evaluators = [...new Set(Object.values(record).flatMap((r) => Object.keys(r.ratings)))].sort();
      if (caps.length === 0) return fill(table, h("p", { class: "hint" }, t("evalui.eeg.none")));
      fill(
        table,
        h(
          "table",
          { "aria-label": t("evalui.rate.title") },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, t("evalui.rate.capability")),
              evaluators.map((e) => h("th", { scope: "col" }, e)),
              h("th", { scope: "col" }, t("evalui.rate.consensus")),
            ),
          ),
          h(
            "tbody",
            {},
            g.capabilities.map((c) =>
              h(
                "tr",
                { "data-capability": c.id },
                h("th", { scope: "row" }, c.name),
                evaluators.map((e) => ratingCell(record[c.id]?.ratings[e])),
                ratingCell(record[c.id]?.consensus),
              ),
            ),
          ),
        ),
      );
    },
  };
}
