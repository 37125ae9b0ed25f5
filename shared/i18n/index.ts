export { LANGUAGES, LANGUAGE_NAMES, DEFAULT_LANG, isLang, langOf, type Lang } from "./languages.ts";
export { msg, ref, isMsg, isRef, type Msg, type Param, type Params, type Ref, type RefKind } from "./message.ts";
export { translate, listIn, formatNumber, formatDateTime, type NameOf } from "./format.ts";
export { CATALOG, EN, type MessageKey } from "./catalog/index.ts";
export { termKey, type Vocabulary } from "./terms.ts";
export { localText, type LocalText, type Localized, type Translations } from "./text.ts";
