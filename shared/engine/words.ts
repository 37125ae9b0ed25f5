import { msg, type Param } from "../i18n/message.ts";
import { termKey, type Vocabulary } from "../i18n/terms.ts";
import type { NameOf } from "../i18n/format.ts";
import type { ExerciseState } from "../state/schema.ts";
import { namesIn } from "../view/feed.ts";

/**
 * The values the engine's messages carry: a term of the product's vocabulary as a nested
 * message (rendered in the reader's language), or the value itself when the vocabulary does not
 * know it (a mission a scenario invented).
 */
export function term(vocabulary: Vocabulary, value: string): Param {
  const key = termKey(vocabulary, value);
  return key ? msg(key) : value;
}

/** "the exercise is {phase}": the phase as the refusals say it. */
export function phaseWord(phase: string): Param {
  return msg("engine.phase.state", { phase });
}

/** How the English sentence of a refusal or a result names the things of this exercise. */
export function englishNames(state: ExerciseState): NameOf {
  return namesIn(state, "en");
}
