import { h, newId } from "../ui/html.ts";
import type { GameContext } from "../game/context.ts";
import { otherNations, nameLookup, mainLang, regionName, assetName } from "../game/names.ts";
import { reportText } from "../../../shared/view/report-words.ts";
import { t, lang } from "../i18n.ts";
import { panelWords } from "./words.ts";
import { reportCard, sourceWords } from "./report-card.ts";
import { partnerPreviews } from "./share-preview.ts";
import { versionRecord, type VersionFields } from "../../../shared/engine/report-copies.ts";
import type { Report } from "../../../shared/state/schema.ts";

const CLASSIFICATIONS = ["UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"] as const;
const SCOPES = ["national", "alliance", "all"] as const;

/**
 * A tear line: the originator writes a releasable version of a report field by field — title,
 * text, source, classification, releasability, the regions and assets it names — and sees,
 * before sending, each chosen partner's copy exactly as that partner will receive it (the same
 * record the engine will make: versionRecord and copyFor), or why that partner cannot have it.
 */
export function tearLineForm(report: Report, getCtx: () => GameContext): HTMLElement {
  // Built when first opened: a closed tear line adds no second set of partner boxes to the card.
  const details = h("details", { class: "tear-line" }, h("summary", {}, t("intel.tearLine.open")));
  details.addEventListener("toggle", () => {
    if (details.open && details.childElementCount === 1) details.append(tearLineBody(getCtx(), report, getCtx));
  });
  return details;
}

function tearLineBody(ctx: GameContext, report: Report, getCtx: () => GameContext): HTMLElement {
  const w = panelWords();
  const me = ctx.viewNation!;
  const said = (field: "title" | "text" | "source") => reportText(lang(), report, field, nameLookup(ctx.state), mainLang(ctx.state));
  const title = h("input", { name: "versionTitle", maxlength: "200", value: said("title") });
  const text = h("textarea", { name: "versionText", rows: "3", maxlength: "4000" });
  text.value = said("text");
  const source = h("input", { name: "versionSource", maxlength: "120", value: report.words?.source ? said("source") : sourceWords(said("source")) });
  const classification = w.terms("versionClassification", "classification", CLASSIFICATIONS);
  classification.value = report.classification === "SECRET" ? "RESTRICTED" : report.classification;
  const scope = w.select(
    "versionScope",
    SCOPES.map((s) => ({ value: s, key: `intel.releasability.${s}` as const })),
  );
  scope.value = "alliance";
  const nations = w.checkboxes("intel.tearLine.nations", `version-nations-${report.id}`);
  nations.set(otherNations(ctx.state, me));
  const reshare = h("input", { type: "checkbox", name: "versionReshare", id: newId("reshare") });
  const regions = w.checkboxes("intel.tearLine.regions", `version-regions-${report.id}`);
  regions.set(report.regions.map((r) => ({ value: r, label: regionName(ctx.state, r) })));
  for (const box of regions.element.querySelectorAll<HTMLInputElement>("input")) box.checked = true;
  const assets = w.checkboxes("intel.tearLine.assets", `version-assets-${report.id}`);
  assets.set(report.assets.map((a) => ({ value: a, label: assetName(ctx.state, a) })));
  // Links can only be kept or dropped: an original without any has nothing to choose.
  regions.element.hidden = report.regions.length === 0;
  assets.element.hidden = report.assets.length === 0;
  const shareWith = w.checkboxes("intel.tearLine.shareWith", `version-share-${report.id}`);
  shareWith.set(otherNations(ctx.state, me));
  const preview = h("div", { class: "tear-line-preview", "aria-live": "polite" });

  const fields = (): VersionFields => ({
    title: title.value.trim(),
    text: text.value.trim(),
    source: source.value.trim(),
    classification: classification.value as VersionFields["classification"],
    releasability: {
      scope: scope.value as VersionFields["releasability"]["scope"],
      ...(nations.values().length ? { nations: nations.values() } : {}),
      ...(reshare.checked ? { reshare: true } : {}),
    },
    regions: regions.values(),
    assets: assets.values(),
  });

  const renderPreview = () => {
    const now = getCtx();
    const version = versionRecord(report, fields(), `${report.id}-version`, now.state.turn, me);
    preview.replaceChildren(...partnerPreviews(now, version, shareWith.values(), (copy) => reportCard(now, copy, getCtx, { preview: true })));
  };

  const form = w.form({
    label: "intel.tearLine.form",
    labelParams: { title: said("title") },
    submit: "intel.tearLine.submit",
    success: "intel.tearLine.success",
    send: (c) => getCtx().send(c),
    class: "tear-line",
    children: [
      w.text(h("p", { class: "hint" }), "intel.tearLine.intro"),
      w.field("intel.tearLine.title", title),
      w.field("intel.tearLine.text", text),
      w.field("intel.tearLine.source", source),
      h("div", { class: "row" }, w.field("intel.tearLine.classification", classification), w.field("intel.tearLine.scope", scope)),
      nations.element,
      h("div", { class: "check" }, reshare, h("label", { for: reshare.id }, t("intel.tearLine.reshare"))),
      regions.element,
      assets.element,
      shareWith.element,
      w.section("intel.tearLine.preview", preview),
    ],
    build: () => {
      const chosen = fields();
      if (!chosen.title || !chosen.text || !chosen.source) return t("intel.tearLine.errorText");
      const partners = shareWith.values();
      return { type: "releaseVersion", report: report.id, ...chosen, ...(partners.length ? { shareWith: partners } : {}) };
    },
  });
  form.addEventListener("input", renderPreview);
  form.addEventListener("change", renderPreview);
  renderPreview();
  return form;
}
