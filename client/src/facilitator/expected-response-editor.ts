import { h, setOptions } from "../ui/html.ts";
import { field, select } from "../ui/form.ts";
import type { GameContext } from "../game/context.ts";

export type ExpectedResponseInput = { description: string; command: string; region?: string; withinTurns: number };

/** What counts as a response in the after-action review (shared/aar/inject-evaluation.ts, nationActions). */
const RESPONSES: { value: string; label: string }[] = [
  { value: "deployAsset", label: "Deploy an asset" },
  { value: "prepositionAsset", label: "Pre-position an asset" },
  { value: "recallAsset", label: "Recall an asset" },
  { value: "setMission", label: "Change an asset's mission" },
  { value: "setPolicy", label: "Change policy (alert, rules of engagement)" },
  { value: "fundCapacityBuilding", label: "Fund capacity building" },
  { value: "shareIntel", label: "Share intelligence" },
  { value: "requestInfo", label: "Request information" },
  { value: "answerInfo", label: "Answer a request for information" },
  { value: "requestConsent", label: "Request consent to enter" },
  { value: "answerConsent", label: "Answer a consent request" },
  { value: "proposeAgreement", label: "Propose an agreement" },
  { value: "answerAgreement", label: "Answer an agreement" },
  { value: "proposeJointExercise", label: "Propose a joint exercise" },
  { value: "conveneDialogue", label: "Convene a dialogue" },
  { value: "makeStatement", label: "Make a public statement" },
  { value: "sendMessage", label: "Send a message" },
];

/** One response the inject expects from the nations it reaches, evaluated in the after-action review. */
export function expectedResponseEditor(): { fields: HTMLElement[]; read(): ExpectedResponseInput | string; describe(expected: ExpectedResponseInput): string; update(ctx: GameContext): void } {
  const description = h("input", { name: "expectedDescription", maxlength: "400", placeholder: "e.g. Send a frigate to the strait" });
  const command = select("expectedCommand", RESPONSES);
  const region = select("expectedRegion");
  const within = h("input", { type: "number", name: "expectedWithin", min: "0", max: "20", value: "1", step: "1" });
  const regionNames = new Map<string, string>();
  return {
    fields: [field("Expected response", description), h("div", { class: "row" }, field("Counts when a nation does", command), field("In region (for movements)", region), field("Within turns", within))],
    read() {
      if (!description.value.trim()) return "Describe the expected response.";
      const turns = Number(within.value);
      if (!Number.isInteger(turns) || turns < 0 || turns > 20) return "“Within turns” is a whole number from 0 to 20.";
      return { description: description.value.trim(), command: command.value, ...(region.value ? { region: region.value } : {}), withinTurns: turns };
    },
    describe(expected) {
      const what = RESPONSES.find((r) => r.value === expected.command)?.label ?? expected.command;
      return `${expected.description} (${what}${expected.region ? ` in ${regionNames.get(expected.region) ?? expected.region}` : ""}, within ${expected.withinTurns} turn${expected.withinTurns === 1 ? "" : "s"})`;
    },
    update(ctx) {
      for (const r of ctx.state.scenario.regions) regionNames.set(r.id, r.name);
      setOptions(region, ctx.state.scenario.regions.map((r) => ({ value: r.id, label: r.name })), "— any —");
    },
  };
}
