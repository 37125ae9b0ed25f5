import { expect } from "vitest";
import type { Rejection } from "../../shared/protocol/rejections.ts";
import { CATALOG, EN, translate } from "../../shared/i18n/index.ts";
import { namesIn } from "../../shared/view/feed.ts";
import type { ExerciseState } from "../../shared/state/schema.ts";

/**
 * Every refusal carries a catalogue message (a key that exists, values that fit it) that renders
 * in English and in French without falling back, and its English sentence is that message.
 * Used by the loops of hostile-ids and the authorization matrix, and by rejection-messages.
 */
export function expectWellWorded(rejected: Rejection, state: ExerciseState | null, label = ""): void {
  expect(rejected.msg?.key, `${label}: a message key`).toBeTypeOf("string");
  expect(Object.hasOwn(EN, rejected.msg.key), `${label}: ${rejected.msg.key} is in the catalogue`).toBe(true);
  for (const lang of ["en", "fr"] as const) {
    const text = translate(lang, rejected.msg, state ? namesIn(state, lang) : undefined);
    expect(text, `${label} (${lang})`).not.toMatch(/undefined|\[object|\{|\}/);
    expect(text, `${label} (${lang})`).not.toBe(rejected.msg.key);
    // The pattern is rendered, not shown raw because the values did not fit it.
    if (/\{/.test(CATALOG[lang][rejected.msg.key])) expect(text, `${label} (${lang}): values fit`).not.toBe(CATALOG.en[rejected.msg.key]);
  }
  if (state) expect(rejected.message, label).toBe(translate("en", rejected.msg, namesIn(state, "en")));
}
