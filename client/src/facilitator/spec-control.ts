import { h, setOptions } from "../ui/html.ts";
import { t, lang } from "../i18n.ts";
import { lastResult } from "../ui/memo.ts";
import { nationName, regionName, assetName, nameInputs } from "../game/names.ts";
import { announceValue, checkboxGroup, choose, field, select } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";
import { injectLabel } from "./evaluation-words.ts";

/** What a field of a scenario spec is, as far as its control goes. */
export type ControlType = "region" | "nation" | "asset" | "inject" | "nations" | "regions" | "number" | "text" | "longText" | "choice";
export type ControlSpec = {
  name: string;
  label: string;
  type: ControlType;
  maxLength?: number;
  /** A choice's options (called when drawn, so in the seat's language). */
  choices?: () => { value: string; label: string }[];
  /** A select's empty first option ("— region —", "— any —"). */
  blank?: string;
};

/** A labelled control holding a string, or a list for the checkboxes; `options` fills in the scenario's names. */
export type SpecControl = { element: HTMLElement; get(): string | string[]; set(value: string | string[]): void; options(ctx: GameContext): void };

// Shared by every effect and condition row, and made again only when what they list changed
// (ui/memo.ts): refilling the white cell's 5,000 assets on every patch cost the console a second at load.
const nationOptions = lastResult(
  (ctx: GameContext) => nameInputs(ctx.state),
  (ctx: GameContext) => Object.values(ctx.state.nations).map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) })),
);
/** The scenario's regions by name, shared by every form that offers them. */
export const regionOptions = lastResult(
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
const injectOptions = lastResult(
  (ctx: GameContext) => [lang(), ctx.state.scenario, ctx.perspective?.injects],
  (ctx: GameContext) =>
    Object.values(ctx.perspective?.injects ?? {})
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      .map((i) => ({ value: i.id, label: injectLabel(ctx, i.id) })),
);

/**
 * One field of an effect or a condition: nations, regions, assets and injects chosen by their
 * names, numbers with the schema's limits (set by the caller), texts with their length. Shared by
 * effect-editor.ts and condition-builder.ts, which show or hide each by the kind chosen.
 */
export function specControl(spec: ControlSpec): SpecControl {
  if (spec.type === "nations" || spec.type === "regions") {
    const group = checkboxGroup(spec.label, `spec-${spec.name}`);
    return {
      element: group.element,
      get: () => group.values(),
      set: (v) => group.check(Array.isArray(v) ? v : []),
      options: (ctx) => group.set(spec.type === "nations" ? nationOptions(ctx) : regionOptions(ctx)),
    };
  }
  const input =
    spec.type === "longText"
      ? h("textarea", { name: spec.name, rows: "3", maxlength: String(spec.maxLength) })
      : spec.type === "text"
        ? h("input", { name: spec.name, maxlength: String(spec.maxLength) })
        : spec.type === "number"
          ? h("input", { type: "number", name: spec.name, step: "any" })
          : select(spec.name, [...(spec.type === "choice" && spec.blank !== undefined ? [{ value: "", label: spec.blank }] : []), ...(spec.choices?.() ?? [])]);
  const wrapper = field(spec.label, input);
  if (spec.type === "number") wrapper.classList.add("narrow");
  // A long text takes the row's width; a short one (a crisis kind) sits beside the others.
  if (spec.type === "longText" || (spec.type === "text" && (spec.maxLength ?? 0) > 100)) wrapper.classList.add("full");
  const lists = { nation: nationOptions, region: regionOptions, asset: assetOptions, inject: injectOptions } as const;
  return {
    element: wrapper,
    get: () => input.value,
    set(v) {
      if (input instanceof HTMLSelectElement) choose(input, String(v));
      else input.value = String(v);
      announceValue(input);
    },
    options(ctx) {
      const list = (lists as Record<string, (ctx: GameContext) => { value: string; label: string }[]>)[spec.type];
      if (list && input instanceof HTMLSelectElement) setOptions(input, list(ctx), spec.blank);
    },
  };
}

/** The number input inside a control, to set its limits for the kind chosen. */
export function numberInput(control: SpecControl): HTMLInputElement {
  return control.element.querySelector("input")!;
}
