import type { AfterActionReport } from "./build-aar.ts";
import type { AarTexts } from "./aar-texts.ts";
import type { Observation } from "../state/schema.ts";

/**
 * The HSEEP chapters of the HTML report: executive summary, analysis per objective and
 * capability, adjudications with values before and after, the dissemination matrix, the
 * improvement plan and participant feedback. Every text goes through `esc`.
 */
export const esc = (s: string | number | null | undefined) =>
  String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
const table = (head: string[], rows: string[][], empty: string) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.length ? rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("") : `<tr><td colspan="${head.length}">${esc(empty)}</td></tr>`}</tbody></table>`;

/** The replay viewer at the moment an observation refers to, when the report knows where the viewer is. */
export function momentLink(r: AfterActionReport, seq: number, label: string): string {
  return r.replayUrl ? `<a href="${esc(`${r.replayUrl}&seq=${seq}`)}">${esc(label)}</a>` : esc(label);
}

export function observationLine(r: AfterActionReport, x: AarTexts, o: Observation): string {
  const when = x.t("evaluation.aar.observedAt", { turn: o.turn, time: x.when(o.at) });
  const about = [o.inject ? (r.injects.find((i) => i.inject === o.inject)?.number ?? "") : "", o.nation ? x.nation(o.nation) : ""].filter(Boolean).join(" · ");
  return `<li class="obs ${o.kind}"><span class="meta">${momentLink(r, o.seq, when)} · ${esc(x.t("evaluation.aar.signed", { author: o.author }))}${about ? ` · ${esc(about)}` : ""}</span><br>${esc(o.text)}</li>`;
}

export function executiveSummaryHtml(r: AfterActionReport, x: AarTexts): string {
  const s = r.summary;
  const { t } = x;
  const items = [
    t("evaluation.aar.summary.injects", { released: s.injectsReleased, notApplicable: s.injectsNotApplicable }),
    t("evaluation.aar.summary.results", {
      met: s.results.met,
      notMet: s.results["not met"],
      attempted: s.results.attempted,
      evaluator: s.results["for the evaluator"],
      late: s.lateResponses,
    }),
    t("evaluation.aar.summary.objectives", { met: s.objectivesMet, total: r.objectives.length }),
    t("evaluation.aar.summary.ratings", { p: s.consensus.P, s: s.consensus.S, m: s.consensus.M, u: s.consensus.U }),
    t("evaluation.aar.summary.observations", { observations: s.observations, feedback: s.feedbackResponses }),
  ];
  const strengths = r.observations.filter((o) => o.kind === "strength").slice(0, 3);
  const improvements = r.observations.filter((o) => o.kind === "improvement").slice(0, 3);
  return `<section><h2>${esc(t("evaluation.aar.executiveSummary"))}</h2><ul>${items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>${
    strengths.length ? `<h3>${esc(t("evaluation.aar.majorStrengths"))}</h3><ul>${strengths.map((o) => observationLine(r, x, o)).join("")}</ul>` : ""
  }${improvements.length ? `<h3>${esc(t("evaluation.aar.primaryImprovements"))}</h3><ul>${improvements.map((o) => observationLine(r, x, o)).join("")}</ul>` : ""}</section>`;
}

export function analysisHtml(r: AfterActionReport, x: AarTexts): string {
  const { t } = x;
  if (r.analysis.length === 0) return `<section><h2>${esc(t("evaluation.aar.analysis"))}</h2><p>${esc(t("evaluation.aar.noGuide"))}</p></section>`;
  const rating = (v: string) => `<span class="rating r-${esc(v)}">${esc(t("evaluation.rating.label", { rating: v }))}</span>`;
  return `<section><h2>${esc(t("evaluation.aar.analysis"))}</h2>${r.analysis
    .map(
      (o) =>
        `<article class="objective"><h3>${esc(t("evaluation.aar.objective", { title: x.local(o, "title") }))}</h3>${o.capabilities
          .map((c) => {
            const consensus = c.consensus
              ? `${rating(c.consensus.rating)} ${esc(t("evaluation.aar.consensusBy", { by: c.consensus.by, rationale: c.consensus.rationale }))}`
              : esc(t("evaluation.aar.noConsensus"));
            const ratings = c.ratings.length
              ? `<ul>${c.ratings.map((g) => `<li>${rating(g.rating)} ${esc(t("evaluation.aar.ratedBy", { by: g.by }))}${g.rationale ? ` — ${esc(g.rationale)}` : ""}</li>`).join("")}</ul>`
              : "";
            const tasks = c.tasks
              .map(
                (k) =>
                  `<li>${esc(x.local(k, "title"))}${k.results.length ? ` — ${k.results.map((res) => `${esc(x.nation(res.nation))}: ${esc(x.verdict(res.result as never))}`).join(", ")}` : ""}</li>`,
              )
              .join("");
            const obs = (list: Observation[], key: "evaluation.aar.strengths" | "evaluation.aar.improvements") =>
              `<h5>${esc(t(key))}</h5>${list.length ? `<ul>${list.map((o) => observationLine(r, x, o)).join("")}</ul>` : `<p class="meta">${esc(t("aar.noneRecorded"))}</p>`}`;
            return `<div class="capability"><h4>${esc(t("evaluation.aar.capability", { name: x.local(c, "name") }))}</h4><p>${esc(t("evaluation.aar.consensus"))} ${consensus}</p>${ratings}<h5>${esc(t("evaluation.aar.tasks"))}</h5><ul>${tasks}</ul>${obs(c.strengths, "evaluation.aar.strengths")}${obs(c.improvements, "evaluation.aar.improvements")}</div>`;
          })
          .join("")}</article>`,
    )
    .join("")}</section>`;
}

export function observationsHtml(r: AfterActionReport, x: AarTexts): string {
  return `<section><h2>${esc(x.t("evaluation.aar.observations"))}</h2>${r.observations.length ? `<ul>${r.observations.map((o) => observationLine(r, x, o)).join("")}</ul>` : `<p>${esc(x.t("aar.noneRecorded"))}</p>`}</section>`;
}

/** A nation, region or asset by its name in the report's language. */
export function thingName(r: AfterActionReport, x: AarTexts, id: string): string {
  const names = r.names[x.lang] ?? {};
  return names[`nation:${id}`] ?? names[`region:${id}`] ?? names[`asset:${id}`] ?? (id === "tension" ? x.t("evaluation.aar.tension") : id);
}

export function adjudicationsHtml(r: AfterActionReport, x: AarTexts): string {
  const { t } = x;
  const rows = r.adjudications.flatMap((a) =>
    (a.changes.length ? a.changes : [null]).map((c, i) => [
      i === 0 ? esc(x.num(a.turn)) : "",
      i === 0 ? esc(a.by) : "",
      i === 0 ? esc(a.rationale) : "",
      c
        ? esc(
            t("evaluation.aar.changeWhat", {
              kind: c.kind,
              target: c.target
                .split("|")
                .map((id) => thingName(r, x, id))
                .join(" – "),
            }),
          )
        : "",
      c ? esc(valueText(x, c.kind, c.before)) : "",
      c ? esc(valueText(x, c.kind, c.after)) : "",
    ]),
  );
  return `<section><h2>${esc(t("aar.section.adjudications"))}</h2>${table([t("aar.col.turn"), t("evaluation.aar.col.by"), t("evaluation.aar.col.rationale"), t("evaluation.aar.col.value"), t("evaluation.aar.col.before"), t("evaluation.aar.col.after")], rows, t("aar.none"))}</section>`;
}

/** A value before or after an adjustment, in words: an asset's status is a term, a number a number. */
function valueText(x: AarTexts, kind: string, value: number | string | null): string {
  if (value === null) return "–";
  if (kind === "assetStatus" && typeof value === "string") return x.term("assetStatus", value);
  return typeof value === "number" ? x.num(value) : value;
}

export function disseminationHtml(r: AfterActionReport, x: AarTexts): string {
  const { t } = x;
  const nations = r.nations.map((n) => n.id);
  const rows = r.dissemination.map((d) => [
    esc(d.words ? x.tm(d.words) : x.local(d, "title")) +
      (d.versionOf
        ? ` <span class="meta">${esc(t("evaluation.aar.versionOf", { report: r.dissemination.find((o) => o.report === d.versionOf)?.title ?? d.versionOf }))}</span>`
        : ""),
    esc(d.classification),
    esc(x.nation(d.originator)),
    ...nations.map((n) => {
      const cell = d.holders[n];
      return cell
        ? esc(t("evaluation.aar.heldFrom", { turn: cell.turn, from: cell.from ? x.nation(cell.from) : "", redacted: cell.redacted ? "yes" : "no" }))
        : "–";
    }),
  ]);
  return `<section><h2>${esc(t("evaluation.aar.dissemination"))}</h2><p class="meta">${esc(t("evaluation.aar.disseminationHint"))}</p>${table([t("evaluation.aar.col.report"), t("evaluation.aar.col.classification"), t("evaluation.aar.col.originator"), ...nations.map((n) => x.nation(n))], rows, t("aar.none"))}</section>`;
}

export function improvementPlanHtml(r: AfterActionReport, x: AarTexts): string {
  const { t } = x;
  const capName = (id: string | undefined) => {
    if (!id) return "";
    for (const o of r.analysis) for (const c of o.capabilities) if (c.id === id) return x.local(c, "name");
    return id;
  };
  const rows = r.improvementPlan.map((p) => [
    esc(capName(p.capability)),
    esc(p.issue),
    esc(p.recommendation),
    esc(p.element ? t("evaluation.element", { element: p.element }) : ""),
    esc(p.organisation ?? x.nation(p.nation)),
    esc(p.contact ?? ""),
    esc(p.start ?? ""),
    esc(p.completion ?? p.due),
    esc(t("evaluation.ip.status", { status: (p.status ?? "open").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) })),
  ]);
  return `<section class="ip"><h2>${esc(t("aar.section.improvement"))}</h2>${table(
    [
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
    rows,
    t("aar.noItems"),
  )}</section>`;
}

export function feedbackHtml(r: AfterActionReport, x: AarTexts): string {
  const { t } = x;
  const f = r.feedback;
  const objectiveTitle = (id: string) => {
    const o = r.analysis.find((a) => a.id === id);
    if (o) return x.local(o, "title");
    const m = /^learning-(\d+)$/.exec(id);
    return m ? x.learningObjective(Number(m[1])) : id;
  };
  const rows = f.ratings.map((g) => [esc(objectiveTitle(g.objective)), esc(g.count), esc(g.mean === null ? "–" : x.num(g.mean)), esc(g.counts.join(" / "))]);
  const list = (key: "evaluation.aar.strengths" | "evaluation.aar.improvements" | "evaluation.feedback.comments", items: string[]) =>
    items.length ? `<h3>${esc(t(key))}</h3><ul>${items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>` : "";
  return `<section><h2>${esc(t("evaluation.aar.feedback"))}</h2><p>${esc(t("evaluation.aar.feedbackCount", { count: f.responses }))}</p>${table([t("aar.col.objective"), t("evaluation.aar.col.answers"), t("evaluation.aar.col.mean"), t("evaluation.aar.col.distribution")], rows, t("aar.none"))}${list("evaluation.aar.strengths", f.strengths)}${list("evaluation.aar.improvements", f.improvements)}${list("evaluation.feedback.comments", f.comments)}</section>`;
}
