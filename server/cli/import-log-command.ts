import { readFileSync } from "node:fs";
import { configFromEnv } from "../config.ts";
import { openStore } from "../app.ts";
import { ExerciseService } from "../exercises/exercise-service.ts";
import { JoinRefused } from "../exercises/seat-service.ts";
import type { EventStore } from "../store/event-store.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import type { Lang } from "../../shared/i18n/languages.ts";
import { translate } from "../../shared/i18n/format.ts";
import { problemText } from "../../shared/scenario/validate.ts";
import { loadScenarioFile, processIo, type Io } from "./io.ts";
import { commandArgs } from "./args.ts";
import { commandLanguage, sayIn, usageBlock } from "./text.ts";

export const importLogUsage = (lang: Lang): string =>
  usageBlock("concord import-log <scenario.json> <log.json> [--title T]", sayIn(lang)("playbook.import.about"));

/**
 * `concord import-log`: a log in the format of GET /api/exercises/:id/events (what `concord
 * playtest --log-out` writes) stored as an exercise in the configured store, under its own id,
 * with fresh codes. Opened in the server, its room folds to the state the log recorded, so its
 * stateHash is the playtest run's. `store` is for tests (the configured store otherwise).
 */
export async function runImportLog(argv: string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env, store?: EventStore): Promise<number> {
  const { lang, args, error } = commandLanguage(argv, env);
  const say = sayIn(lang);
  if (error) return (io.err(`${error}\n`), 2);
  const parsed = commandArgs("import-log", args, { title: { type: "string" } }, { say, usage: importLogUsage(lang), io, maxPositionals: 2 });
  if ("exit" in parsed) return parsed.exit;
  const [scenarioFile, logFile] = parsed.positionals;
  if (!scenarioFile || !logFile) return (io.err(`${say("playbook.import.nameFiles")}\n${importLogUsage(lang)}\n`), 2);
  const loaded = loadScenarioFile(scenarioFile);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.err(say("cli.validate.problem", { file: scenarioFile, path: e.path, problem: problemText(lang, e) }) + "\n");
    return 1;
  }
  let log: { exerciseId?: unknown; seed?: unknown; scenario?: { id?: unknown }; events?: unknown };
  try {
    log = JSON.parse(readFileSync(logFile, "utf8"));
  } catch (problem) {
    return (io.err(say("playbook.import.unreadable", { file: logFile, error: (problem as Error).message }) + "\n"), 1);
  }
  if (typeof log.exerciseId !== "string" || !/^[A-Za-z0-9_-]{1,80}$/.test(log.exerciseId) || typeof log.seed !== "number" || !Array.isArray(log.events)) {
    return (io.err(say("playbook.import.notALog", { file: logFile }) + "\n"), 1);
  }
  if (log.scenario?.id !== undefined && log.scenario.id !== loaded.scenario.id) {
    return (io.err(say("playbook.import.otherScenario", { file: logFile, logScenario: String(log.scenario.id), scenario: loaded.scenario.id }) + "\n"), 1);
  }
  const target = store ?? (await openStore(configFromEnv()));
  try {
    const service = new ExerciseService(target, []);
    const created = await service.importLog(
      loaded.scenario,
      { exerciseId: log.exerciseId, seed: log.seed, events: log.events as ExerciseEvent[] },
      parsed.values.title,
    );
    io.out(
      say("playbook.import.done", {
        id: created.id,
        events: log.events.length,
        token: created.facilitatorToken,
        codes: created.joinCodes.map((c) => `${c.nation} ${c.code}`).join(", "),
        observer: created.observerCode,
      }) + "\n",
    );
    return 0;
  } catch (problem) {
    if (problem instanceof JoinRefused) return (io.err(translate(lang, problem.msg) + "\n"), 1);
    return (io.err(say("playbook.import.failed", { file: logFile, error: (problem as Error).message }) + "\n"), 1);
  } finally {
    if (!store) await target.close();
  }
}
