import type { ExerciseState } from "../state/schema.ts";
import type { ExerciseEvent } from "../protocol/events.ts";
import { evolve } from "../engine/evolve.ts";
import { metricsSnapshot, type MetricsSnapshot } from "../engine/metrics.ts";
import { feedItemFor, namesIn, scenarioLang, type FeedItem } from "../view/feed.ts";
import { reviewInjects, type InjectReview } from "./inject-evaluation.ts";
import { LANGUAGES, type Lang } from "../i18n/languages.ts";
import { isMsg, isRef, type Msg, type Param } from "../i18n/message.ts";
import type { Translations } from "../i18n/text.ts";
import { controlRecord, type ControlRecord } from "./control-record.ts";

import type { ImprovementItem } from "../state/schema.ts";
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
  adjudications: { seq: number; turn: number; by: string; rationale: string }[];
  improvementPlan: ImprovementItem[];
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
  for (const event of events) {
    state = evolve(state, event);
    if (event.type === "exerciseStarted") startedAt = event.at;
    if (event.type === "exerciseEnded") endedAt = event.at;
    if (event.type === "turnStarted" && event.turn > 1) metrics.push(metricsSnapshot(state));
    if (event.type === "stateAdjusted") adjudications.push({ seq: event.seq, turn: state.turn, by: event.by, rationale: event.rationale });
    const item = feedItemFor(event, state, white);
    if (item && item.kind !== "order") timeline.push({ seq: item.seq, turn: item.turn, at: event.at, kind: item.kind, msg: item.msg });
  }
  const last = metrics[metrics.length - 1]!;
  if (last.seq !== state.seq) metrics.push(metricsSnapshot(state));
  const scenario = state.scenario as ExerciseState["scenario"] & { i18n?: AfterActionReport["exercise"]["i18n"]; timeZone?: unknown };
  const injects = reviewInjects(state, events);
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
    objectives: scenario.objectives.map((o) => ({ id: o.id, title: o.title, nation: o.nation ?? null, met: state.objectives[o.id]?.met ?? false, metTurn: state.objectives[o.id]?.metTurn ?? null, ...i18nOf(o) })),
    timeline,
    injects,
    metrics,
    notes: Object.values(state.notes).map((n) => ({ author: n.author, text: n.text, turn: n.turn, inject: n.inject, objective: n.objective })),
    adjudications,
    improvementPlan: improvementsOf(state),
    control: controlRecord(events),
    names: nameTables(state, [...timeline.map((t) => t.msg), ...injects.flatMap((i) => i.expected.flatMap((e) => e.byNation.flatMap((n) => (n.action ? [n.action.detail] : []))))]),
  };
}

/** Every nation, and every thing the messages refer to, named in each language. */
function nameTables(state: ExerciseState, messages: readonly Msg[]): AfterActionReport["names"] {
  const refs = new Map<string, { ref: string; id: string }>();
  for (const id of Object.keys(state.nations)) refs.set(refKey("nation", id), { ref: "nation", id });
  const walk = (value: Param | undefined): void => {
    if (value === undefined || typeof value !== "object") return;
    if (Array.isArray(value)) return value.forEach(walk);
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

function improvementsOf(state: ExerciseState): ImprovementItem[] {
  return Object.values(state.improvements).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}
