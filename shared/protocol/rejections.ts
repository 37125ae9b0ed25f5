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
  AssetBusy: "asset_busy",
  MissionNotSupported: "mission_not_supported",
  InsufficientBudget: "insufficient_budget",
  InsufficientPoliticalCapital: "insufficient_political_capital",
  NotAParty: "not_a_party",
  AlreadyAnswered: "already_answered",
  InvalidTarget: "invalid_target",
  RationaleRequired: "rationale_required",
  RateLimited: "rate_limited",
  Internal: "internal_error",
} as const;
export type RejectionCode = (typeof RejectionCode)[keyof typeof RejectionCode];

/** `reference` ties an internal_error to the server's log line, for whoever investigates. */
export type Rejection = { code: RejectionCode; message: string; reference?: string };

export function reject(code: RejectionCode, message: string): { rejected: Rejection } {
  return { rejected: { code, message } };
}
