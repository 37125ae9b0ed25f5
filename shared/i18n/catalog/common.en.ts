/** Words shared by every screen: lists, fallbacks, the language menu. */
export default {
  "common.list.and": "{items}",
  "common.unknown": "unknown",
  "common.untranslated": "{text} (not translated)",
  "common.language": "Language",
} as const;
