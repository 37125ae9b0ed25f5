import type { AfterActionReport } from "./build-aar.ts";
import { aarTexts } from "./aar-texts.ts";
import { renderCsv } from "./render-csv.ts";
import { writeCsv, type CsvCell } from "../csv/write-csv.ts";
import { thingName } from "./render-html-evaluation.ts";
import { momentUrl } from "./moment-url.ts";
import { improvementRows, feedbackObjectiveTitle } from "./render-markdown-evaluation.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/languages.ts";

/** One table of the report as a CSV file: `name` is the file's name in the zip (stable, English, for scripts). */
export type CsvTable = { name: string; csv: string };

/**
 * Every table of the after-action report, one CSV each (the export zips them): the inject
 * evaluation, objectives, timeline, metrics by turn, notes, observations, capability ratings,
 * adjudications with every value before and after, the dissemination matrix, the improvement
 * plan and the participant feedback (anonymous). Every cell goes through writeCsv, so a text
 * that starts like a formula is neutralised in every table.
 */
export function renderCsvTables(r: AfterActionReport, lang: Lang = DEFAULT_LANG): CsvTable[] {
  const x = aarTexts(r, lang);
  const { t } = x;
  const table = (name: string, header: string[], rows: CsvCell[][]): CsvTable => ({ name: `${name}.csv`, csv: writeCsv(header, rows) });
  const capabilityName = (id: string | null) => {
    if (!id) return "";
    for (const o of r.analysis) for (const c of o.capabilities) if (c.id === id) return x.local(c, "name");
    return id;
  };
  const taskTitle = (id: string | null) => {
    if (!id) return "";
    for (const o of r.analysis) for (const c of o.capabilities) for (const k of c.tasks) if (k.id === id) return x.local(k, "title");
    return id;
  };
  const injectNumber = (id: string | null) => (id ? (r.injects.find((i) => i.inject === id)?.number ?? id) : "");
  const moment = (seq: number) => momentUrl(r, seq) ?? seq;
  const ip = improvementRows(r, x);
  const nations = r.nations.map((n) => n.id);
  return [
    { name: "injects.csv", csv: renderCsv(r, lang) },
    table(
      "objectives",
      [t("aar.col.objective"), t("aar.col.owner"), t("aar.col.result"), t("aar.col.turn")],
      r.objectives.map((o) => [x.local(o, "title"), x.nation(o.nation), x.verdict(o.met ? "met" : "not met"), o.metTurn]),
    ),
    table(
      "timeline",
      [t("aar.col.turn"), t("aar.col.scenarioTime"), t("aar.col.event"), t("evalui.csv.moment")],
      r.timeline.map((i) => [i.turn, x.scenarioTime(i.turn), x.tm(i.msg), moment(i.seq)]),
    ),
    table(
      "metrics",
      [t("aar.col.turn"), t("aar.col.cohesion"), t("aar.col.meanStability"), t("aar.col.objectivesMet")],
      r.metrics.map((m) => [m.turn, m.cohesion, m.meanStability, m.objectivesMet]),
    ),
    table(
      "notes",
      [t("aar.col.turn"), t("evaluation.aar.col.by"), t("evalui.csv.text"), t("evalui.csv.inject")],
      r.notes.map((n) => [n.turn, n.author, n.text, injectNumber(n.inject)]),
    ),
    table(
      "observations",
      [
        t("evalui.csv.time"),
        t("aar.col.turn"),
        t("evalui.csv.evaluator"),
        t("evalui.csv.kind"),
        t("evaluation.ip.capability"),
        t("evalui.csv.task"),
        t("evalui.csv.inject"),
        t("aar.col.nation"),
        t("evalui.csv.text"),
        t("evalui.csv.moment"),
      ],
      r.observations.map((o) => [
        x.when(o.at),
        o.turn,
        o.author,
        t(o.kind === "strength" ? "evalui.obs.strength" : "evalui.obs.improvement"),
        capabilityName(o.capability),
        taskTitle(o.task),
        injectNumber(o.inject),
        o.nation ? x.nation(o.nation) : "",
        o.text,
        moment(o.seq),
      ]),
    ),
    table(
      "ratings",
      [
        t("aar.col.objective"),
        t("evaluation.ip.capability"),
        t("evalui.csv.evaluator"),
        t("evalui.rate.rating"),
        t("evaluation.aar.col.rationale"),
        t("aar.col.turn"),
        t("evalui.csv.time"),
      ],
      r.analysis.flatMap((o) =>
        o.capabilities.flatMap((c) => [
          ...c.ratings.map((g) => [
            x.local(o, "title"),
            x.local(c, "name"),
            g.by,
            t("evalui.rating.words", { rating: g.rating }),
            g.rationale,
            g.turn,
            x.when(g.at),
          ]),
          ...(c.consensus
            ? [
                [
                  x.local(o, "title"),
                  x.local(c, "name"),
                  t("evalui.csv.consensusBy", { by: c.consensus.by }),
                  t("evalui.rating.words", { rating: c.consensus.rating }),
                  c.consensus.rationale,
                  c.consensus.turn,
                  x.when(c.consensus.at),
                ],
              ]
            : []),
        ]),
      ),
    ),
    table(
      "adjudications",
      [
        t("aar.col.turn"),
        t("evaluation.aar.col.by"),
        t("evaluation.aar.col.rationale"),
        t("evaluation.aar.col.value"),
        t("evaluation.aar.col.before"),
        t("evaluation.aar.col.after"),
      ],
      r.adjudications.flatMap((a) =>
        (a.changes.length ? a.changes : [null]).map((c) => [
          a.turn,
          a.by,
          a.rationale,
          c
            ? t("evaluation.aar.changeWhat", {
                kind: c.kind,
                target: c.target
                  .split("|")
                  .map((id) => thingName(r, x, id))
                  .join(" – "),
              })
            : "",
          c?.before ?? "",
          c?.after ?? "",
        ]),
      ),
    ),
    table(
      "dissemination",
      [t("evaluation.aar.col.report"), t("evaluation.aar.col.classification"), t("evaluation.aar.col.originator"), ...nations.map((n) => x.nation(n))],
      r.dissemination.map((d) => [
        d.words ? x.tm(d.words) : x.local(d, "title"),
        d.classification,
        x.nation(d.originator),
        ...nations.map((n) =>
          d.holders[n]
            ? t("evaluation.aar.heldFrom", {
                turn: d.holders[n]!.turn,
                from: d.holders[n]!.from ? x.nation(d.holders[n]!.from) : "",
                redacted: d.holders[n]!.redacted ? "yes" : "no",
              })
            : "",
        ),
      ]),
    ),
    table("improvement-plan", ip.head, ip.rows),
    table(
      "feedback-ratings",
      [t("aar.col.objective"), t("evaluation.aar.col.answers"), t("evaluation.aar.col.mean"), "1", "2", "3", "4", "5"],
      r.feedback.ratings.map((g) => [feedbackObjectiveTitle(r, x, g.objective), g.count, g.mean, ...g.counts]),
    ),
    // Anonymous: the texts without seat, name, nation or time, in the order given.
    table(
      "feedback-comments",
      [t("evalui.csv.kind"), t("evalui.csv.text")],
      [
        ...r.feedback.strengths.map((s) => [t("evaluation.aar.strengths"), s]),
        ...r.feedback.improvements.map((s) => [t("evaluation.aar.improvements"), s]),
        ...r.feedback.comments.map((s) => [t("evaluation.feedback.comments"), s]),
      ],
    ),
  ];
}
