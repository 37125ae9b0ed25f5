import type { ExerciseState } from "../state/schema.ts";
import type { Actor, Command } from "../protocol/commands.ts";
import type { Effect } from "../scenario/effects.ts";
import { RejectionCode, refuse, type Rejection } from "../protocol/rejections.ts";
import { ref } from "../i18n/message.ts";

/**
 * What a named controller may do (docs/PROTOCOL.md, "Roles"). The facilitator link's holder is
 * the lead controller and may do everything. A controller runs exercise control's commands,
 * except those that end or shape the whole exercise for everyone (LEAD_ONLY); a controller
 * limited to some nations acts only within them: injects addressed to them, adjudication of
 * their regions and assets, grants and messages to them, who plays them. Commands that touch
 * the whole exercise (the clock, the phase, the alliance commander, the tension) stay with the
 * lead and unlimited controllers.
 */
export const LEAD_ONLY: ReadonlySet<string> = new Set(["endExercise"]);
const EXERCISE_WIDE: ReadonlySet<string> = new Set([
  "startBriefing",
  "startExercise",
  "pauseExercise",
  "resumeExercise",
  "setTurnTimer",
  "forceResolve",
  "designateCommander",
]);

type Controller = Extract<Actor, { role: "controller" }>;
type Touches = { nations: string[]; wide: boolean };

/** Why a controller may not give this command, or null when it may. */
export function controllerRefusal(state: ExerciseState, command: Command, actor: Controller): Rejection | null {
  if (LEAD_ONLY.has(command.type)) return refuse(RejectionCode.OutOfScope, "seats.scope.leadOnly");
  if (actor.nations === null) return null;
  const scope = new Set(actor.nations);
  const touches = nationsTouched(state, command);
  if (touches.wide) return refuse(RejectionCode.OutOfScope, "seats.scope.exerciseWide", { nations: actor.nations.map((n) => ref("nation", n)) });
  const outside = touches.nations.find((n) => !scope.has(n));
  if (outside !== undefined)
    return refuse(RejectionCode.OutOfScope, "seats.scope.outside", { nation: ref("nation", outside), nations: actor.nations.map((n) => ref("nation", n)) });
  return null;
}

/** Whether a controller's nations include `nation` (the lead's and an unlimited controller's include every nation). */
export function inScope(actor: Actor, nation: string): boolean {
  if (actor.role === "facilitator") return true;
  if (actor.role !== "controller") return false;
  return actor.nations === null || actor.nations.includes(nation);
}

const all = (state: ExerciseState) => Object.keys(state.nations);

/** The nations a command of exercise control reaches, or `wide` when it reaches the whole exercise. */
function nationsTouched(state: ExerciseState, command: Command): Touches {
  if (EXERCISE_WIDE.has(command.type)) return { nations: [], wide: true };
  switch (command.type) {
    case "releaseInject":
    case "skipInject":
    case "delayInject":
    case "editInject":
    case "deleteInject":
    case "moveInject":
    case "holdInject":
    case "unskipInject": {
      // An unknown inject is the handler's to refuse (unknown_inject).
      const inject = Object.hasOwn(state.injects, command.inject) ? state.injects[command.inject] : undefined;
      if (!inject) return { nations: [], wide: false };
      return { nations: inject.spec.to === "all" ? all(state) : inject.spec.to, wide: false };
    }
    case "fireInject": {
      const effects = effectNations(state, command.inject.effects);
      return { nations: [...(command.inject.to === "all" ? all(state) : command.inject.to), ...effects.nations], wide: effects.wide };
    }
    case "addInject":
      return { nations: command.spec.to === "all" ? all(state) : command.spec.to, wide: false };
    case "importMsel":
      return { nations: [], wide: true };
    case "approvePlaybookMove":
    case "dropPlaybookMove": {
      const move = state.playbookQueue && Object.hasOwn(state.playbookQueue, command.move) ? state.playbookQueue[command.move] : undefined;
      return { nations: move ? [move.nation] : [], wide: false };
    }
    case "adjustState":
      return effectNations(state, command.effects);
    case "grantIntel":
      return { nations: command.to, wide: false };
    case "facilitatorMessage":
      return {
        nations:
          command.to === "alliance"
            ? Object.values(state.nations)
                .filter((n) => n.alliance)
                .map((n) => n.id)
            : [command.to],
        wide: false,
      };
    case "setNationControl":
      return { nations: [command.nation], wide: false };
    case "withdrawDraft": {
      const draft = Object.hasOwn(state.drafts, command.draft) ? state.drafts[command.draft] : undefined;
      return { nations: draft ? [draft.nation] : [], wide: false };
    }
    default:
      // Notes, the improvement plan, the white cell's channel and log: no nation's game.
      return { nations: [], wide: false };
  }
}

/** Whose things effects change: a region's owner (an unowned region is nobody's: outside every limit), an asset's owner, the nations named. */
function effectNations(state: ExerciseState, effects: readonly Effect[]): Touches {
  const nations: string[] = [];
  let wide = false;
  for (const effect of effects) {
    switch (effect.kind) {
      case "stability":
      case "crisis":
      case "crisisSeverity": {
        const owner = Object.hasOwn(state.regions, effect.region) ? state.regions[effect.region]!.owner : null;
        if (owner === null) wide = true;
        else nations.push(owner);
        break;
      }
      case "assetStatus":
      case "assetStrength":
        if (Object.hasOwn(state.assets, effect.asset)) nations.push(state.assets[effect.asset]!.owner);
        break;
      case "trust":
      case "interoperability":
        nations.push(effect.a, effect.b);
        break;
      case "budget":
      case "politicalCapital":
      case "readiness":
        nations.push(effect.nation);
        break;
      case "grantIntel":
        nations.push(...effect.to);
        break;
      case "tension":
        wide = true;
        break;
    }
  }
  return { nations, wide };
}
