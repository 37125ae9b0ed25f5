import { EN, type MessageKey } from "./catalog/index.ts";

/** The vocabularies of terms.en.ts: each enumerated value of the schemas, as people say it. */
export type Vocabulary =
  | "mission"
  | "alertLevel"
  | "rulesOfEngagement"
  | "publicStance"
  | "sharingPolicy"
  | "agreementKind"
  | "assetCategory"
  | "assetStatus"
  | "classification"
  | "phase"
  | "injectType"
  | "delivery"
  | "agreementStatus"
  | "requestStatus"
  | "injectStatus"
  | "intent"
  | "regionKind"
  | "channelKind"
  | "role"
  | "diplomacy"
  | "crisisKind";

/** The catalogue key of a term, or null when the value is not one the vocabulary knows. */
export function termKey(vocabulary: Vocabulary, value: string): MessageKey | null {
  const key = `term.${vocabulary}.${value}`;
  return Object.hasOwn(EN, key) ? (key as MessageKey) : null;
}

/** A crisis kind as people say it: the vocabulary's word, or the scenario's own kind with its hyphens as spaces. */
export function crisisKindKey(kind: string): MessageKey | null {
  return termKey("crisisKind", kind);
}
