import { h, setOptions } from "../ui/html.ts";
import { announceValue, field, select, checkboxGroup, choose } from "../ui/form.ts";
import type { RowEditor } from "../ui/editable-rows.ts";
import type { GameContext } from "../game/context.ts";
// Only the type: the labels below name each command once, so the page needs no list of its own.
import type { ExpectableCommand } from "../../../shared/scenario/expectable-commands.ts";
import { t } from "../i18n.ts";
import type { MessageKey } from "../../../shared/i18n/index.ts";
import { regionName, nationName } from "../game/names.ts";
import type { ExpectedAction } from "../../../shared/scenario/schema.ts";
import { expectedFrom, expectedValues } from "./inject-values.ts";
import { guideIndex } from "./evaluation-words.ts";

/** An inject's expected action (shared/scenario/schema.ts, ExpectedAction). */
export type ExpectedResponseInput = ExpectedAction;

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
 * ones expected to act; none ticked means every playable nation the inject is addressed to. The
 * critical task is the evaluation guide's it evidences (offered when the guide has tasks).
 */
export function expectedResponseEditor(): RowEditor<ExpectedResponseInput, GameContext> {
  const description = h("input", { name: "expectedDescription", maxlength: "400" });
  // EXPECTABLE_COMMANDS as the labels name them (their Record type names each exactly once), so the page needs no zod.
  const command = select(
    "expectedCommand",
    (Object.keys(RESPONSE_LABELS) as ExpectableCommand[]).map((c) => ({ value: c, label: responseLabel(c) })),
  );
  const region = select("expectedRegion");
  const within = h("input", { type: "number", name: "expectedWithin", min: "0", max: "20", value: "1", step: "1" });
  const task = select("expectedTask");
  const part = (name: string, el: HTMLElement) => ((el.dataset.part = name), el);
  const withinField = part("withinTurns", field(t("console.response.within"), within));
  withinField.classList.add("narrow");
  const taskField = part("task", field(t("mselform.expected.task"), task));
  const nations = checkboxGroup(t("console.response.nations"), "expectedNations");
  // What the form does not show (the outcome judged, the description's translations) stays.
  let kept: ExpectedAction | undefined;
  let context: GameContext | null = null;
  // The playable nations, and any other the loaded action names (kept rather than dropped).
  const nationOptions = (ctx: GameContext) =>
    Object.values(ctx.state.nations)
      .filter((n) => n.playable || kept?.nations?.includes(n.id))
      .map((n) => ({ value: n.id, label: nationName(ctx.state, n.id) }));
  return {
    fields: [
      part("description", field(t("console.response.description"), description, t("console.response.placeholder"))),
      h(
        "div",
        { class: "row" },
        part("command", field(t("console.response.command"), command)),
        part("region", field(t("console.response.region"), region)),
        withinField,
        taskField,
      ),
      part("nations", nations.element),
    ],
    read() {
      const action = expectedFrom(
        {
          description: description.value,
          command: command.value,
          region: region.value,
          nations: nations.values(),
          withinTurns: within.value,
          task: task.value,
        },
        kept,
      );
      if ("problem" in action) return action.field === "description" ? t("console.response.noDescription") : t("console.response.badWithin");
      return action;
    },
    write(action) {
      kept = action;
      const values = expectedValues(action);
      description.value = values.description;
      announceValue(description);
      choose(command, values.command);
      choose(region, values.region);
      within.value = values.withinTurns;
      choose(task, values.task);
      if (values.task) taskField.hidden = false;
      if (context) nations.set(nationOptions(context));
      nations.check(values.nations);
    },
    update(ctx) {
      setOptions(
        region,
        ctx.state.scenario.regions.map((r) => ({ value: r.id, label: regionName(ctx.state, r.id) })),
        t("console.response.anyRegion"),
      );
      context = ctx;
      nations.set(nationOptions(ctx));
      const tasks = guideIndex(ctx).tasks;
      setOptions(
        task,
        tasks.map((k) => ({ value: k.id, label: k.title })),
        t("mselform.expected.noTask"),
      );
      taskField.hidden = tasks.length === 0 && !task.value;
    },
  };
}
