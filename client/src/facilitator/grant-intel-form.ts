import { h, setOptions } from "../ui/html.ts";
import { commandForm, field, select, checkboxGroup } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";

const opts = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/** Exercise control hands a report to chosen nations (what a national agency found, say). */
export function grantIntelForm(getCtx: () => GameContext): { element: HTMLElement; update(ctx: GameContext): void } {
  const to = checkboxGroup("Give to", "grant-to");
  const title = h("input", { name: "title", maxlength: "200" });
  const text = h("textarea", { name: "text", rows: "3", maxlength: "4000" });
  const source = h("input", { name: "source", maxlength: "120", value: "exercise control" });
  const reliability = select("reliability", opts(["A", "B", "C", "D", "E", "F"]));
  const credibility = select("credibility", opts(["1", "2", "3", "4", "5", "6"]));
  const classification = select("classification", opts(["UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"]));
  reliability.value = "C";
  credibility.value = "3";
  classification.value = "RESTRICTED";
  const region = select("region");
  const form = commandForm({
    label: "Grant intelligence",
    submit: "Grant intelligence",
    success: "Report granted.",
    send: (c) => getCtx().send(c),
    children: [
      h("h3", {}, "Grant intelligence"),
      to.element,
      field("Report title", title),
      field("Report text", text),
      field("Source", source),
      h("div", { class: "row" }, field("Reliability", reliability), field("Credibility", credibility), field("Classification", classification)),
      field("About region (optional)", region),
    ],
    build: () => {
      if (!to.values().length) return "Choose at least one nation.";
      if (!title.value.trim() || !text.value.trim()) return "Write the report's title and text.";
      return {
        type: "grantIntel",
        to: to.values(),
        report: { title: title.value.trim(), text: text.value.trim(), source: source.value.trim() || "exercise control", reliability: reliability.value, credibility: credibility.value, classification: classification.value, regions: region.value ? [region.value] : [] },
      };
    },
    reset: () => {
      title.value = "";
      text.value = "";
      to.clear();
    },
  });
  return {
    element: form,
    update(ctx) {
      to.set(Object.values(ctx.state.nations).filter((n) => n.playable).map((n) => ({ value: n.id, label: n.name })));
      setOptions(region, ctx.state.scenario.regions.map((r) => ({ value: r.id, label: r.name })), "— none —");
    },
  };
}
