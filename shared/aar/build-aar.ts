import type { ExerciseState } from "../state/schema.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import { evolve } from "../engine/evolve.ts";
import { transiently } from "../state/records.ts";
import { metricsSnapshot, type MetricsSnapshot } from "../engine/metrics.ts";
import { feedItemFor, type FeedItem } from "../view/feed.ts";
import { reviewOfJudged, type InjectReview } from "./inject-evaluation.ts";
import { outcomeJudge } from "./judge-outcomes.ts";
import { nationActionReader } from "./nation-actions.ts";
import type { Lang } from "../i18n/languages.ts";
import { reportOf } from "./report-of.ts";
import type { Msg } from "../i18n/message.ts";
import type { Translations } from "../i18n/text.ts";
import { mselChangeReader, type MselChange } from "./msel-changes.ts";
import { controlRecordReader, type ControlRecord } from "./control-record.ts";

import type { ImprovementItem, Observation } from "../state/schema.ts";
import { effectValue, type AdjustedValue, type FeedbackSummary, type ObjectiveAnalysis } from "./evaluation-data.ts";
import type { DisseminationRow } from "../engine/dissemination.ts";
export type { ImprovementItem };

/**
 * The report as data: codes, messages and the scenario's texts with their translations, so one
 * report renders in any language (render-*.ts take the language). `names` holds, per language,
 * the name of every scenario thing its messages refer to ("region:lakeland" → "Lakeland").
 */
export type AfterActionReport = {
  exercise: {
    id: string;
    title: string;
    scenarioId: string;
    scenarioTitle: string;
    summary: string;
    learningObjectives: string[];
    /** The scenario's main language: the language of the plain texts above. */
    mainLang: Lang;
    /** Translations of scenarioTitle (as "title"), summary and "learningObjectives[n]". */
    i18n?: Partial<Record<Lang, Record<string, string>>>;
    /** Scenario clock at the start of turn 1 (ISO 8601), hours per turn, and the zone it is read in. */
    startTime: string;
    hoursPerTurn: number;
    timeZone: string;
    turnsPlayed: number;
    turns: number;
    phase: string;
    startedAt: number | null;
    endedAt: number | null;
    events: number;
  };
  nations: { id: string; name: string; playable: boolean; alliance: boolean; color: string }[];
  objectives: { id: string; title: string; nation: string | null; met: boolean; metTurn: number | null; i18n?: Translations }[];
  timeline: { seq: number; turn: number; at: number; kind: FeedItem["kind"]; msg: Msg }[];
  injects: InjectReview[];
  metrics: MetricsSnapshot[];
  notes: { author: string; text: string; turn: number; inject: string | null; objective: string | null }[];
  /** Each adjudication with every value it changed, before and after. */
  adjudications: { seq: number; turn: number; by: string; rationale: string; changes: AdjustedValue[] }[];
  improvementPlan: ImprovementItem[];
  /** Counts for the executive summary. */
  summary: {
    injectsReleased: number;
    injectsNotApplicable: number;
    results: Record<"met" | "not met" | "attempted" | "for the evaluator", number>;
    lateResponses: number;
    objectivesMet: number;
    consensus: Record<"P" | "S" | "M" | "U", number>;
    observations: number;
    feedbackResponses: number;
  };
  /** Analysis per EEG objective and capability: tasks' automatic results, observations, ratings (empty without an EEG). */
  analysis: ObjectiveAnalysis[];
  /** Every observation, in time order, with the moment (seq) it refers to in the replay. */
  observations: Observation[];
  /** For each report (and releasable version): which nations held it from which turn. */
  dissemination: DisseminationRow[];
  feedback: FeedbackSummary;
  /** The replay viewer's address for this exercise, when the server knows it (links add "&seq=N"). */
  replayUrl: string | null;
  /** What exercise control changed in the MSEL during the exercise (msel-changes.ts); absent in reports made before the editor. */
  mselChanges?: MselChange[];
  /** The red cell's and exercise control's moves for nations, and the controller log (control-record.ts). */
  control: ControlRecord;
  names: Record<Lang, Record<string, string>>;
};

