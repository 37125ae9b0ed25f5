import { translate } from "../../shared/i18n/format.ts";
import { msg, type Msg, type Params } from "../../shared/i18n/message.ts";
import type { MessageKey } from "../../shared/i18n/catalog/index.ts";
import { LANGUAGES, type Lang } from "../../shared/i18n/languages.ts";
import { cliLang, takeLangOption } from "./lang.ts";

/** A catalogue message rendered in the command line's language. */
export type Say = (key: MessageKey, params?: Params) => string;

export function sayIn(lang: Lang): Say {
  return (key, params) => translate(lang, msg(key, params));
}

/** Renders a message made elsewhere (the doctor's findings, the repair's report). */
export const render = (lang: Lang, message: Msg): string => translate(lang, message);

/**
 * A command's language and its other arguments: its own `--lang` (a command run directly, as
 * the tests do), else CONCORD_LANG / LANG (cliLang). `error` names an unsupported language.
 */
export function commandLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): { lang: Lang; args: string[]; error: string | null } {
  const taken = takeLangOption(argv);
  const lang = taken.lang ?? cliLang(env);
  return {
    lang,
    args: taken.args,
    error: taken.invalid === null ? null : sayIn(lang)("cli.lang.invalid", { languages: LANGUAGES.join(", "), value: taken.invalid }),
  };
}

/** A usage block: the synopsis as one types it, then what the command does in the reader's language. */
export const usageBlock = (synopsis: string, about: string): string => `${synopsis}\n  ${about}`;
