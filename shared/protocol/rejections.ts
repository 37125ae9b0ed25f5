import { msg, type Msg, type Params } from "../i18n/message.ts";
import { translate, type NameOf } from "../i18n/format.ts";
import type { MessageKey } from "../i18n/catalog/index.ts";

/**
 * Stable, machine-readable reasons for refusing a command. Clients switch on the code and
 * show the human sentence that comes with it; codes never change meaning once shipped.
 */
export const RejectionCode = {
  InvalidPayload: "invalid_payload",
  UnknownCommand: "unknown_command",
  NotFacilitator: "not_facilitator",
  NotYourNation: "not_your_nation",
  ReadOnly: "read_only",
  WrongPhase: "wrong_phase",
  StaleTurn: "stale_turn",
  AlreadyCommitted: "already_committed",
  NotCommitted: "not_committed",
  UnknownNation: "unknown_nation",
  UnknownRegion: "unknown_region",
  UnknownAsset: "unknown_asset",
  UnknownReport: "unknown_report",
  UnknownAgreement: "unknown_agreement",
  UnknownInject: "unknown_inject",
  UnknownDraft: "unknown_draft",
  UnknownRequest: "unknown_request",
  UnknownSeat: "unknown_seat",
  NoRoute: "no_route",
  NeedsConsent: "needs_consent",
  /** Strategic lift refused: no carrier that can take the unit, full, not at a port / airfield. */
  NoLift: "no_lift",
  AssetBusy: "asset_busy",
  MissionNotSupported: "mission_not_supported",
  InsufficientBudget: "insufficient_budget",
  InsufficientPoliticalCapital: "insufficient_political_capital",
  NotAParty: "not_a_party",
  AlreadyAnswered: "already_answered",
  InvalidTarget: "invalid_target",
  RationaleRequired: "rationale_required",
  RateLimited: "rate_limited",
  /** The asset is under alliance command: only the alliance commander orders it; its owner may only revoke. */
  UnderAllianceCommand: "under_alliance_command",
  /** The order would use an asset under alliance command for a mission or region its owner excluded. */
  Caveat: "caveat",
  /** The sender's intelligence-sharing policy with that partner is `none`. */
  SharingPolicy: "sharing_policy",
  /** The report's releasability does not reach that partner (a tear line can). */
  NotReleasable: "not_releasable",
  /** A received report is passed on without its originator's release. */
  OriginatorControl: "originator_control",
  /** The inject is released: it can no longer be edited, moved, held or deleted (issue a correction: a new inject). */
  InjectReleased: "inject_released",
  /** The edited or imported MSEL fails the scenario validator; `problems` names each fault by field. */
  InvalidInject: "invalid_inject",
  /** The skip can no longer be undone: the turn it was made in has resolved. */
  SkipFinal: "skip_final",
  /** A controller limited to some nations acted beyond them, or gave a command reserved to the lead controller. */
  OutOfScope: "out_of_scope",
  Internal: "internal_error",
} as const;
export type RejectionCode = (typeof RejectionCode)[keyof typeof RejectionCode];

/**
 * A refusal as data: the code, the catalogue message with its values (`msg`: references to
 * scenario things are named in the reader's language), and that message rendered in English
 * (`message`, for logs and older clients). `reference` ties an internal_error to the server's
 * log line, for whoever investigates.
 */
export type Rejection = { code: RejectionCode; message: string; msg: Msg; reference?: string; problems?: FieldProblem[] };
/** One fault of an edited inject: the field (`title`, `trigger.turn`, `effects[0].region`) and what is wrong with it. */
export type FieldProblem = { field: string; msg: Msg; message: string };

/** The one way to make a refusal: a code and a catalogue message; the English sentence follows from them. */
export function refuse(code: RejectionCode, key: MessageKey, params?: Params, nameOf?: NameOf): Rejection {
  const message = msg(key, params);
  return { code, msg: message, message: translate("en", message, nameOf) };
}

export function reject(code: RejectionCode, key: MessageKey, params?: Params): { rejected: Rejection } {
  return { rejected: refuse(code, key, params) };
}

/** The same refusal with its English sentence naming things as `nameOf` does (the state's names instead of ids). */
export function named<R extends { message: string; msg?: Msg }>(rejection: R, nameOf: NameOf): R {
  return rejection.msg ? { ...rejection, message: translate("en", rejection.msg, nameOf) } : rejection;
}
