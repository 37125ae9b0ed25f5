import type { ExerciseState } from "../state/schema.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import { evolve } from "../engine/evolve.ts";
import { transiently } from "../state/records.ts";
import { metricsSnapshot, type MetricsSnapshot } from "../engine/metrics.ts";
import { feedItemFor, namesIn, scenarioLang, type FeedItem } from "../view/feed.ts";
import { reviewInjects, type InjectReview } from "./inject-evaluation.ts";
import { LANGUAGES, type Lang } from "../i18n/languages.ts";
import { isMsg, isRef, msg, ref, type Msg, type Param } from "../i18n/message.ts";
import type { Translations } from "../i18n/text.ts";
import { mselChanges, type MselChange } from "./msel-changes.ts";
import { controlRecord, type ControlRecord } from "./control-record.ts";

import type { ImprovementItem, Observation } from "../state/schema.ts";
import { analysis, effectValue, feedbackSummary, type AdjustedValue, type FeedbackSummary, type ObjectiveAnalysis } from "./evaluation-data.ts";
import { disseminationMatrix, type DisseminationRow } from "../engine/dissemination.ts";
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

/** A time zone Intl knows, or UTC. */
function zoneOf(value: unknown): string {
  if (typeof value !== "string" || !value) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    return "UTC";
  }
}

/**
 * The after-action report is a fold of the log like everything else: the same input always
 * gives the same report, and nothing in it can disagree with the replay.
 */
export function buildAfterActionReport(initial: ExerciseState, events: readonly ExerciseEvent[], title: string): AfterActionReport {
  let state = initial;
  const metrics: MetricsSnapshot[] = [metricsSnapshot(state)];
  const timeline: AfterActionReport["timeline"] = [];
  const adjudications: AfterActionReport["adjudications"] = [];
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
  state = transiently(() => {
    for (const event of events) {
      if (open && (event.at !== open.at || event.type === "stateAdjusted")) close();
      const valuesBefore = event.type === "stateAdjusted" ? event.effects.map((e) => effectValue(state, e)) : [];
      state = evolve(state, event);
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
    }
    close();
    return state;
  });
  const last = metrics[metrics.length - 1]!;
  if (last.seq !== state.seq) metrics.push(metricsSnapshot(state));
  const scenario = state.scenario as ExerciseState["scenario"] & { i18n?: AfterActionReport["exercise"]["i18n"]; timeZone?: unknown };
  const injects = reviewInjects(initial, events);
  const disseminated = disseminationMatrix(state);
  const i18nOf = (item: object): { i18n?: Translations } => ("i18n" in item && item.i18n ? { i18n: item.i18n as Translations } : {});
  return {
    exercise: {
      id: state.exerciseId,
      title,
      scenarioId: scenario.id,
      scenarioTitle: scenario.title,
      summary: scenario.summary,
      learningObjectives: scenario.learningObjectives,
      mainLang: scenarioLang(state),
      ...(scenario.i18n ? { i18n: scenario.i18n } : {}),
      startTime: scenario.startTime,
      hoursPerTurn: scenario.hoursPerTurn,
      timeZone: zoneOf(scenario.timeZone),
      turnsPlayed: state.turn,
      turns: scenario.turns,
      phase: state.phase,
      startedAt,
      endedAt,
      events: events.length,
    },
    nations: Object.values(state.nations).map((n) => ({ id: n.id, name: n.name, playable: n.playable, alliance: n.alliance, color: n.color })),
    objectives: scenario.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      nation: o.nation ?? null,
      met: state.objectives[o.id]?.met ?? false,
      metTurn: state.objectives[o.id]?.metTurn ?? null,
      ...i18nOf(o),
    })),
    timeline,
    injects,
    metrics,
    notes: Object.values(state.notes).map((n) => ({ author: n.author, text: n.text, turn: n.turn, inject: n.inject, objective: n.objective })),
    adjudications,
    improvementPlan: improvementsOf(state),
    summary: summaryOf(state, injects),
    analysis: analysis(state, injects),
    observations: Object.values(state.evaluation?.observations ?? {}).sort((a, b) => a.at - b.at || a.seq - b.seq),
    dissemination: disseminated,
    feedback: feedbackSummary(state),
    replayUrl: null,
    names: nameTables(state, [
      ...timeline.map((t) => t.msg),
      ...injects.flatMap((i) =>
        i.expected.flatMap((e) => e.byNation.flatMap((n) => [...(n.action ? [n.action.detail] : []), ...n.attempts.map((a) => a.detail)])),
      ),
      // The engine's report titles in the dissemination matrix.
      ...disseminated.flatMap((d) => (d.words ? [d.words] : [])),
      // What adjudications changed, named in the report's tables.
      ...adjudications.flatMap((a) =>
        a.changes.flatMap((c) =>
          c.target
            .split("|")
            .flatMap((id) =>
              state.regions[id] ? [msg("common.unknown", { r: ref("region", id) })] : state.assets[id] ? [msg("common.unknown", { r: ref("asset", id) })] : [],
            ),
        ),
      ),
    ]),
    mselChanges: mselChanges(initial, events),
    control: controlRecord(events),
  };
}

/** Every nation, and every thing the messages refer to, named in each language. */
function nameTables(state: ExerciseState, messages: readonly Msg[]): AfterActionReport["names"] {
  const refs = new Map<string, { ref: string; id: string }>();
  for (const id of Object.keys(state.nations)) refs.set(refKey("nation", id), { ref: "nation", id });
  const walk = (value: Param | undefined): void => {
    if (value === undefined || typeof value !== "object") return;
    if (Array.isArray(value)) return void value.forEach(walk);
    if (isRef(value)) refs.set(refKey(value.ref, value.id), value);
    else if (isMsg(value)) for (const v of Object.values(value.params ?? {})) walk(v);
  };
  messages.forEach(walk);
  const tables = {} as AfterActionReport["names"];
  for (const lang of LANGUAGES) {
    const nameOf = namesIn(state, lang);
    tables[lang] = Object.fromEntries([...refs].map(([key, r]) => [key, nameOf(r as Parameters<typeof nameOf>[0])]));
  }
  return tables;
}

type StateAdjusted = Extract<ExerciseEvent, { type: "stateAdjusted" }>;

function summaryOf(state: ExerciseState, injects: readonly InjectReview[]): AfterActionReport["summary"] {
  const results = { met: 0, "not met": 0, attempted: 0, "for the evaluator": 0 };
  let late = 0;
  for (const i of injects)
    for (const e of i.expected)
      for (const n of e.byNation) {
        if (n.result !== "not applicable") results[n.result] += 1;
        if (n.inTime === false) late += 1;
      }
  const consensus = { P: 0, S: 0, M: 0, U: 0 };
  for (const r of Object.values(state.evaluation?.consensus ?? {})) consensus[r.rating] += 1;
  return {
    injectsReleased: injects.filter((i) => i.status === "released").length,
    injectsNotApplicable: injects.filter((i) => i.status === "not applicable").length,
    results,
    lateResponses: late,
    objectivesMet: Object.values(state.objectives).filter((o) => o.met).length,
    consensus,
    observations: Object.keys(state.evaluation?.observations ?? {}).length,
    feedbackResponses: Object.keys(state.evaluation?.feedback ?? {}).length,
  };
}

function improvementsOf(state: ExerciseState): ImprovementItem[] {
  return Object.values(state.improvements).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}
