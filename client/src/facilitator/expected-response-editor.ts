import { h, setOptions } from "../ui/html.ts";
import { field, select, checkboxGroup } from "../ui/form.ts";
import type { RowEditor } from "../ui/editable-rows.ts";
import type { GameContext } from "../game/context.ts";
import { EXPECTABLE_COMMANDS, type ExpectableCommand } from "../../../shared/scenario/validate.ts";

/** The shape of an inject's expected action (shared/scenario/schema.ts, ExpectedAction). */
export type ExpectedResponseInput = { description: string; command: string; region?: string; nations?: string[]; withinTurns: number };

/** How the console names each command an expected action can name (EXPECTABLE_COMMANDS, the scenario rules' list). */
const RESPONSE_LABELS: Record<ExpectableCommand, string> = {
  deployAsset: "Deploy an asset",
  prepositionAsset: "Pre-position an asset",
  recallAsset: "Recall an asset",
  setMission: "Change an asset's mission",
  setPolicy: "Change policy (alert, rules of engagement)",
  fundCapacityBuilding: "Fund capacity building",
  shareIntel: "Share intelligence",
  requestInfo: "Request information",
  answerInfo: "Answer a request for information",
  requestConsent: "Request consent to enter",
  answerConsent: "Answer a consent request",
  proposeAgreement: "Propose an agreement",
  answerAgreement: "Answer an agreement",
  proposeJointExercise: "Propose a joint exercise",
  conveneDialogue: "Convene a dialogue",
  makeStatement: "Make a public statement",
  sendMessage: "Send a message",
};
const RESPONSES = EXPECTABLE_COMMANDS.map((command) => ({ value: command, label: RESPONSE_LABELS[command] }));

/**
 * One response the inject expects, evaluated in the after-action review: met when a nation does
 * it within the given turns of the release, partly met when later. The nations ticked are the
 * ones expected to act; none ticked means every playable nation the inject is addressed to.
 */
export function expectedResponseEditor(): RowEditor<ExpectedResponseInput, GameContext> {
  const description = h("input", { name: "expectedDescription", maxlength: "400", placeholder: "e.g. Send a frigate to the strait" });
  const command = select("expectedCommand", RESPONSES);
  const region = select("expectedRegion");
  const within = h("input", { type: "number", name: "expectedWithin", min: "0", max: "20", value: "1", step: "1" });
  const withinField = field("Within turns", within);
  withinField.classList.add("narrow");
  const nations = checkboxGroup("Expected of (none ticked: every nation it reaches)", "expectedNations");
  return {
    fields: [field("Expected response", description), h("div", { class: "row" }, field("Counts when a nation does", command), field("In region (for movements)", region), withinField), nations.element],
    read() {
      if (!description.value.trim()) return "Describe the expected response.";
      const turns = Number(within.value);
      if (!within.value.trim() || !Number.isInteger(turns) || turns < 0 || turns > 20) return "“Within turns” is a whole number from 0 to 20.";
      const who = nations.values();
      return { description: description.value.trim(), command: command.value, ...(region.value ? { region: region.value } : {}), ...(who.length ? { nations: who } : {}), withinTurns: turns };
    },
    update(ctx) {
      setOptions(region, ctx.state.scenario.regions.map((r) => ({ value: r.id, label: r.name })), "— any —");
      nations.set(Object.values(ctx.state.nations).filter((n) => n.playable).map((n) => ({ value: n.id, label: n.name })));
    },
  };
}
