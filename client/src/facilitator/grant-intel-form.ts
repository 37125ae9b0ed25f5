import { h, setOptions } from "../ui/html.ts";
import { t } from "../i18n.ts";
import { regionOptions } from "./spec-control.ts";
import { lastResult } from "../ui/memo.ts";
import { nationName, assetName, term, nameInputs } from "../game/names.ts";
import { commandForm, field, select, checkboxGroup } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";

const opts = (values: string[]) => values.map((v) => ({ value: v, label: v }));
const classifications = ["UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"];

// Made again only when what they list changed (ui/memo.ts): the white cell holds 5,000 assets.
const playableOptions = lastResult(
  (ctx: GameContext) => nameInputs(ctx.state),
  (ctx: GameContext) =>
    Object.values(ctx.state.nations)
      .filter((n) => n.playable)
      .map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) })),
);
const assetOptions = lastResult(
  (ctx: GameContext) => nameInputs(ctx.state),
  (ctx: GameContext) =>
    Object.keys(ctx.state.perspective?.assets ?? {})
      .sort()
      .map((id) => ({ value: id, label: `${assetName(ctx.state, id)} (${nationName(ctx.state, ctx.state.perspective!.assets[id]!.owner)})` })),
);

/** Exercise control hands a report to chosen nations (what a national agency found, say). */
export function grantIntelForm(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const to = checkboxGroup(t("console.grant.to"), "grant-to");
  const title = h("input", { name: "title", maxlength: "200" });
  const text = h("textarea", { name: "text", rows: "3", maxlength: "4000" });
  const source = h("input", { name: "source", maxlength: "120", value: t("console.grant.defaultSource") });
  const reliability = select("reliability", opts(["A", "B", "C", "D", "E", "F"]));
  const credibility = select("credibility", opts(["1", "2", "3", "4", "5", "6"]));
  const classification = select(
    "classification",
    classifications.map((c) => ({ value: c, label: term("classification", c) })),
  );
  reliability.value = "C";
  credibility.value = "3";
  classification.value = "RESTRICTED";
  const region = select("region");
  // A planted placement: the report says this asset is in that region (a false report if it is not).
  const claimAsset = select("claimAsset");
  const claimRegion = select("claimRegion");
  const releasability = select("releasability", [
    { value: "", label: t("intel.grant.releasabilityDefault") },
    ...(["national", "alliance", "all"] as const).map((s) => ({ value: s, label: t(`intel.releasability.${s}`) })),
  ]);
  const form = commandForm({
    label: t("console.grant.title"),
    submit: t("console.grant.submit"),
    success: t("console.grant.done"),
    send: (c) => getCtx().send(c),
    children: [
      h("h3", {}, t("console.grant.title")),
      to.element,
      field(t("console.grant.reportTitle"), title),
      field(t("console.grant.reportText"), text),
      field(t("console.grant.source"), source),
      h(
        "div",
        { class: "row" },
        field(t("console.grant.reliability"), reliability),
        field(t("console.grant.credibility"), credibility),
        field(t("console.grant.classification"), classification),
      ),
      field(t("console.grant.region"), region),
      h(
        "fieldset",
        { class: "field" },
        h("legend", {}, t("intel.grant.claims")),
        h("div", { class: "row" }, field(t("intel.grant.claimAsset"), claimAsset), field(t("intel.grant.claimRegion"), claimRegion)),
      ),
      field(t("intel.grant.releasability"), releasability),
    ],
    build: () => {
      if (!to.values().length) return t("console.grant.noNation");
      if (!title.value.trim() || !text.value.trim()) return t("console.grant.noText");
      const claim = claimAsset.value && claimRegion.value ? { asset: claimAsset.value, region: claimRegion.value } : null;
      return {
        type: "grantIntel",
        to: to.values(),
        report: {
          title: title.value.trim(),
          text: text.value.trim(),
          source: source.value.trim() || t("console.grant.defaultSource"),
          reliability: reliability.value,
          credibility: credibility.value,
          classification: classification.value,
          regions: region.value ? [region.value] : [],
          ...(claim ? { assets: [claim.asset], claims: [claim] } : {}),
          ...(releasability.value ? { releasability: { scope: releasability.value } } : {}),
        },
      };
    },
    reset: () => {
      title.value = "";
      text.value = "";
      to.clear();
      claimAsset.value = "";
      claimRegion.value = "";
    },
  });
  return {
    element: form,
    update(ctx) {
      to.set(playableOptions(ctx));
      setOptions(region, regionOptions(ctx), t("console.grant.noRegion"));
      setOptions(claimAsset, assetOptions(ctx), t("intel.grant.noClaim"));
      setOptions(claimRegion, regionOptions(ctx), t("intel.grant.noClaim"));
    },
  };
}
