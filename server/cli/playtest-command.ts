import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadScenarioFile, processIo, type Io } from "./io.ts";
import { commandArgs } from "./args.ts";
import { problemText } from "../../shared/scenario/validate.ts";
import { commandLanguage, sayIn, usageBlock, type Say } from "./text.ts";
import { formatNumber } from "../../shared/i18n/format.ts";
import { localText } from "../../shared/i18n/text.ts";
import { isLang } from "../../shared/i18n/languages.ts";
import { termKey, type Vocabulary } from "../../shared/i18n/terms.ts";
import type { Lang } from "../../shared/i18n/languages.ts";
import type { MessageKey } from "../../shared/i18n/catalog/index.ts";
import { isPersonaId, PERSONA_IDS } from "../../shared/bots/personas.ts";
import { sweep, type Mix, type PlaytestReport } from "../../shared/playtest/sweep.ts";
import { HEADLINE_METRICS } from "../../shared/playtest/end-metrics.ts";

export const PLAYTEST_SYNOPSIS = "concord playtest <scenario.json> [--seeds N] [--turns T] [--persona nation=persona …] [--json] [--log-out DIR]";
export const playtestUsage = (lang: Lang): string => usageBlock(PLAYTEST_SYNOPSIS, sayIn(lang)("cli.playtest.about", { personas: PERSONA_IDS.join(", ") }));

