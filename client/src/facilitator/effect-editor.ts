import { h } from "../ui/html.ts";
import { t } from "../i18n.ts";
import type { MessageKey } from "../../../shared/i18n/index.ts";
import type { Effect } from "../../../shared/scenario/effects.ts";
import { term } from "../game/names.ts";
import { field, select } from "../ui/form.ts";
import type { RowEditor } from "../ui/editable-rows.ts";
import type { GameContext } from "../game/context.ts";
import { specControl, numberInput, type SpecControl } from "./spec-control.ts";
import { EFFECT_KINDS, effectFrom, effectValues, isProblem, kindOf, type EffectField, type EffectValues } from "./effect-kinds.ts";

export type EffectInput = Effect;

/** The words of each field, by its name in the effect (a report's are the grant form's). */
const LABELS: Record<string, MessageKey> = {
  region: "console.effect.region",
  asset: "console.effect.asset",
  nation: "console.effect.nation",
  a: "console.effect.nationA",
  b: "console.effect.nationB",
  delta: "console.effect.delta",
  crisisKind: "console.effect.crisisKind",
  severity: "console.effect.severity",
  status: "console.effect.status",
  to: "console.grant.to",
  title: "console.grant.reportTitle",
  text: "console.grant.reportText",
  source: "console.grant.source",
  reliability: "console.grant.reliability",
  credibility: "console.grant.credibility",
  classification: "console.grant.classification",
  regions: "mselform.effect.regions",
  releasability: "intel.grant.releasability",
};
const fixed = (values: readonly string[], label: (v: string) => string = (v) => v) => values.map((v) => ({ value: v, label: label(v) }));
/** A fixed list's options, in the seat's language at the time the row is drawn. */
function choices(type: EffectField["type"]): { value: string; label: string }[] {
  if (type === "assetStatus") return fixed(["ready", "moving", "deployed", "degraded"], (v) => term("assetStatus", v));
  if (type === "reliability") return fixed(["A", "B", "C", "D", "E", "F"]);
  if (type === "credibility") return fixed(["1", "2", "3", "4", "5", "6"]);
  if (type === "classification") return fixed(["UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"], (v) => term("classification", v));
  if (type === "releasability")
    return [
      { value: "", label: t("intel.grant.releasabilityDefault") },
      ...fixed(["national", "alliance", "all"], (v) => t(`intel.releasability.${v}` as MessageKey)),
    ];
  return [];
}

const BLANKS: Partial<Record<EffectField["type"], MessageKey>> = {
  nation: "console.effect.chooseNation",
  region: "console.effect.chooseRegion",
  asset: "console.effect.chooseAsset",
};

function control(f: EffectField): SpecControl {
  const type = (["region", "asset", "nation", "nations", "regions", "number", "text", "longText"] as const).find((x) => x === f.type) ?? "choice";
  const blank = BLANKS[f.type];
  return specControl({
    name: f.name,
    label: t(LABELS[f.name]!),
    type,
    ...(f.maxLength ? { maxLength: f.maxLength } : {}),
    ...(type === "choice" ? { choices: () => choices(f.type) } : {}),
    ...(blank ? { blank: t(blank) } : {}),
  });
}

/**
 * One change to the world (an effect), edited field by field: the kind decides which fields it
 * asks for, with the schema's limits. One row of effect-rows.ts: the adjustment form, the ad-hoc
 * inject form and the MSEL editor. `reports`: it may also hand a report to nations (grantIntel),
 * which the adjustment leaves to its own grant form.
 */
export function effectEditor({ reports = true }: { reports?: boolean } = {}): RowEditor<EffectInput, GameContext> {
  const offered = EFFECT_KINDS.filter((k) => reports || k.kind !== "grantIntel");
  const kind = select(
    "effect",
    offered.map((e) => ({ value: e.kind, label: t(e.label) })),
  );
  const controls = new Map<string, SpecControl>();
  for (const k of offered) for (const f of k.fields) if (!controls.has(f.name)) controls.set(f.name, control(f));
  // Named as the server names a fault: a report's fields sit under `report`.
  const REPORT_FIELDS = new Set(
    kindOf("grantIntel")!
      .fields.map((f) => f.name)
      .filter((n) => n !== "to"),
  );
  for (const [name, c] of controls) c.element.dataset.part = REPORT_FIELDS.has(name) ? `report.${name}` : name;
  const delta = numberInput(controls.get("delta")!);
  const severity = numberInput(controls.get("severity")!);
  severity.min = "0";
  severity.max = "100";
  // What a save would keep that the form does not show: the loaded effect, while its kind stays.
  let kept: Effect | undefined;
  const show = () => {
    const spec = kindOf(kind.value)!;
    const needs = new Set(spec.fields.map((f) => f.name));
    for (const [name, c] of controls) c.element.hidden = !needs.has(name);
    const limits = spec.fields.find((f) => f.name === "delta");
    if (limits) (delta.min = String(limits.min)), (delta.max = String(limits.max));
  };
  const kindField = field(t("console.effect.what"), kind);
  kindField.classList.add("wide");
  kind.addEventListener("change", show);
  show();
  // A new row starts where the grant form does.
  for (const [name, value] of Object.entries({ delta: "-10", severity: "50", reliability: "C", credibility: "3", classification: "RESTRICTED" }))
    controls.get(name)?.set(value);
  controls.get("source")?.set(t("console.grant.defaultSource"));
  return {
    fields: [h("div", { class: "row effect-fields" }, kindField, ...[...controls.values()].map((c) => c.element))],
    read() {
      const spec = kindOf(kind.value)!;
      const values: EffectValues = Object.fromEntries(spec.fields.map((f) => [f.name, controls.get(f.name)!.get()]));
      const effect = effectFrom(spec.kind, values, kept);
      if (!isProblem(effect)) return effect;
      const name = t(LABELS[effect.field]!);
      return effect.problem === "range"
        ? t("mselform.range", { field: name, min: effect.min!, max: effect.max! })
        : t("console.effect.missing", { field: name });
    },
    write(effect) {
      kept = effect;
      kind.value = effect.kind;
      show();
      for (const [name, value] of Object.entries(effectValues(effect))) controls.get(name)?.set(value);
    },
    update(ctx) {
      for (const c of controls.values()) c.options(ctx);
    },
  };
}
