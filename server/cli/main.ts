import { runValidate, VALIDATE_USAGE } from "./validate-command.ts";
import { runMsel, MSEL_USAGE } from "./msel-command.ts";
import { runSchema } from "./schema-command.ts";
import { runAar, AAR_USAGE } from "./aar-command.ts";
import { runDoctor, DOCTOR_USAGE } from "./doctor-command.ts";
import { runBackup, BACKUP_USAGE } from "./backup-command.ts";
import { takeLangOption } from "./lang.ts";

/** `npx concord <command>`: the command line for scenario authors, trainers and operators. */
const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; usage: string }> = {
  validate: { run: runValidate, usage: VALIDATE_USAGE },
  msel: { run: runMsel, usage: MSEL_USAGE },
  schema: { run: runSchema, usage: "concord schema\n  Prints the scenario JSON Schema (scenarios/scenario.schema.json is generated with it)." },
  aar: { run: (args) => runAar(args), usage: AAR_USAGE },
  doctor: { run: (args) => runDoctor(args), usage: DOCTOR_USAGE },
  backup: { run: (args) => runBackup(args), usage: BACKUP_USAGE },
};

// The language (--lang fr, before or after the command; LANG/LC_ALL otherwise) reaches every command as CONCORD_LANG.
const language = takeLangOption(process.argv.slice(2));
if (language.error) {
  process.stderr.write(`concord: ${language.error}\n`);
  process.exit(2);
}
if (language.lang) process.env.CONCORD_LANG = language.lang;
const [command, ...args] = language.args;
const entry = command ? COMMANDS[command] : undefined;
if (!entry) {
  const usage = Object.values(COMMANDS).map((c) => c.usage).join("\n\n");
  (command && command !== "help" && command !== "--help" ? process.stderr : process.stdout).write(`${command && command !== "help" && command !== "--help" ? `concord: unknown command "${command}".\n\n` : ""}${usage}\n`);
  process.exit(command && command !== "help" && command !== "--help" ? 2 : 0);
}
entry.run(args).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`concord ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
