import { h, setOptions } from "../ui/html.ts";
import { field, select } from "../ui/form.ts";
import type { RowEditor } from "../ui/editable-rows.ts";
import type { GameContext } from "../game/context.ts";

export type EffectInput = Record<string, unknown> & { kind: string };

/** Which target fields each kind of effect takes (the shapes of shared/scenario/effects.ts). */
const EFFECTS: { value: string; label: string; fields: string[] }[] = [
  { value: "stability", label: "Region stability (±)", fields: ["region", "delta"] },
  { value: "crisis", label: "Start or set a crisis", fields: ["region", "crisisKind", "severity"] },
  { value: "crisisSeverity", label: "Crisis severity (±)", fields: ["region", "delta"] },
  { value: "assetStatus", label: "Asset status", fields: ["asset", "status"] },
  { value: "assetStrength", label: "Asset strength (±)", fields: ["asset", "delta"] },
  { value: "trust", label: "Trust between two nations (±)", fields: ["a", "b", "delta"] },
  { value: "interoperability", label: "Interoperability between two nations (±)", fields: ["a", "b", "delta"] },
  { value: "budget", label: "Nation budget (±)", fields: ["nation", "delta"] },
  { value: "politicalCapital", label: "Political capital (±)", fields: ["nation", "delta"] },
  { value: "readiness", label: "Readiness (±)", fields: ["nation", "delta"] },
];

/**
 * One change to the world (an effect), edited field by field: the kind decides which targets
 * it asks for. One row of effect-rows.ts, in the adjustment form and the ad-hoc inject form.
 */
export function effectEditor(): RowEditor<EffectInput, GameContext> {
  const kind = select("effect", EFFECTS.map((e) => ({ value: e.value, label: e.label })));
  const controls = {
    region: select("region"),
    asset: select("asset"),
    nation: select("nation"),
    a: select("a"),
    b: select("b"),
    delta: h("input", { type: "number", name: "delta", value: "-10", step: "1" }),
    crisisKind: h("input", { name: "crisisKind", maxlength: "60", placeholder: "e.g. flood" }),
    severity: h("input", { type: "number", name: "severity", min: "0", max: "100", value: "50" }),
    status: select("status", ["ready", "moving", "deployed", "degraded"].map((v) => ({ value: v, label: v }))),
  };
  type Control = keyof typeof controls;
  const labels: Record<Control, string> = { region: "Region", asset: "Asset", nation: "Nation", a: "Nation A", b: "Nation B", delta: "Change (+/−)", crisisKind: "Crisis kind", severity: "Severity (0–100)", status: "New status" };
  const fields = Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, field(labels[k as Control], c)])) as Record<Control, HTMLElement>;
  for (const numeric of [fields.delta, fields.severity]) numeric.classList.add("narrow");
  const show = () => {
    const needs = EFFECTS.find((e) => e.value === kind.value)!.fields;
    for (const [k, el] of Object.entries(fields)) el.hidden = !needs.includes(k);
  };
  const kindField = field("What to change", kind);
  kindField.classList.add("wide");
  kind.addEventListener("change", show);
  show();
  return {
    fields: [h("div", { class: "row" }, kindField, ...Object.values(fields))],
    read() {
      const spec = EFFECTS.find((e) => e.value === kind.value)!;
      const effect: EffectInput = { kind: spec.value };
      for (const f of spec.fields as Control[]) {
        if (!controls[f].value.trim()) return `Fill in “${labels[f]}”.`;
        effect[f] = f === "delta" || f === "severity" ? Number(controls[f].value) : controls[f].value.trim();
      }
      return effect;
    },
    update(ctx) {
      const nations = Object.values(ctx.state.nations).map((n) => ({ value: n.id, label: n.name }));
      setOptions(controls.region, ctx.state.scenario.regions.map((r) => ({ value: r.id, label: r.name })), "— region —");
      setOptions(controls.asset, Object.values(ctx.perspective?.assets ?? {}).filter((a) => !a.foreign).map((a) => ({ value: a.id, label: `${a.name} (${ctx.state.nations[a.owner]?.name ?? a.owner})` })), "— asset —");
      for (const s of [controls.nation, controls.a, controls.b]) setOptions(s, nations, "— nation —");
    },
  };
}
