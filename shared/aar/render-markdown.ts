import type { AfterActionReport } from "./build-aar.ts";

const cell = (s: string | number | null) => String(s ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ");
const nationName = (r: AfterActionReport, id: string | null) => (id ? (r.nations.find((n) => n.id === id)?.name ?? id) : "Alliance");

/** The AAR as Markdown, for wikis and e-mail. */
export function renderMarkdown(r: AfterActionReport): string {
  const lines: string[] = [];
  const e = r.exercise;
  lines.push(`# After-action report: ${e.title}`, "");
  lines.push(`Scenario: **${e.scenarioTitle}** · turns played: ${e.turnsPlayed} of ${e.turns} · status: ${e.phase} · ${e.events} events recorded`, "");
  lines.push(e.summary, "", "## Learning objectives", "", ...e.learningObjectives.map((o) => `- ${o}`), "");
  lines.push("## Objectives", "", "| objective | owner | result |", "|---|---|---|");
  for (const o of r.objectives) lines.push(`| ${cell(o.title)} | ${cell(nationName(r, o.nation))} | ${o.met ? `met (turn ${o.metTurn})` : "not met"} |`);
  lines.push("", "## Inject-by-inject evaluation", "");
  for (const i of r.injects) {
    lines.push(`### ${i.number} ${i.title}`, "", `Status: ${i.status}${i.releasedTurn !== null ? ` (turn ${i.releasedTurn})` : ""} · verdict: **${i.verdict}**${i.capability ? ` · capability: ${i.capability}` : ""}`, "");
    if (i.expected.length > 0) {
      lines.push("| expected action | nation | verdict | response (turns) | what they did |", "|---|---|---|---|---|");
      for (const ex of i.expected) for (const n of ex.byNation) lines.push(`| ${cell(ex.description)} | ${cell(nationName(r, n.nation))} | ${n.verdict} | ${n.responseTurns ?? "–"} | ${cell(n.action?.detail ?? "")} |`);
      lines.push("");
    }
    for (const note of i.notes) lines.push(`> Observer (${note.author}, turn ${note.turn}): ${note.text}`, "");
  }
  lines.push("## Timeline of key events", "", "| turn | event |", "|---|---|");
  for (const t of r.timeline) lines.push(`| ${t.turn} | ${cell(t.text)} |`);
  lines.push("", "## Metrics by turn", "", `| turn | cohesion | mean stability | objectives met |`, "|---|---|---|---|");
  for (const m of r.metrics) lines.push(`| ${m.turn} | ${m.cohesion} | ${m.meanStability} | ${m.objectivesMet} |`);
  lines.push("", "## Observer notes", "");
  if (r.notes.length === 0) lines.push("None recorded.");
  for (const n of r.notes) lines.push(`- Turn ${n.turn}, ${n.author}: ${n.text}`);
  lines.push("", "## Adjudications", "");
  if (r.adjudications.length === 0) lines.push("None.");
  for (const a of r.adjudications) lines.push(`- Turn ${a.turn}, ${a.by}: ${a.rationale}`);
  lines.push("", "## Improvement plan", "", "| issue | recommendation | responsible | due |", "|---|---|---|---|");
  for (const p of r.improvementPlan) lines.push(`| ${cell(p.issue)} | ${cell(p.recommendation)} | ${cell(nationName(r, p.nation))} | ${cell(p.due)} |`);
  if (r.improvementPlan.length === 0) lines.push("| (none yet) | | | |");
  return lines.join("\n") + "\n";
}
