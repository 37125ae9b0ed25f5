import type { AfterActionReport } from "./build-aar.ts";
import { aarCharts } from "./charts.ts";

const esc = (s: string | number | null) => String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const nationName = (r: AfterActionReport, id: string | null) => (id ? (r.nations.find((n) => n.id === id)?.name ?? id) : "Alliance");

/** A self-contained HTML page (inline CSS and SVG charts) that prints cleanly to PDF. */
export function renderHtml(r: AfterActionReport): string {
  const e = r.exercise;
  const badge = (v: string) => `<span class="v ${v.replace(/ /g, "-")}">${esc(v)}</span>`;
  const sections: string[] = [];
  sections.push(`<header><h1>After-action report</h1><p class="sub">${esc(e.title)} · scenario <b>${esc(e.scenarioTitle)}</b> · turns played ${e.turnsPlayed} of ${e.turns} · ${esc(e.phase)} · ${e.events} events</p></header>`);
  sections.push(`<section><h2>Overview</h2><p>${esc(e.summary)}</p><h3>Learning objectives</h3><ul>${e.learningObjectives.map((o) => `<li>${esc(o)}</li>`).join("")}</ul></section>`);
  sections.push(
    `<section><h2>Objectives</h2><table><thead><tr><th>Objective</th><th>Owner</th><th>Result</th></tr></thead><tbody>${r.objectives
      .map((o) => `<tr><td>${esc(o.title)}</td><td>${esc(nationName(r, o.nation))}</td><td>${o.met ? badge("met") + ` turn ${o.metTurn}` : badge("not met")}</td></tr>`)
      .join("")}</tbody></table></section>`,
  );
  sections.push(`<section class="charts"><h2>Metrics over time</h2>${aarCharts(r).map((c) => `<figure>${c.svg}</figure>`).join("")}</section>`);
  sections.push(
    `<section><h2>Inject-by-inject evaluation</h2>${r.injects
      .map(
        (i) => `<article class="inject"><h3>${esc(i.number)} ${esc(i.title)} ${badge(i.verdict)}</h3><p class="meta">${esc(i.type)} · ${esc(i.status)}${i.releasedTurn !== null ? ` in turn ${i.releasedTurn}` : ""}${i.capability ? ` · capability: ${esc(i.capability)}` : ""}${i.objective ? ` · objective: ${esc(i.objective)}` : ""}</p>${
          i.expected.length
            ? `<table><thead><tr><th>Expected action</th><th>Nation</th><th>Verdict</th><th>Response</th><th>What they did</th></tr></thead><tbody>${i.expected
                .flatMap((ex) => ex.byNation.map((n) => `<tr><td>${esc(ex.description)}</td><td>${esc(nationName(r, n.nation))}</td><td>${badge(n.verdict)}</td><td>${n.responseTurns === null ? "–" : `${n.responseTurns} turn(s)`}</td><td>${esc(n.action?.detail ?? "")}</td></tr>`))
                .join("")}</tbody></table>`
            : ""
        }${i.notes.map((n) => `<blockquote>Observer ${esc(n.author)}, turn ${n.turn}: ${esc(n.text)}</blockquote>`).join("")}</article>`,
      )
      .join("")}</section>`,
  );
  sections.push(`<section><h2>Timeline of key events</h2><table><thead><tr><th>Turn</th><th>Event</th></tr></thead><tbody>${r.timeline.map((t) => `<tr><td>${t.turn}</td><td>${esc(t.text)}</td></tr>`).join("")}</tbody></table></section>`);
  sections.push(`<section><h2>Observer notes</h2>${r.notes.length ? `<ul>${r.notes.map((n) => `<li>Turn ${n.turn}, ${esc(n.author)}: ${esc(n.text)}</li>`).join("")}</ul>` : "<p>None recorded.</p>"}</section>`);
  sections.push(`<section><h2>Adjudications</h2>${r.adjudications.length ? `<ul>${r.adjudications.map((a) => `<li>Turn ${a.turn}, ${esc(a.by)}: ${esc(a.rationale)}</li>`).join("")}</ul>` : "<p>None.</p>"}</section>`);
  sections.push(
    `<section><h2>Improvement plan</h2><table><thead><tr><th>Issue</th><th>Recommendation</th><th>Responsible</th><th>Due</th></tr></thead><tbody>${
      r.improvementPlan.length ? r.improvementPlan.map((p) => `<tr><td>${esc(p.issue)}</td><td>${esc(p.recommendation)}</td><td>${esc(nationName(r, p.nation))}</td><td>${esc(p.due)}</td></tr>`).join("") : `<tr><td colspan="4">No items yet.</td></tr>`
    }</tbody></table></section>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AAR – ${esc(e.title)}</title><style>${CSS}</style></head><body>${sections.join("")}</body></html>`;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;max-width:960px;margin:24px auto;padding:0 16px}
h1{font-size:24px;margin:0}h2{font-size:18px;border-bottom:2px solid #0072b2;padding-bottom:4px;margin-top:28px}h3{font-size:15px;margin:16px 0 4px}
.sub,.meta{color:#444}table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}th{background:#eef3f8}
.v{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;font-weight:600;border:1px solid #666}
.v.met{background:#d9f0e3}.v.partly{background:#fff1c2}.v.not-met{background:#f9d6d0}.v.not-released,.v.no-expectation{background:#eee}
figure{margin:8px 0;break-inside:avoid}.chart{width:100%;height:auto}blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #999;color:#333}
article.inject{break-inside:avoid}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}a{color:inherit}}
`;
