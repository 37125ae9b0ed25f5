import { h, newId } from "../ui/html.ts";
import type { GameContext } from "../game/context.ts";
import { nationName, regionName, otherNations, nameLookup, mainLang, assetName } from "../game/names.ts";
import { reportText, isExerciseControlSignature } from "../../../shared/view/report-words.ts";
import { t, lang } from "../i18n.ts";
import { listIn, type MessageKey } from "../../../shared/i18n/index.ts";
import { panelWords, term } from "./words.ts";
import { clientFacts, refusalFor } from "./sharing-facts.ts";
import { releasabilityWords } from "../../../shared/engine/releasability.ts";
import { tearLineForm } from "./tear-line-form.ts";
import { partnerPreviews } from "./share-preview.ts";
import type { Report } from "../../../shared/state/schema.ts";

/** "B2: usually reliable, probably true" — the admiralty grading in words (NATO's standard wording). */
export function grading(report: Pick<Report, "reliability" | "credibility">): string {
  return t("panels.report.grading", {
    reliability: t(`panels.report.reliability.${report.reliability}` as MessageKey),
    credibility: t(`panels.report.credibility.${report.credibility}` as MessageKey),
  });
}

/** Where a report came from, in words: the engine's own sources by name, an author's source as written. */
export function sourceWords(source: string): string {
  if (source === "own ISR") return t("panels.report.source.ownIsr");
  return isExerciseControlSignature(source) ? t("term.role.facilitator") : source;
}

/**
 * Who first produced a report: a nation or exercise control by name; an inject's sender (a
 * report granted by an inject) as the author wrote it, in the reader's language when the reader
 * has the inject, else as written and marked untranslated.
 */
function originName(state: GameContext["state"], originator: string): string {
  if (originator === "white" || originator === "exercise control") return nationName(state, "white");
  if (state.nations[originator] || state.scenario.nations.some((n) => n.id === originator)) return nationName(state, originator);
  const inject = Object.values(state.perspective?.injects ?? {}).find((i) => i.from === originator);
  if (inject) return nameLookup(state)({ ref: "injectSender", id: inject.id });
  return lang() === mainLang(state) ? originator : t("common.untranslated", { text: originator });
}

/**
 * One intelligence report with its grading, releasability, last confirmation and chain of
 * custody; for its owner, a share form and (when it may release one) a tear line. `preview`:
 * the card exactly as a partner will receive it, without forms.
 */
export function reportCard(ctx: GameContext, report: Report, getCtx: () => GameContext, options: { preview?: boolean } = {}): HTMLElement {
  const { state } = ctx;
  // The engine's reports speak the reader's language; an author's are translated when the scenario is; a player's stay as written.
  const said = (field: "title" | "text" | "source") => reportText(lang(), report, field, nameLookup(state), mainLang(state));
  const titleId = newId("report");
  const words = grading(report);
  const provenance = report.provenance.length
    ? h(
        "p",
        { class: "provenance" },
        t("panels.report.chain", {
          origin: [
            originName(state, report.originator),
            ...report.provenance.map((p) =>
              t("panels.report.chainStep", { nation: nationName(state, p.to), turn: p.turn, redacted: p.redacted ? "yes" : "no" }),
            ),
          ].join(" → "),
        }),
      )
    : h("p", { class: "provenance" }, t("panels.report.originated", { nation: originName(state, report.originator) }));
  const mine = !options.preview && ctx.canAct && report.owner === ctx.viewNation;
  // A partner does not hold the original: the preview does not name it either.
  const original = report.versionOf && !options.preview ? state.perspective?.reports[report.versionOf] : undefined;
  // A preview sits inside the card it previews: a group, not a second article.
  return h(
    options.preview ? "div" : "article",
    {
      class: `report${options.preview ? " preview" : ""}`,
      "aria-labelledby": titleId,
      "data-report": report.id,
      ...(options.preview ? { role: "group" } : {}),
    },
    h("h4", { id: titleId }, said("title")),
    report.versionOf
      ? h(
          "p",
          { class: "version" },
          original ? t("intel.card.versionOf", { title: reportText(lang(), original, "title", nameLookup(state), mainLang(state)) }) : t("intel.card.version"),
        )
      : null,
    h(
      "p",
      { class: "meta" },
      h("span", { class: "grade", title: words }, `${report.reliability}${report.credibility}`),
      ` ${t("panels.report.meta", { grading: words, classification: term("classification", report.classification), source: report.words?.source ? said("source") : sourceWords(said("source")), turn: report.turn })}`,
      ctx.viewNation || options.preview ? null : ` · ${t("panels.report.heldBy", { nation: nationName(state, report.owner) })}`,
    ),
    h(
      "p",
      { class: "releasability" },
      t("intel.card.releasability", { releasability: releasabilityWords(clientFacts(state), report), reshare: report.releasability?.reshare ? "yes" : "no" }),
    ),
    h(
      "p",
      { class: report.disprovedTurn !== undefined ? "confirmation disproved" : "confirmation" },
      report.disprovedTurn !== undefined
        ? t("intel.card.disproved", { turn: report.disprovedTurn })
        : report.confirmedTurn !== undefined
          ? t("intel.card.confirmed", { turn: report.confirmedTurn })
          : t("intel.card.unconfirmed"),
    ),
    provenance,
    h("p", { class: "report-text" }, said("text")),
    report.regions.length
      ? h(
          "p",
          { class: "muted" },
          t("panels.report.regions", {
            regions: listIn(
              lang(),
              report.regions.map((r) => regionName(state, r)),
            ),
          }),
        )
      : null,
    report.assets.length
      ? h(
          "p",
          { class: "muted" },
          t("intel.card.assets", {
            assets: listIn(
              lang(),
              report.assets.map((a) => assetName(state, a)),
            ),
          }),
        )
      : null,
    mine ? shareForm(ctx, report, getCtx) : null,
    mine && mayRelease(ctx, report) ? tearLineForm(report, getCtx) : null,
  );
}

