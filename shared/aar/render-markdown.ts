import type { AfterActionReport } from "./build-aar.ts";
import { aarTexts } from "./aar-texts.ts";
import { mselChangeLines } from "./msel-changes.ts";
import { controlSections } from "./control-record.ts";
import { DEFAULT_LANG, type Lang } from "../i18n/languages.ts";
import {
  executiveSummaryMd,
  analysisMd,
  observationsMd,
  adjudicationsMd,
  disseminationMd,
  improvementPlanMd,
  feedbackMd,
} from "./render-markdown-evaluation.ts";

const cell = (s: string | number | null) =>
  String(s ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\n/g, " ");

/** The AAR as Markdown, for wikis and e-mail, in one language. */
export function renderMarkdown(r: AfterActionReport, lang: Lang = DEFAULT_LANG): string {
  const x = aarTexts(r, lang);
  const { t } = x;
  const lines: string[] = [];
  const e = r.exercise;
  const row = (...cells: (string | number | null)[]) => `| ${cells.map(cell).join(" | ")} |`;
  const head = (...cells: string[]) => [row(...cells), `|${cells.map(() => "---").join("|")}|`];
  // An exercise named after its scenario reads the scenario's title in the report's language.
  const exerciseTitle = e.title === e.scenarioTitle ? x.scenarioTitle() : e.title;
  lines.push(`# ${t("aar.titleOf", { title: exerciseTitle })}`, "");
  lines.push(
    t("aar.sub", {
      title: exerciseTitle,
      scenario: `**${x.scenarioTitle()}**`,
      played: x.num(e.turnsPlayed),
      turns: x.num(e.turns),
      phase: x.term("phase", e.phase),
      events: e.events,
    }),
    "",
  );
  lines.push(
    t("aar.scenarioPeriod", { start: x.scenarioTime(1), end: x.when(x.turnStart(Math.max(e.turnsPlayed, 1)) + e.hoursPerTurn * 3600_000), zone: x.zone }),
    "",
  );
  lines.push(...executiveSummaryMd(r, x));
  lines.push(
    `## ${t("aar.section.overview")}`,
    "",
    x.summary(),
    "",
    `## ${t("aar.section.learningObjectives")}`,
    "",
    ...e.learningObjectives.map((_, i) => `- ${x.learningObjective(i)}`),
    "",
  );
  lines.push(...analysisMd(r, x));
  lines.push(`## ${t("aar.section.objectives")}`, "", ...head(t("aar.col.objective"), t("aar.col.owner"), t("aar.col.result")));
  for (const o of r.objectives)
    lines.push(row(x.local(o, "title"), x.nation(o.nation), o.met ? t("aar.metInTurn", { turn: o.metTurn ?? 0 }) : x.verdict("not met")));
  lines.push("", `## ${t("aar.section.injects")}`, "");
  for (const i of r.injects) {
    const status = x.term("injectStatus", i.injectStatus);
    const meta = [
      i.releasedTurn !== null ? t("aar.inject.statusInTurn", { status, turn: i.releasedTurn }) : t("aar.inject.status", { status }),
      t("aar.inject.verdict", { verdict: `**${x.verdict(i.verdict)}**` }),
      ...(i.capability ? [t("aar.inject.capability", { capability: x.local(i, "capability") })] : []),
    ];
    lines.push(`### ${i.number} ${x.local(i, "title")}`, "", meta.join(" · "), "");
    if (i.expected.length > 0) {
      lines.push(...head(t("aar.col.expected"), t("aar.col.nation"), t("aar.col.verdict"), t("aar.col.responseTurns"), t("aar.col.whatTheyDid")));
      for (const ex of i.expected)
        for (const n of ex.byNation)
          lines.push(
            row(
              x.local(ex, "description"),
              x.nation(n.nation),
              x.verdict(n.verdict),
              n.responseTurns === null ? "–" : x.num(n.responseTurns),
              n.action ? x.tm(n.action.detail) : "",
            ),
          );
      lines.push("");
    }
    for (const note of i.notes) lines.push(`> ${t("aar.observerNote", { author: note.author, turn: note.turn, text: note.text })}`, "");
  }
  lines.push(`## ${t("aar.section.timeline")}`, "", ...head(t("aar.col.turn"), t("aar.col.scenarioTime"), t("aar.col.event")));
  for (const item of r.timeline) lines.push(row(x.num(item.turn), x.scenarioTime(item.turn), x.tm(item.msg)));
  lines.push(
    "",
    `## ${t("aar.section.metricsByTurn")}`,
    "",
    ...head(t("aar.col.turn"), t("aar.col.cohesion"), t("aar.col.meanStability"), t("aar.col.objectivesMet")),
  );
  for (const m of r.metrics) lines.push(row(x.num(m.turn), x.num(m.cohesion), x.num(m.meanStability), x.num(m.objectivesMet)));
  lines.push("", `## ${t("aar.section.notes")}`, "");
  if (r.notes.length === 0) lines.push(t("aar.noneRecorded"));
  for (const n of r.notes) lines.push(`- ${t("aar.note", { turn: n.turn, author: n.author, text: n.text })}`);
  lines.push("", `## ${t("msel.aar.section")}`, "", ...mselChangeLines(r.mselChanges, x).map((line) => `- ${line}`));
  lines.push("");
  lines.push(...observationsMd(r, x), ...adjudicationsMd(r, x), ...disseminationMd(r, x), ...improvementPlanMd(r, x), ...feedbackMd(r, x));
  for (const s of controlSections(r.control, x)) lines.push("", `## ${s.title}`, "", ...s.lines.map((l) => `- ${l}`));
  return lines.join("\n") + "\n";
}
