import type { ExerciseState, ImprovementItem } from "../state/schema.ts";
import { metricsSnapshot, type MetricsSnapshot } from "../engine/metrics.ts";
import { namesIn, scenarioLang } from "../view/feed.ts";
import type { InjectReview } from "./inject-evaluation.ts";
import { LANGUAGES } from "../i18n/languages.ts";
import { isMsg, isRef, msg, ref, type Msg, type Param } from "../i18n/message.ts";
import type { Translations } from "../i18n/text.ts";
import type { MselChange } from "./msel-changes.ts";
import type { ControlRecord } from "./control-record.ts";
import { analysis, feedbackSummary } from "./evaluation-data.ts";
import { disseminationMatrix } from "../engine/dissemination.ts";
import { refKey, type AfterActionReport } from "./build-aar.ts";

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

/** What the report's fold gathered (aarFold), read once at the end. */
export type Folded = {
  initial: ExerciseState;
  title: string;
  state: ExerciseState;
  count: number;
  startedAt: number | null;
  endedAt: number | null;
  metrics: MetricsSnapshot[];
  timeline: AfterActionReport["timeline"];
  adjudications: AfterActionReport["adjudications"];
  injects: InjectReview[];
  mselChanges: MselChange[];
  control: ControlRecord;
};

/** The report from its fold: the sections read off the last state, with the names its messages refer to. */
export function reportOf(folded: Folded): AfterActionReport {
  const { state, title, count, startedAt, endedAt, metrics, timeline, adjudications, injects } = folded;
  const last = metrics[metrics.length - 1]!;
  if (last.seq !== state.seq) metrics.push(metricsSnapshot(state));
  const scenario = state.scenario as ExerciseState["scenario"] & { i18n?: AfterActionReport["exercise"]["i18n"]; timeZone?: unknown };
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
      events: count,
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
    mselChanges: folded.mselChanges,
    control: folded.control,
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
