import { runValidate, validateUsage } from "./validate-command.ts";
import { runMsel, mselUsage } from "./msel-command.ts";
import { runSchema, schemaUsage } from "./schema-command.ts";
import { runAar, aarUsage } from "./aar-command.ts";
import { runDoctor, doctorUsage } from "./doctor-command.ts";
import { runBackup, backupUsage } from "./backup-command.ts";
import { runPlaytest, playtestUsage } from "./playtest-command.ts";
import { runImportLog, importLogUsage } from "./import-log-command.ts";
import { cliLang } from "./lang.ts";
import { commandLanguage, sayIn } from "./text.ts";
import type { Lang } from "../../shared/i18n/languages.ts";
import { loadEnvFile, ConfigError } from "../config.ts";

/** `npx concord <command>`: the command line for scenario authors, trainers and operators. */
const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; usage: (lang: Lang) => string }> = {
  validate: { run: (args) => runValidate(args), usage: validateUsage },
  msel: { run: (args) => runMsel(args), usage: mselUsage },
  schema: { run: (args) => runSchema(args), usage: schemaUsage },
  aar: { run: (args) => runAar(args), usage: aarUsage },
  doctor: { run: (args) => runDoctor(args), usage: doctorUsage },
  backup: { run: (args) => runBackup(args), usage: backupUsage },
  playtest: { run: (args) => runPlaytest(args), usage: playtestUsage },
  "import-log": { run: (args) => runImportLog(args), usage: importLogUsage },
};

// DATA_DIR, DATABASE_URL … from .env too, as for the server.
try {
  loadEnvFile();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`concord: ${error.message}\n`);
  process.exit(1);
}
// The language (--lang fr, before or after the command; LANG/LC_ALL otherwise) reaches every command as CONCORD_LANG.
const language = commandLanguage(process.argv.slice(2), process.env);
if (language.error) {
  process.stderr.write(`concord: ${language.error}\n`);
  process.exit(2);
}
process.env.CONCORD_LANG = language.lang;
const lang = cliLang();
const say = sayIn(lang);
const help = () => [say("cli.main.about"), ...Object.values(COMMANDS).map((c) => c.usage(lang))].join("\n\n") + "\n";
const [command, ...args] = language.args;
if (!command || command === "help" || command === "--help" || command === "-h") {
  // `concord help validate` is `concord validate --help`.
  const about = command === "help" && args[0] ? COMMANDS[args[0]] : undefined;
  process.stdout.write(about ? about.usage(lang) + "\n" : help());
  process.exit(0);
}
const entry = COMMANDS[command];
if (!entry) {
  process.stderr.write(`${say("cli.main.unknownCommand", { command, commands: Object.keys(COMMANDS).join(", ") })}\n\n${help()}`);
  process.exit(2);
}
entry.run(args).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(say("cli.main.failed", { command, error: error instanceof Error ? error.message : String(error) }) + "\n");
    process.exit(1);
  },
);
