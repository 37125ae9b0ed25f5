import { h, setOptions, setText } from "../ui/html.ts";
import { commandForm, field, select } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";

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
 * Adjudication: change one or several values at once with one written rationale (it goes into
 * the record and the AAR). "Add another change" keeps the change being edited in the list and
 * clears the way for the next; "Apply adjustment" applies the list and the change being edited.
 */
export function adjustForm(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
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
  const labels: Record<keyof typeof controls, string> = { region: "Region", asset: "Asset", nation: "Nation", a: "Nation A", b: "Nation B", delta: "Change (+/−)", crisisKind: "Crisis kind", severity: "Severity (0–100)", status: "New status" };
  const fields = Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, field(labels[k as keyof typeof controls], c)])) as Record<keyof typeof controls, HTMLElement>;
  const rationale = h("textarea", { name: "rationale", rows: "3", maxlength: "2000", "aria-required": "true" });
  const show = () => {
    const needs = EFFECTS.find((e) => e.value === kind.value)!.fields;
    for (const [k, el] of Object.entries(fields)) el.hidden = !needs.includes(k);
  };
  kind.addEventListener("change", show);
  /** The change being edited, or what is missing from it. */
  const readEffect = (): Record<string, unknown> | string => {
    const spec = EFFECTS.find((e) => e.value === kind.value)!;
    const effect: Record<string, unknown> = { kind: spec.value };
    for (const f of spec.fields) {
      const control = controls[f as keyof typeof controls];
      if (!control.value.trim()) return `Fill in “${labels[f as keyof typeof controls]}”.`;
      effect[f] = f === "delta" || f === "severity" ? Number(control.value) : control.value.trim();
    }
    return effect;
  };
  const describe = (effect: Record<string, unknown>): string => {
    const spec = EFFECTS.find((e) => e.value === effect.kind)!;
    const optionText = (f: string) => {
      const control = controls[f as keyof typeof controls];
      return control instanceof HTMLSelectElement ? ([...control.options].find((o) => o.value === effect[f])?.textContent ?? String(effect[f])) : String(effect[f]);
    };
    return `${spec.label}: ${spec.fields.map((f) => (f === "delta" && Number(effect[f]) > 0 ? `+${effect[f]}` : optionText(f))).join(", ")}`;
  };
  let pending: Record<string, unknown>[] = [];
  const pendingList = h("ol", { class: "pending-effects", "aria-label": "Changes in this adjustment" });
  const pendingNote = h("p", { class: "form-status", role: "status" }, "");
  const renderPending = () => {
    pendingList.replaceChildren(
      ...pending.map((effect, i) =>
        h("li", {}, h("span", {}, describe(effect)), " ", h("button", { type: "button", class: "link", "aria-label": `Remove change ${i + 1}`, onclick: () => ((pending = pending.filter((_, k) => k !== i)), renderPending()) }, "Remove")),
      ),
    );
    pendingList.hidden = pending.length === 0;
  };
  const addAnother = h("button", { type: "button" }, "Add another change");
  addAnother.addEventListener("click", () => {
    const effect = readEffect();
    if (typeof effect === "string") return setText(pendingNote, `⚠ ${effect}`);
    if (pending.length >= 19) return setText(pendingNote, "⚠ At most 20 changes in one adjustment: apply these first.");
    pending = [...pending, effect];
    setText(pendingNote, `Change ${pending.length} kept; set the next one, or apply.`);
    renderPending();
  });
  const form = commandForm({
    label: "Adjust the state",
    submit: "Apply adjustment",
    success: "Adjustment applied and logged with its rationale.",
    send: (c) => getCtx().send(c),
    children: [h("h3", {}, "Adjust the state"), pendingList, field("What to change", kind), ...Object.values(fields), h("div", { class: "actions" }, addAnother), pendingNote, field("Rationale (required)", rationale, "Why: it is recorded and appears in the after-action report.")],
    build: () => {
      const effect = readEffect();
      if (typeof effect === "string") return pending.length ? `Change ${pending.length + 1}: ${effect}` : effect;
      if (!rationale.value.trim()) return "Write a rationale: every adjustment is recorded with its reason.";
      return { type: "adjustState", effects: [...pending, effect], rationale: rationale.value.trim() };
    },
    reset: () => {
      rationale.value = "";
      pending = [];
      setText(pendingNote, "");
      renderPending();
    },
  });
  show();
  renderPending();
  return {
    element: form,
    update(ctx) {
      const nations = Object.values(ctx.state.nations).map((n) => ({ value: n.id, label: n.name }));
      setOptions(controls.region, ctx.state.scenario.regions.map((r) => ({ value: r.id, label: r.name })), "— region —");
      setOptions(controls.asset, Object.values(ctx.perspective?.assets ?? {}).filter((a) => !a.foreign).map((a) => ({ value: a.id, label: `${a.name} (${ctx.state.nations[a.owner]?.name ?? a.owner})` })), "— asset —");
      for (const s of [controls.nation, controls.a, controls.b]) setOptions(s, nations, "— nation —");
    },
  };
}
