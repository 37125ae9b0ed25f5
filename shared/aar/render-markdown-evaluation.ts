import type { AfterActionReport } from "./build-aar.ts";
import type { AarTexts } from "./aar-texts.ts";
import type { Observation } from "../state/schema.ts";
import { thingName } from "./render-html-evaluation.ts";
import { momentUrl } from "./moment-url.ts";

/**
 * The HSEEP chapters of the Markdown report, the same as the HTML report's
 * (render-html-evaluation.ts): executive summary, analysis per objective and capability,
 * observations, adjudications with values before and after, dissemination matrix, the full
 * improvement plan and participant feedback.
 */
export const mdCell = (s: string | number | null | undefined) =>
  String(s ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");
const row = (...cells: (string | number | null | undefined)[]) => `| ${cells.map(mdCell).join(" | ")} |`;
const table = (head: string[], rows: (string | number | null | undefined)[][], empty: string) => [
  row(...head),
  `|${head.map(() => "---").join("|")}|`,
  ...(rows.length ? rows.map((r) => row(...r)) : [row(empty, ...head.slice(1).map(() => ""))]),
  "",
];
/** Text on one line, so a line break in an observation cannot start a Markdown heading or list. */
const line = (s: string) => s.replace(/\r?\n+/g, " ");

function momentMd(r: AfterActionReport, seq: number, label: string): string {
  const url = momentUrl(r, seq);
  return url ? `[${label.replace(/[[\]]/g, "")}](${url})` : label;
}

function observationMd(r: AfterActionReport, x: AarTexts, o: Observation): string {
  const when = x.t("evaluation.aar.observedAt", { turn: o.turn, time: x.when(o.at) });
  const about = [o.inject ? (r.injects.find((i) => i.inject === o.inject)?.number ?? "") : "", o.nation ? x.nation(o.nation) : ""].filter(Boolean).join(" · ");
  const kind = x.t(o.kind === "strength" ? "evaluation.aar.strengths" : "evaluation.aar.improvements");
  return `- **${kind}** — ${momentMd(r, o.seq, when)} · ${x.t("evaluation.aar.signed", { author: o.author })}${about ? ` · ${about}` : ""}: ${line(o.text)}`;
}

export function executiveSummaryMd(r: AfterActionReport, x: AarTexts): string[] {
  const s = r.summary;
  const { t } = x;
  const out = [
    `## ${t("evaluation.aar.executiveSummary")}`,
    "",
    `- ${t("evaluation.aar.summary.injects", { released: s.injectsReleased, notApplicable: s.injectsNotApplicable })}`,
    `- ${t("evaluation.aar.summary.results", { met: s.results.met, notMet: s.results["not met"], attempted: s.results.attempted, evaluator: s.results["for the evaluator"], late: s.lateResponses })}`,
    `- ${t("evaluation.aar.summary.objectives", { met: s.objectivesMet, total: r.objectives.length })}`,
    `- ${t("evaluation.aar.summary.ratings", { p: s.consensus.P, s: s.consensus.S, m: s.consensus.M, u: s.consensus.U })}`,
    `- ${t("evaluation.aar.summary.observations", { observations: s.observations, feedback: s.feedbackResponses })}`,
    "",
  ];
  const strengths = r.observations.filter((o) => o.kind === "strength").slice(0, 3);
  const improvements = r.observations.filter((o) => o.kind === "improvement").slice(0, 3);
  if (strengths.length) out.push(`### ${t("evaluation.aar.majorStrengths")}`, "", ...strengths.map((o) => observationMd(r, x, o)), "");
  if (improvements.length) out.push(`### ${t("evaluation.aar.primaryImprovements")}`, "", ...improvements.map((o) => observationMd(r, x, o)), "");
  return out;
}

export function analysisMd(r: AfterActionReport, x: AarTexts): string[] {
  const { t } = x;
  const out = [`## ${t("evaluation.aar.analysis")}`, ""];
  if (r.analysis.length === 0) return [...out, t("evaluation.aar.noGuide"), ""];
  for (const o of r.analysis) {
    out.push(`### ${t("evaluation.aar.objective", { title: x.local(o, "title") })}`, "");
    for (const c of o.capabilities) {
      out.push(`#### ${t("evaluation.aar.capability", { name: x.local(c, "name") })}`, "");
      out.push(
        `${t("evaluation.aar.consensus")} ${c.consensus ? `**${c.consensus.rating}** ${t("evaluation.aar.consensusBy", { by: c.consensus.by, rationale: line(c.consensus.rationale) })}` : t("evaluation.aar.noConsensus")}`,
        "",
      );
      for (const g of c.ratings) out.push(`- **${g.rating}** ${t("evaluation.aar.ratedBy", { by: g.by })}${g.rationale ? ` — ${line(g.rationale)}` : ""}`);
      if (c.ratings.length) out.push("");
      out.push(`##### ${t("evaluation.aar.tasks")}`, "");
      for (const k of c.tasks)
        out.push(
          `- ${x.local(k, "title")}${k.results.length ? ` — ${k.results.map((res) => `${x.nation(res.nation)}: ${x.verdict(res.result as never)}`).join(", ")}` : ""}`,
        );
      out.push("");
      for (const [key, list] of [
        ["evaluation.aar.strengths", c.strengths],
        ["evaluation.aar.improvements", c.improvements],
      ] as const) {
        out.push(`##### ${t(key)}`, "", ...(list.length ? list.map((ob) => observationMd(r, x, ob)) : [t("aar.noneRecorded")]), "");
      }
    }
  }
  return out;
}

export function observationsMd(r: AfterActionReport, x: AarTexts): string[] {
  return [
    `## ${x.t("evaluation.aar.observations")}`,
    "",
    ...(r.observations.length ? r.observations.map((o) => observationMd(r, x, o)) : [x.t("aar.noneRecorded")]),
    "",
  ];
}

export function adjudicationsMd(r: AfterActionReport, x: AarTexts): string[] {
  const { t } = x;
  const rows = r.adjudications.flatMap((a) =>
    (a.changes.length ? a.changes : [null]).map((c, i) => [
      i === 0 ? x.num(a.turn) : "",
      i === 0 ? a.by : "",
      i === 0 ? a.rationale : "",
      c
        ? t("evaluation.aar.changeWhat", {
            kind: c.kind,
            target: c.target
              .split("|")
              .map((id) => thingName(r, x, id))
              .join(" – "),
          })
        : "",
      c ? c.before : "",
      c ? c.after : "",
    ]),
  );
  return [
    `## ${t("aar.section.adjudications")}`,
    "",
    ...table(
      [
        t("aar.col.turn"),
        t("evaluation.aar.col.by"),
        t("evaluation.aar.col.rationale"),
        t("evaluation.aar.col.value"),
        t("evaluation.aar.col.before"),
        t("evaluation.aar.col.after"),
      ],
      rows,
      t("aar.none"),
    ),
  ];
}

export function disseminationMd(r: AfterActionReport, x: AarTexts): string[] {
  const { t } = x;
  const nations = r.nations.map((n) => n.id);
  const rows = r.dissemination.map((d) => [
    (d.words ? x.tm(d.words) : x.local(d, "title")) +
      (d.versionOf ? ` ${t("evaluation.aar.versionOf", { report: r.dissemination.find((o) => o.report === d.versionOf)?.title ?? d.versionOf })}` : ""),
    d.classification,
    x.nation(d.originator),
    ...nations.map((n) => {
      const cell = d.holders[n];
      return cell ? t("evaluation.aar.heldFrom", { turn: cell.turn, from: cell.from ? x.nation(cell.from) : "", redacted: cell.redacted ? "yes" : "no" }) : "–";
    }),
  ]);
  return [
    `## ${t("evaluation.aar.dissemination")}`,
    "",
    t("evaluation.aar.disseminationHint"),
    "",
    ...table(
      [t("evaluation.aar.col.report"), t("evaluation.aar.col.classification"), t("evaluation.aar.col.originator"), ...nations.map((n) => x.nation(n))],
      rows,
      t("aar.none"),
    ),
  ];
}

/** The improvement plan's rows as every format writes them (Markdown here, one CSV table too). */
export function improvementRows(r: AfterActionReport, x: AarTexts): { head: string[]; rows: string[][] } {
  const { t } = x;
  const capName = (id: string | undefined) => {
    if (!id) return "";
    for (const o of r.analysis) for (const c of o.capabilities) if (c.id === id) return x.local(c, "name");
    return id;
  };
  return {
    head: [
      t("evaluation.ip.capability"),
      t("evaluation.ip.issue"),
      t("evaluation.ip.correctiveAction"),
      t("evaluation.ip.element"),
      t("evaluation.ip.organisation"),
      t("evaluation.ip.contact"),
      t("evaluation.ip.start"),
      t("evaluation.ip.completion"),
      t("evaluation.ip.statusLabel"),
    ],
    rows: r.improvementPlan.map((p) => [
      capName(p.capability),
      p.issue,
      p.recommendation,
      p.element ? t("evaluation.element", { element: p.element }) : "",
      p.organisation || x.nation(p.nation),
      p.contact ?? "",
      p.start ?? "",
      p.completion || p.due,
      t("evaluation.ip.status", { status: (p.status ?? "open").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) }),
    ]),
  };
}

