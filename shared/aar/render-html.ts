import type { AfterActionReport } from "./build-aar.ts";
import { aarCharts } from "./charts.ts";
import type { Verdict } from "./inject-evaluation.ts";
import { aarTexts } from "./aar-texts.ts";
import {
  executiveSummaryHtml,
  analysisHtml,
  observationsHtml,
  adjudicationsHtml,
  disseminationHtml,
  improvementPlanHtml,
  feedbackHtml,
} from "./render-html-evaluation.ts";
import { mselChangeLines } from "./msel-changes.ts";
import { controlSections } from "./control-record.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/languages.ts";

const esc = (s: string | number | null) =>
  String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** A self-contained HTML page (inline CSS and SVG charts) that prints cleanly to PDF, in one language. */
export function renderHtml(r: AfterActionReport, lang: Lang = DEFAULT_LANG): string {
  const x = aarTexts(r, lang);
  const { t } = x;
  const e = r.exercise;
  const badge = (v: AfterActionReport["injects"][number]["verdict"] | Verdict) => `<span class="v ${v.replace(/ /g, "-")}">${esc(x.verdict(v))}</span>`;
  const sections: string[] = [];
  // An exercise named after its scenario reads the scenario's title in the report's language.
  const exerciseTitle = e.title === e.scenarioTitle ? x.scenarioTitle() : e.title;
  const sub = t("aar.sub", {
    title: exerciseTitle,
    scenario: x.scenarioTitle(),
    played: x.num(e.turnsPlayed),
    turns: x.num(e.turns),
    phase: x.term("phase", e.phase),
    events: e.events,
  });
  const period = t("aar.scenarioPeriod", {
    start: x.scenarioTime(1),
    end: x.when(x.turnStart(Math.max(e.turnsPlayed, 1)) + e.hoursPerTurn * 3600_000),
    zone: x.zone,
  });
  const played =
    e.startedAt === null
      ? ""
      : e.endedAt === null
        ? t("aar.playedSince", { start: x.when(e.startedAt) })
        : t("aar.playedFrom", { start: x.when(e.startedAt), end: x.when(e.endedAt) });
  sections.push(
    `<header><h1>${esc(t("aar.title"))}</h1><p class="sub">${esc(sub)}</p><p class="sub">${esc(period)}${played ? ` · ${esc(played)}` : ""}</p></header>`,
  );
  sections.push(executiveSummaryHtml(r, x));
  sections.push(
    `<section><h2>${esc(t("aar.section.overview"))}</h2><p>${esc(x.summary())}</p><h3>${esc(t("aar.section.learningObjectives"))}</h3><ul>${e.learningObjectives.map((_, i) => `<li>${esc(x.learningObjective(i))}</li>`).join("")}</ul></section>`,
  );
  sections.push(analysisHtml(r, x));
  sections.push(
    `<section><h2>${esc(t("aar.section.objectives"))}</h2><table><thead><tr><th>${esc(t("aar.col.objective"))}</th><th>${esc(t("aar.col.owner"))}</th><th>${esc(t("aar.col.result"))}</th></tr></thead><tbody>${r.objectives
      .map(
        (o) =>
          `<tr><td>${esc(x.local(o, "title"))}</td><td>${esc(x.nation(o.nation))}</td><td>${o.met ? badge("met") + ` ${esc(t("aar.inTurn", { turn: o.metTurn ?? 0 }))}` : badge("not met")}</td></tr>`,
      )
      .join("")}</tbody></table></section>`,
  );
  sections.push(
    `<section class="charts"><h2>${esc(t("aar.section.metrics"))}</h2>${aarCharts(r, undefined, lang)
      .map((c) => `<figure>${c.svg}</figure>`)
      .join("")}</section>`,
  );
  sections.push(
    `<section><h2>${esc(t("aar.section.injects"))}</h2>${r.injects
      .map((i) => {
        const status = x.term("injectStatus", i.injectStatus);
        const meta = [
          x.term("injectType", i.type),
          i.releasedTurn !== null ? t("aar.inject.statusInTurn", { status, turn: i.releasedTurn }) : t("aar.inject.status", { status }),
          ...(i.capability ? [t("aar.inject.capability", { capability: x.local(i, "capability") })] : []),
          ...(i.objective ? [t("aar.inject.objective", { objective: x.local(i, "objective") })] : []),
        ];
        const table = i.expected.length
          ? `<table><thead><tr><th>${esc(t("aar.col.expected"))}</th><th>${esc(t("aar.col.nation"))}</th><th>${esc(t("aar.col.verdict"))}</th><th>${esc(t("aar.col.response"))}</th><th>${esc(t("aar.col.whatTheyDid"))}</th></tr></thead><tbody>${i.expected
              .flatMap((ex) =>
                ex.byNation.map(
                  (n) =>
                    `<tr><td>${esc(x.local(ex, "description"))}</td><td>${esc(x.nation(n.nation))}</td><td>${badge(n.verdict)}</td><td>${n.responseTurns === null ? "–" : esc(t("aar.turns", { turns: n.responseTurns }))}</td><td>${esc(n.action ? x.tm(n.action.detail) : "")}</td></tr>`,
                ),
              )
              .join("")}</tbody></table>`
          : "";
        const notes = i.notes.map((n) => `<blockquote>${esc(t("aar.observerNote", { author: n.author, turn: n.turn, text: n.text }))}</blockquote>`).join("");
        return `<article class="inject"><h3>${esc(i.number)} ${esc(x.local(i, "title"))} ${badge(i.verdict)}</h3><p class="meta">${esc(meta.join(" · "))}</p>${table}${notes}</article>`;
      })
      .join("")}</section>`,
  );
  sections.push(
    `<section><h2>${esc(t("aar.section.timeline"))}</h2><table><thead><tr><th>${esc(t("aar.col.turn"))}</th><th>${esc(t("aar.col.scenarioTime"))}</th><th>${esc(t("aar.col.event"))}</th></tr></thead><tbody>${r.timeline
      .map((item) => `<tr><td>${esc(x.num(item.turn))}</td><td>${esc(x.scenarioTime(item.turn))}</td><td>${esc(x.tm(item.msg))}</td></tr>`)
      .join("")}</tbody></table></section>`,
  );
  sections.push(
    `<section><h2>${esc(t("aar.section.notes"))}</h2>${r.notes.length ? `<ul>${r.notes.map((n) => `<li>${esc(t("aar.note", { turn: n.turn, author: n.author, text: n.text }))}</li>`).join("")}</ul>` : `<p>${esc(t("aar.noneRecorded"))}</p>`}</section>`,
  );
  sections.push(
    `<section><h2>${esc(t("msel.aar.section"))}</h2><ul>${mselChangeLines(r.mselChanges, x)
      .map((line) => `<li>${esc(line)}</li>`)
      .join("")}</ul></section>`,
  );
  sections.push(observationsHtml(r, x));
  sections.push(adjudicationsHtml(r, x));
  sections.push(disseminationHtml(r, x));
  sections.push(improvementPlanHtml(r, x));
  sections.push(feedbackHtml(r, x));
  for (const s of controlSections(r.control, x))
    sections.push(`<section><h2>${esc(s.title)}</h2><ul>${s.lines.map((l) => `<li>${esc(l)}</li>`).join("")}</ul></section>`);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t("aar.htmlTitle", { title: exerciseTitle }))}</title><style>${CSS}</style></head><body>${sections.join("")}</body></html>`;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;max-width:960px;margin:24px auto;padding:0 16px}
h1{font-size:24px;margin:0}h2{font-size:18px;border-bottom:2px solid #0072b2;padding-bottom:4px;margin-top:28px}h3{font-size:15px;margin:16px 0 4px}
.sub,.meta{color:#444}table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}th{background:#eef3f8}
.v{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;font-weight:600;border:1px solid #666}
.v.met{background:#d9f0e3}.v.partly{background:#fff1c2}.v.not-met{background:#f9d6d0}.v.not-applicable,.v.no-expectation,.v.for-the-evaluator{background:#eee}.v.attempted{background:#fde4c8}
figure{margin:8px 0;break-inside:avoid}.chart{width:100%;height:auto}blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #999;color:#333}
article.inject,div.capability,li.obs{break-inside:avoid}h4{font-size:14px;margin:12px 0 2px}h5{font-size:13px;margin:8px 0 2px}
li.obs.strength{border-left:3px solid #009e73;padding-left:6px;list-style:none}li.obs.improvement{border-left:3px solid #d55e00;padding-left:6px;list-style:none}
.rating{display:inline-block;min-width:1.6em;text-align:center;font-weight:700;border:1px solid #444;border-radius:3px;padding:0 4px}.r-P{background:#d9f0e3}.r-S{background:#eef7d0}.r-M{background:#fff1c2}.r-U{background:#f9d6d0}
@page{margin:16mm}
@media print{body{margin:0;max-width:none;font-size:11pt}h2,h3,h4{break-after:avoid}a{color:inherit;text-decoration:none}section.charts,section.ip{break-before:page}table{font-size:9.5pt}thead{display:table-header-group}tr{break-inside:avoid}}
`;
