import { t, lang } from "../i18n.ts";
import { formatDateTime } from "../../../shared/i18n/index.ts";
import { nationName, scenarioText } from "../game/names.ts";
import type { GameContext } from "../game/context.ts";
import { lastResult } from "../ui/memo.ts";
import type { EegObjective } from "../../../shared/scenario/eeg.ts";

/** Who may do what on the evaluation screens: the seat's role decides, the screens take it as a parameter. */
export type EvaluationRole = {
  /** Writes observations and ratings (exercise control, an evaluator). */
  writes: boolean;
  /** Sets the consensus rating (exercise control, the lead evaluator). */
  leads: boolean;
};

/** The evaluation role of the seat a context belongs to: exercise control leads; an evaluator writes, the lead evaluator leads too. */
export function evaluationRoleOf(ctx: Pick<GameContext, "isFacilitator" | "welcome">): EvaluationRole {
  const welcome = ctx.welcome as { role: string; lead?: boolean };
  if (welcome.role === "evaluator") return { writes: true, leads: welcome.lead === true };
  return { writes: ctx.isFacilitator, leads: ctx.isFacilitator };
}

export const RATING_LETTERS = ["P", "S", "M", "U"] as const;

/** The rating as HSEEP words it: "P — performed without challenges". */
export const ratingWords = (rating: string) => t("evalui.rating.words", { rating });

/** The reader's own clock: evaluators write in real time, not scenario time. */
export const clockTime = (at: number) => formatDateTime(lang(), at, Intl.DateTimeFormat().resolvedOptions().timeZone, { hour: "2-digit", minute: "2-digit" });

/** The guide's objectives, capabilities and tasks with their names in the reader's language. */
export function guideIndex(ctx: GameContext) {
  const objectives = Object.values(ctx.perspective?.evaluationGuide ?? {}) as EegObjective[];
  const capabilities = objectives.flatMap((o) =>
    o.capabilities.map((c) => ({ id: c.id, name: scenarioText(ctx.state, c, "name"), objective: o.id, tasks: c.tasks })),
  );
  const tasks = capabilities.flatMap((c) => c.tasks.map((k) => ({ id: k.id, title: scenarioText(ctx.state, k, "title"), capability: c.id })));
  return {
    objectives,
    capabilities,
    tasks,
    capabilityName: (id: string | null) => (id ? (capabilities.find((c) => c.id === id)?.name ?? id) : ""),
    taskTitle: (id: string | null) => (id ? (tasks.find((k) => k.id === id)?.title ?? id) : ""),
  };
}

export function injectLabel(ctx: GameContext, id: string | null): string {
  if (!id) return "";
  const inject = ctx.perspective?.injects[id];
  return inject ? t("console.notes.injectOption", { number: inject.number, title: scenarioText(ctx.state, inject, "title") }) : id;
}

/**
 * The injects as the notes' and observations' forms list them, by number: made again only when an
 * inject, the scenario or the language changed (ui/memo.ts), not for 2,000 injects on every patch.
 */
export const injectOptions = lastResult(
  (ctx: GameContext) => [lang(), ctx.state.scenario, ctx.perspective?.injects],
  (ctx: GameContext) =>
    Object.values(ctx.perspective?.injects ?? {})
      .sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }))
      .map((i) => ({ value: i.id, label: injectLabel(ctx, i.id) })),
);

export const nationLabel = (ctx: GameContext, id: string | null) => (id ? nationName(ctx.state, id) : "");

/** The replay viewer at one moment of this exercise (the same link the AAR gives). */
export const replayLink = (exerciseId: string, seq: number) => `/replay.html#exercise=${encodeURIComponent(exerciseId)}&seq=${seq}`;
