import { h, setOptions } from "../ui/html.ts";
import { t, lang } from "../i18n.ts";
import { lastResult } from "../ui/memo.ts";
import type { MessageKey } from "../../../shared/i18n/index.ts";
import { nationName, regionName, assetName, term, nameInputs } from "../game/names.ts";
import { field, select } from "../ui/form.ts";
import type { RowEditor } from "../ui/editable-rows.ts";
import type { GameContext } from "../game/context.ts";

export type EffectInput = Record<string, unknown> & { kind: string };

/** Which target fields each kind of effect takes (the shapes of shared/scenario/effects.ts). */
const EFFECTS: { value: string; label: MessageKey; fields: string[] }[] = [
  { value: "stability", label: "console.effect.stability", fields: ["region", "delta"] },
  { value: "crisis", label: "console.effect.crisis", fields: ["region", "crisisKind", "severity"] },
  { value: "crisisSeverity", label: "console.effect.crisisSeverity", fields: ["region", "delta"] },
  { value: "assetStatus", label: "console.effect.assetStatus", fields: ["asset", "status"] },
  { value: "assetStrength", label: "console.effect.assetStrength", fields: ["asset", "delta"] },
  { value: "trust", label: "console.effect.trust", fields: ["a", "b", "delta"] },
  { value: "interoperability", label: "console.effect.interoperability", fields: ["a", "b", "delta"] },
  { value: "budget", label: "console.effect.budget", fields: ["nation", "delta"] },
  { value: "politicalCapital", label: "console.effect.politicalCapital", fields: ["nation", "delta"] },
  { value: "readiness", label: "console.effect.readiness", fields: ["nation", "delta"] },
  { value: "tension", label: "console.effect.tension", fields: ["delta"] },
];

/**
 * One change to the world (an effect), edited field by field: the kind decides which targets
 * it asks for. One row of effect-rows.ts, in the adjustment form and the ad-hoc inject form.
 */
// Shared by every effect editor, and made again only when what they list changed (ui/memo.ts):
// the white cell's 5,000 assets on every patch cost the console a second at load.
const regionOptions = lastResult(
  (ctx: GameContext) => [lang(), ctx.state.scenario],
  (ctx: GameContext) => ctx.state.scenario.regions.map((r) => ({ value: r.id, label: regionName(ctx.state, r.id) })),
);
const assetOptions = lastResult(
  (ctx: GameContext) => nameInputs(ctx.state),
  (ctx: GameContext) =>
    Object.values(ctx.perspective?.assets ?? {})
      .filter((a) => !a.foreign)
      .map((a) => ({ value: a.id, label: t("console.effect.assetOption", { asset: assetName(ctx.state, a.id), nation: nationName(ctx.state, a.owner) }) })),
);
const nationOptions = lastResult(
  (ctx: GameContext) => nameInputs(ctx.state),
  (ctx: GameContext) => Object.values(ctx.state.nations).map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) })),
);

export function effectEditor(): RowEditor<EffectInput, GameContext> {
  const kind = select(
    "effect",
    EFFECTS.map((e) => ({ value: e.value, label: t(e.label) })),
  );
  const controls = {
    region: select("region"),
    asset: select("asset"),
    nation: select("nation"),
    a: select("a"),
    b: select("b"),
    delta: h("input", { type: "number", name: "delta", value: "-10", step: "1" }),
    crisisKind: h("input", { name: "crisisKind", maxlength: "60", placeholder: t("console.effect.crisisKindPlaceholder") }),
    severity: h("input", { type: "number", name: "severity", min: "0", max: "100", value: "50" }),
    status: select(
      "status",
      ["ready", "moving", "deployed", "degraded"].map((v) => ({ value: v, label: term("assetStatus", v) })),
    ),
  };
  type Control = keyof typeof controls;
  const labels: Record<Control, string> = {
    region: t("console.effect.region"),
    asset: t("console.effect.asset"),
    nation: t("console.effect.nation"),
    a: t("console.effect.nationA"),
    b: t("console.effect.nationB"),
    delta: t("console.effect.delta"),
    crisisKind: t("console.effect.crisisKind"),
    severity: t("console.effect.severity"),
    status: t("console.effect.status"),
  };
  const fields = Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, field(labels[k as Control], c)])) as Record<Control, HTMLElement>;
  for (const numeric of [fields.delta, fields.severity]) numeric.classList.add("narrow");
  const show = () => {
    const needs = EFFECTS.find((e) => e.value === kind.value)!.fields;
    for (const [k, el] of Object.entries(fields)) el.hidden = !needs.includes(k);
  };
  const kindField = field(t("console.effect.what"), kind);
  kindField.classList.add("wide");
  kind.addEventListener("change", show);
  show();
  return {
    fields: [h("div", { class: "row" }, kindField, ...Object.values(fields))],
    read() {
      const spec = EFFECTS.find((e) => e.value === kind.value)!;
      const effect: EffectInput = { kind: spec.value };
      for (const f of spec.fields as Control[]) {
        if (!controls[f].value.trim()) return t("console.effect.missing", { field: labels[f] });
        effect[f] = f === "delta" || f === "severity" ? Number(controls[f].value) : controls[f].value.trim();
      }
      return effect;
    },
    update(ctx) {
      setOptions(controls.region, regionOptions(ctx), t("console.effect.chooseRegion"));
      setOptions(controls.asset, assetOptions(ctx), t("console.effect.chooseAsset"));
      for (const s of [controls.nation, controls.a, controls.b]) setOptions(s, nationOptions(ctx), t("console.effect.chooseNation"));
    },
  };
}