/** Exit code 0 when the exercises were played, 2 for a wrong argument, 1 for a broken scenario. */
export async function runPlaytest(
  argv: string[],
  io: Io = processIo,
  env: NodeJS.ProcessEnv = process.env,
  tty = Boolean(process.stderr.isTTY),
): Promise<number> {
  const { lang, args, error } = commandLanguage(argv, env);
  const say = sayIn(lang);
  if (error) return (io.err(`${error}\n`), 2);
  const parsed = commandArgs(
    "playtest",
    args,
    {
      seeds: { type: "string" },
      turns: { type: "string" },
      persona: { type: "string", multiple: true },
      json: { type: "boolean" },
      "log-out": { type: "string" },
    },
    { say, usage: playtestUsage(lang), io },
  );
  if ("exit" in parsed) return parsed.exit;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return (io.err(`${say("cli.playtest.nameFile")}\n${playtestUsage(lang)}\n`), 2);
  const seeds = wholeNumber(values.seeds ?? "5", 1, 1000);
  const turns = values.turns === undefined ? undefined : wholeNumber(values.turns, 1, 100);
  if (seeds === null) return (io.err(say("cli.playtest.badNumber", { option: "--seeds", value: values.seeds ?? "", min: 1, max: 1000 }) + "\n"), 2);
  if (turns === null) return (io.err(say("cli.playtest.badNumber", { option: "--turns", value: values.turns ?? "", min: 1, max: 100 }) + "\n"), 2);
  const file = positionals[0]!;
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.err(say("cli.validate.problem", { file, path: e.path, problem: problemText(lang, e) }) + "\n");
    return 1;
  }
  const scenario = loaded.scenario;
  const playable = scenario.nations.filter((n) => n.playable).map((n) => n.id);
  const mix: Mix = {};
  for (const pair of values.persona ?? []) {
    const [nation, persona] = pair.split("=");
    if (!nation || !persona || !playable.includes(nation) || !isPersonaId(persona)) {
      io.err(say("cli.playtest.badPersona", { value: pair, nations: playable.join(", "), personas: PERSONA_IDS.join(", ") }) + "\n");
      return 2;
    }
    mix[nation] = persona;
  }
  const started = performance.now();
  let lastDrawn = 0;
  const report = sweep({
    scenario,
    seeds: Array.from({ length: seeds }, (_, i) => i + 1),
    turns,
    mix,
    progress:
      tty && !values.json
        ? (done, total) => {
            const now = performance.now();
            if (done < total && now - lastDrawn < 100) return;
            lastDrawn = now;
            const width = 30;
            const filled = Math.round((done / total) * width);
            io.err(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`);
          }
        : undefined,
    onLog: values["log-out"] ? (run, label) => writeLog(values["log-out"]!, scenario, run, label) : undefined,
  });
  const seconds = (performance.now() - started) / 1000;
  if (values.json) return (io.out(JSON.stringify(report) + "\n"), 0);
  io.out(renderReport(report, lang, say, localText(lang, scenario, "title", isLang(scenario.language) ? scenario.language : "en").text, seconds) + "\n");
  return 0;
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** One run's log in the format of GET /api/exercises/:id/events, so it can be folded or imported. */
function writeLog(dir: string, scenario: unknown, run: { seed: number; state: { exerciseId: string }; events: unknown[] }, label: string) {
  mkdirSync(dir, { recursive: true });
  const name = `${label.replace(/[^a-z0-9-]+/gi, "_")}-seed-${run.seed}.json`;
  writeFileSync(join(dir, name), JSON.stringify({ exerciseId: run.state.exerciseId, scenario, seed: run.seed, events: run.events }));
}

const METRIC_KEYS: Record<string, MessageKey> = {
  cohesion: "cli.playtest.metric.cohesion",
  meanStability: "cli.playtest.metric.meanStability",
  crisesResolved: "cli.playtest.metric.crisesResolved",
  crisesOpen: "cli.playtest.metric.crisesOpen",
  objectivesMet: "cli.playtest.metric.objectivesMet",
  budgetLeft: "cli.playtest.metric.budgetLeft",
  tension: "cli.playtest.metric.tension",
};

/** A lever and its setting as people say them: policy settings in the rules' own words. */
function leverWords(say: Say, lever: string, setting: string): string {
  const vocabulary: Record<string, Vocabulary> = {
    alertLevel: "alertLevel",
    rulesOfEngagement: "rulesOfEngagement",
    publicStance: "publicStance",
    intelSharing: "sharingPolicy",
    proposeAgreement: "agreementKind",
  };
  const term = vocabulary[lever] ? termKey(vocabulary[lever]!, setting) : null;
  const settingText = term ? say(term) : say(`cli.playtest.setting.${setting}` as MessageKey);
  return say("cli.playtest.leverSetting", { lever: say(`cli.playtest.lever.${lever}` as MessageKey), setting: settingText });
}

function renderReport(report: PlaytestReport, lang: Lang, say: Say, title: string, seconds: number): string {
  const n = (v: number) => formatNumber(lang, v, { maximumFractionDigits: 1 });
  const metrics = HEADLINE_METRICS.filter((m) => report.personas[0]?.metrics[m] !== undefined);
  const exercises =
    report.runs.length + (report.sensitivity.length ? report.seeds.length * new Set(report.sensitivity.map((s) => `${s.lever}/${s.setting}`)).size : 0);
  const lines = [
    say("cli.playtest.heading", {
      title,
      seeds: report.seeds.length,
      turns: report.turns,
      exercises,
      seconds: n(seconds),
      perMinute: Math.round((exercises / seconds) * 60),
    }),
    "",
  ];
  const header = [say("cli.playtest.mix"), ...metrics.map((m) => say(METRIC_KEYS[m]!))];
  const rows = report.personas.map((p) => [personaWords(say, p.mix), ...metrics.map((m) => `${n(p.metrics[m]!.mean)} ±${n(p.metrics[m]!.sd)}`)]);
  lines.push(...table([header, ...rows]), "");
  lines.push(
    say("cli.playtest.sensitivityHeading", {
      baseline: personaWords(say, report.personas.find((p) => !PERSONA_IDS.includes(p.mix as never))?.mix ?? "cooperative"),
    }),
  );
  const byLever = new Map<string, Record<string, number>>();
  for (const row of report.sensitivity) {
    const key = `${row.lever}\u0000${row.setting}`;
    byLever.set(key, { ...byLever.get(key), [row.metric]: row.delta });
  }
  const leverRows = [...byLever.entries()].map(([key, deltas]) => {
    const [lever, setting] = key.split("\u0000") as [string, string];
    return [leverWords(say, lever, setting), ...metrics.map((m) => (deltas[m] === undefined ? "" : `${deltas[m]! > 0 ? "+" : ""}${n(deltas[m]!)}`))];
  });
  lines.push(...table([[say("cli.playtest.lever"), ...header.slice(1)], ...leverRows]));
  return lines.join("\n");
}

function personaWords(say: Say, mix: string): string {
  return isPersonaId(mix) ? say(`cli.playtest.persona.${mix}` as MessageKey) : mix;
}

/** Columns padded to their widest cell. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}