/** The key of a reference in the report's name tables. */
export const refKey = (kind: string, id: string) => `${kind}:${id}`;

/**
 * The after-action report is a fold of the log like everything else: the same input always
 * gives the same report, and nothing in it can disagree with the replay.
 */
export function buildAfterActionReport(initial: ExerciseState, events: readonly ExerciseEvent[], title: string): AfterActionReport {
  const fold = aarFold(initial, title);
  fold.add(events);
  return fold.finish();
}

/**
 * The report's one fold, fed the log a range at a time (`add`, in order) so that a week-long
 * exercise's report never holds its whole log (exportAar reads it in ranges): the timeline,
 * metrics, adjudications, outcomes, nations' actions, MSEL changes and control record each
 * read every event as it is folded. `finish` once, after the last range.
 */
export function aarFold(initial: ExerciseState, title: string): { add(events: readonly ExerciseEvent[]): void; finish(): AfterActionReport } {
  let state = initial;
  const metrics: MetricsSnapshot[] = [metricsSnapshot(state)];
  const timeline: AfterActionReport["timeline"] = [];
  const adjudications: AfterActionReport["adjudications"] = [];
  const judge = outcomeJudge(initial);
  const actions = nationActionReader();
  const msel = mselChangeReader();
  const control = controlRecordReader();
  let count = 0;
  let startedAt: number | null = null;
  let endedAt: number | null = null;
  const white = { kind: "white" } as const;
  // An adjustment's consequences are the events that follow it in the same decision (same time).
  // Its values before are read before it is folded: the fold below changes records in place
  // (records.ts; quadratic copying otherwise on a week-long log), so no earlier state is kept.
  let open: {
    at: number;
    entry: AfterActionReport["adjudications"][number];
    before: ReturnType<typeof effectValue>[];
    effects: StateAdjusted["effects"];
  } | null = null;
  const close = () => {
    if (!open) return;
    const o = open;
    o.entry.changes = o.effects.map((e, i) => ({ kind: e.kind, target: o.before[i]!.target, before: o.before[i]!.value, after: effectValue(state, e).value }));
    open = null;
  };
  const read = (event: ExerciseEvent) => {
    if (open && (event.at !== open.at || event.type === "stateAdjusted")) close();
    const valuesBefore = event.type === "stateAdjusted" ? event.effects.map((e) => effectValue(state, e)) : [];
    judge.before(event, state);
    state = evolve(state, event);
    judge.after(event, state);
    actions.read(event);
    msel.after(event, state);
    control.read(event);
    count += 1;
    if (event.type === "stateAdjusted") {
      const entry = { seq: event.seq, turn: state.turn, by: event.by, rationale: event.rationale, changes: [] as AdjustedValue[] };
      adjudications.push(entry);
      open = { at: event.at, entry, before: valuesBefore, effects: event.effects };
    }
    if (event.type === "exerciseStarted") startedAt = event.at;
    if (event.type === "exerciseEnded") endedAt = event.at;
    if (event.type === "turnStarted" && event.turn > 1) metrics.push(metricsSnapshot(state));
    const item = feedItemFor(event, state, white);
    if (item && item.kind !== "order") timeline.push({ seq: item.seq, turn: item.turn, at: event.at, kind: item.kind, msg: item.msg });
  };
  return {
    // Each range in a transient scope of its own: the state it ends with is copied once by the next.
    add: (events) => transiently(() => events.forEach(read)),
    finish: () => {
      close();
      return reportOf({
        initial,
        title,
        state,
        count,
        startedAt,
        endedAt,
        metrics,
        timeline,
        adjudications,
        injects: reviewOfJudged(judge.finish(actions.actions())),
        mselChanges: msel.changes,
        control: control.record,
      });
    },
  };
}

type StateAdjusted = Extract<ExerciseEvent, { type: "stateAdjusted" }>;