/** The originator (or the holder of exercise control's and injects' reports) may release a version. */
function mayRelease(ctx: GameContext, report: Report): boolean {
  return report.originator === ctx.viewNation || !ctx.state.scenario.nations.some((n) => n.id === report.originator);
}

function shareForm(ctx: GameContext, report: Report, getCtx: () => GameContext): HTMLElement {
  // A card is rebuilt when the language changes (its list signature holds the language), so
  // these words need no refreshing.
  const w = panelWords();
  const partners = w.checkboxes("panels.report.share.with", `share-${report.id}`);
  // Each partner says in advance why the engine would refuse it (policy none, releasability, originator control).
  partners.set(
    otherNations(ctx.state, ctx.viewNation).map((o) => {
      const refusal = refusalFor(ctx.state, ctx.viewNation!, report, o.value);
      return refusal
        ? { value: o.value, label: t("intel.share.partner", { nation: o.label, reason: t(`intel.share.reason.${refusal.code}` as MessageKey) }) }
        : o;
    }),
  );
  const redact = h("input", { type: "checkbox", name: "redact" });
  const redacted = h("textarea", { name: "redactedText", rows: "3", maxlength: "4000" });
  redacted.value = reportText(lang(), report, "text", nameLookup(ctx.state), mainLang(ctx.state));
  const redactedField = w.field("panels.report.share.redacted", redacted);
  redactedField.hidden = true;
  redact.addEventListener("change", () => (redactedField.hidden = !redact.checked));
  const redactId = newId("redact");
  redact.id = redactId;
  // What each chosen partner will receive, before sending (redacted or not).
  const preview = h("div", { class: "share-preview", "aria-live": "polite" });
  const renderPreview = () => {
    const now = getCtx();
    const chosen = partners.values();
    preview.replaceChildren(
      ...(chosen.length
        ? [
            h("p", {}, h("strong", {}, t("intel.tearLine.preview"))),
            ...partnerPreviews(
              now,
              report,
              chosen,
              (copy) => reportCard(now, copy, getCtx, { preview: true }),
              redact.checked ? redacted.value.trim() || " " : undefined,
            ),
          ]
        : []),
    );
  };
  const form = w.form({
    label: "panels.report.share.form",
    labelParams: { title: reportText(lang(), report, "title", nameLookup(ctx.state), mainLang(ctx.state)) },
    submit: "panels.report.share.submit",
    success: "panels.report.share.success",
    send: (c) => getCtx().send(c),
    children: [partners.element, h("div", { class: "check" }, redact, h("label", { for: redactId }, t("panels.report.share.redact"))), redactedField, preview],
    build: () => {
      const to = partners.values();
      if (!to.length) return t("panels.report.share.errorWith");
      if (redact.checked && !redacted.value.trim()) return t("panels.report.share.errorRedacted");
      return { type: "shareIntel", report: report.id, with: to, ...(redact.checked ? { redactedText: redacted.value.trim() } : {}) };
    },
    reset: () => (partners.clear(), renderPreview()),
  });
  form.addEventListener("input", renderPreview);
  form.addEventListener("change", renderPreview);
  return h("details", { class: "share" }, h("summary", {}, t("panels.report.share.open")), form);
}
