import { h, setOptions } from "../ui/html.ts";
import { field, select, checkboxGroup } from "../ui/form.ts";
import type { RowEditor } from "../ui/editable-rows.ts";
import type { GameContext } from "../game/context.ts";
// Only the type: the labels below name each command once, so the page needs no list of its own.
import type { ExpectableCommand } from "../../../shared/scenario/expectable-commands.ts";
import { t } from "../i18n.ts";
import type { MessageKey } from "../../../shared/i18n/index.ts";
import { regionName, nationName } from "../game/names.ts";

/** The shape of an inject's expected action (shared/scenario/schema.ts, ExpectedAction). */
export type ExpectedResponseInput = { description: string; command: string; region?: string; nations?: string[]; withinTurns: number };

/** How the console names each command an expected action can name (EXPECTABLE_COMMANDS, the scenario rules' list). */
const RESPONSE_LABELS: Record<ExpectableCommand, MessageKey> = {
  deployAsset: "console.response.deployAsset",
  prepositionAsset: "console.response.prepositionAsset",
  recallAsset: "console.response.recallAsset",
  setMission: "console.response.setMission",
  setPolicy: "console.response.setPolicy",
  fundCapacityBuilding: "console.response.fundCapacityBuilding",
  embarkAsset: "lift.form.embarkAsset",
  disembarkAsset: "lift.form.disembarkAsset",
  shareIntel: "console.response.shareIntel",
  releaseVersion: "intel.response.releaseVersion",
  reportSighting: "intel.response.reportSighting",
  requestInfo: "console.response.requestInfo",
  answerInfo: "console.response.answerInfo",
  requestConsent: "console.response.requestConsent",
  answerConsent: "console.response.answerConsent",
  proposeAgreement: "console.response.proposeAgreement",
  answerAgreement: "console.response.answerAgreement",
  proposeJointExercise: "console.response.proposeJointExercise",
  conveneDialogue: "console.response.conveneDialogue",
  makeStatement: "console.response.makeStatement",
  sendMessage: "console.response.sendMessage",
  transferAuthority: "toa.response.transferAuthority",
  revokeAuthority: "toa.response.revokeAuthority",
  terminateAgreement: "agreements.response.terminateAgreement",
  revokeConsent: "agreements.response.revokeConsent",
};

/** An expected action's command as people say it ("Deploy an asset"), never the command's name. */
export function responseLabel(command: string): string {
  return Object.hasOwn(RESPONSE_LABELS, command) ? t(RESPONSE_LABELS[command as ExpectableCommand]) : t("console.response.other");
}

/**
 * One response the inject expects, evaluated in the after-action review: met when a nation does
 * it within the given turns of the release, partly met when later. The nations ticked are the
 * ones expected to act; none ticked means every playable nation the inject is addressed to.
 */
export function expectedResponseEditor(): RowEditor<ExpectedResponseInput, GameContext> {
  const description = h("input", { name: "expectedDescription", maxlength: "400", placeholder: t("console.response.placeholder") });
  // EXPECTABLE_COMMANDS as the labels name them (their Record type names each exactly once), so the page needs no zod.
  const command = select(
    "expectedCommand",
    (Object.keys(RESPONSE_LABELS) as ExpectableCommand[]).map((c) => ({ value: c, label: responseLabel(c) })),
  );
  const region = select("expectedRegion");
  const within = h("input", { type: "number", name: "expectedWithin", min: "0", max: "20", value: "1", step: "1" });
  const withinField = field(t("console.response.within"), within);
  withinField.classList.add("narrow");
  const nations = checkboxGroup(t("console.response.nations"), "expectedNations");
  return {
    fields: [
      field(t("console.response.description"), description),
      h("div", { class: "row" }, field(t("console.response.command"), command), field(t("console.response.region"), region), withinField),
      nations.element,
    ],
    read() {
      if (!description.value.trim()) return t("console.response.noDescription");
      const turns = Number(within.value);
      if (!within.value.trim() || !Number.isInteger(turns) || turns < 0 || turns > 20) return t("console.response.badWithin");
      const who = nations.values();
      return {
        description: description.value.trim(),
        command: command.value,
        ...(region.value ? { region: region.value } : {}),
        ...(who.length ? { nations: who } : {}),
        withinTurns: turns,
      };
    },
    update(ctx) {
      setOptions(
        region,
        ctx.state.scenario.regions.map((r) => ({ value: r.id, label: regionName(ctx.state, r.id) })),
        t("console.response.anyRegion"),
      );
      nations.set(
        Object.values(ctx.state.nations)
          .filter((n) => n.playable)
          .map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) })),
      );
    },
  };
}