export function improvementPlanMd(r: AfterActionReport, x: AarTexts): string[] {
  const { head, rows } = improvementRows(r, x);
  return [`## ${x.t("aar.section.improvement")}`, "", ...table(head, rows, x.t("aar.noneYet"))];
}

/** The feedback's objective titles: the EEG's, or the learning objectives. */
export function feedbackObjectiveTitle(r: AfterActionReport, x: AarTexts, id: string): string {
  const o = r.analysis.find((a) => a.id === id);
  if (o) return x.local(o, "title");
  const m = /^learning-(\d+)$/.exec(id);
  return m ? x.learningObjective(Number(m[1])) : id;
}

export function feedbackMd(r: AfterActionReport, x: AarTexts): string[] {
  const { t } = x;
  const f = r.feedback;
  const out = [`## ${t("evaluation.aar.feedback")}`, "", t("evaluation.aar.feedbackCount", { count: f.responses }), ""];
  out.push(
    ...table(
      [t("aar.col.objective"), t("evaluation.aar.col.answers"), t("evaluation.aar.col.mean"), t("evaluation.aar.col.distribution")],
      f.ratings.map((g) => [feedbackObjectiveTitle(r, x, g.objective), g.count, g.mean === null ? "–" : x.num(g.mean), g.counts.join(" / ")]),
      t("aar.none"),
    ),
  );
  for (const [key, items] of [
    ["evaluation.aar.strengths", f.strengths],
    ["evaluation.aar.improvements", f.improvements],
    ["evaluation.feedback.comments", f.comments],
  ] as const)
    if (items.length) out.push(`### ${t(key)}`, "", ...items.map((i) => `- ${line(i)}`), "");
  return out;
}
