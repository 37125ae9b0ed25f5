import type { ExerciseEvent } from "../protocol/events.ts";
import type { ExerciseState } from "../state/schema.ts";
import type { ExpectedAction, InjectSpec } from "../scenario/schema.ts";
import type { Translations } from "../i18n/text.ts";
import { outcomeOf, type ExpectedOutcome } from "../scenario/expected-outcome.ts";
import { judgeOutcomes, type JudgedOutcomes } from "./judge-outcomes.ts";
import { nationActions, type NationAction } from "./nation-actions.ts";

/**
 * What became of one expected action for one nation (docs/SCENARIOS.md, "How responses are
 * judged"): met (the outcome took effect after the release, or was already in place), not met,
 * attempted (an order for it failed, a proposal was not accepted), for the evaluator (no rule can
 * judge it: evaluators rate it), not applicable (the inject was never released).
 */
export type ExpectedResult = "met" | "not met" | "attempted" | "for the evaluator" | "not applicable";
/** The result as the report shows it: a met action answered later than expected is "partly" met. */
export type Verdict = "met" | "partly" | "not met" | "attempted" | "for the evaluator" | "not applicable";

export type NationReview = {
  nation: string;
  result: ExpectedResult;
  verdict: Verdict;
  /** Turns from the release to the outcome (0: the same turn, or already in place); null when not met. */
  responseTurns: number | null;
  /** Met within the expected number of turns; null when not met. */
  inTime: boolean | null;
  /** What counted (or, for the evaluator, the related action to read); null when nothing did. */
  action: NationAction | null;
  /** What was tried and did not take effect: failed orders, proposals not accepted. */
  attempts: NationAction[];
};

export type ExpectedActionReview = {
  index: number;
  description: string;
  command: string;
  region: string | null;
  withinTurns: number;
  /** The outcome it was judged by (the scenario's, or the one its command maps onto). */
  outcome: ExpectedOutcome;
  task: string | null;
  /** Translations of the description. */
  i18n?: Translations;
  byNation: NationReview[];
};

export type InjectReview = {
  inject: string;
  number: string;
  title: string;
  type: InjectSpec["type"];
  to: InjectSpec["to"];
  /** Whether it is judged at all: an inject never released (planned, skipped, delayed and never released) is not applicable. */
  status: "released" | "not applicable";
  /** Its status in the MSEL at the end: planned, released, skipped or delayed. */
  injectStatus: string;
  releasedTurn: number | null;
  releasedSeq: number | null;
  objective: string;
  capability: string;
  tasks: string[];
  expected: ExpectedActionReview[];
  verdict: "met" | "partly" | "not met" | "not applicable" | "no expectation" | "for the evaluator";
  notes: { author: string; text: string; turn: number }[];
  /** Translations of the inject's texts (title, from, objective, capability). */
  i18n?: Translations;
};

function expectedNations(state: ExerciseState, spec: InjectSpec, expected: ExpectedAction): string[] {
  if (expected.nations) return expected.nations;
  const addressed = spec.to === "all" ? Object.keys(state.nations) : spec.to;
  return addressed.filter((n) => state.nations[n]?.playable);
}

/**
 * Each inject: what was expected, what each addressed nation achieved and when, judged by
 * outcomes (judge-outcomes.ts) from the log folded from `initial`.
 */
export function reviewInjects(initial: ExerciseState, events: readonly ExerciseEvent[]): InjectReview[] {
  return reviewOfJudged(judgeOutcomes(initial, events, nationActions(events)));
}

/** The same review from outcomes judged during a fold run elsewhere (outcomeJudge: the replay's one fold). */
export function reviewOfJudged(judged: JudgedOutcomes): InjectReview[] {
  const state = judged.final;
  const notes = Object.values(state.notes);
  return Object.values(state.injects).map((inject) => {
    const spec = inject.spec;
    const release = judged.releases.get(inject.id) ?? null;
    const expected: ExpectedActionReview[] = spec.expectedActions.map((ex, index) => ({
      index,
      description: ex.description,
      command: ex.command,
      region: ex.region ?? null,
      withinTurns: ex.withinTurns,
      outcome: outcomeOf(ex),
      task: ex.task ?? null,
      ...("i18n" in ex && ex.i18n ? { i18n: ex.i18n as Translations } : {}),
      byNation: expectedNations(state, spec, ex).map((nation): NationReview => {
        if (!release) return { nation, result: "not applicable", verdict: "not applicable", responseTurns: null, inTime: null, action: null, attempts: [] };
        const found = judged.results.get(`${inject.id}#${index}#${nation}`) ?? { result: "not met" as const, action: null, attempts: [] };
        const responseTurns = found.action && found.result === "met" ? Math.max(0, found.action.turn - release.turn) : null;
        const inTime = responseTurns === null ? null : responseTurns <= ex.withinTurns;
        const verdict: Verdict = found.result === "met" && inTime === false ? "partly" : found.result;
        return {
          nation,
          result: found.result,
          verdict,
          responseTurns: found.result === "for the evaluator" && found.action ? Math.max(0, found.action.turn - release.turn) : responseTurns,
          inTime,
          action: found.action,
          attempts: found.attempts,
        };
      }),
    }));
    const verdicts = expected.flatMap((e) => e.byNation.map((n) => n.verdict)).filter((v) => v !== "for the evaluator");
    const anyExpected = expected.some((e) => e.byNation.length > 0);
    const verdict: InjectReview["verdict"] = !release
      ? "not applicable"
      : !anyExpected
        ? "no expectation"
        : verdicts.length === 0
          ? "for the evaluator"
          : verdicts.every((v) => v === "met")
            ? "met"
            : verdicts.every((v) => v === "not met" || v === "attempted")
              ? "not met"
              : "partly";
    return {
      inject: inject.id,
      number: spec.number,
      title: spec.title,
      type: spec.type,
      to: spec.to,
      status: release ? "released" : "not applicable",
      injectStatus: inject.status,
      releasedTurn: release?.turn ?? null,
      releasedSeq: release?.seq ?? null,
      objective: spec.objective,
      capability: spec.capability,
      tasks: spec.tasks ?? [],
      expected,
      verdict,
      notes: notes.filter((n) => n.inject === inject.id).map((n) => ({ author: n.author, text: n.text, turn: n.turn })),
      ...("i18n" in spec && spec.i18n ? { i18n: spec.i18n as Translations } : {}),
    };
  });
}
