import { t } from "../i18n.ts";

/** The stable codes a join refusal starts with ("code: sentence", docs/PROTOCOL.md §2), plus the browser's own. */
const JOIN_KINDS = [
  "wrong_code",
  "rate_limited",
  "unknown_seat",
  "name_required",
  "wrong_token",
  "team_full",
  "too_many_connections",
  "too_many_seats",
  "flooding",
  "removed",
  "code_required",
  "unknown_exercise",
  "forbidden",
  "invalid_join",
  "internal_error",
  "protocol_mismatch",
] as const;
export type JoinKind = (typeof JOIN_KINDS)[number] | "offline" | "other";

/** Why joining failed, sorted by the refusal's stable code so the start page can say what to do next. */
export class JoinError extends Error {
  readonly kind: JoinKind;
  /** `message` is in the seat's language, from the catalogue: never the server's English. */
  constructor(kind: JoinKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** Colyseus's code for "no room with this id" (a bad or stale exercise link). */
const INVALID_ROOM_ID = 4212;

export function joinError(error: unknown): JoinError {
  const raw = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown })?.code;
  const stable = /^([a-z_]+): /.exec(raw)?.[1];
  if (stable && (JOIN_KINDS as readonly string[]).includes(stable))
    return new JoinError(stable as JoinKind, joinSentence(stable as (typeof JOIN_KINDS)[number], raw));
  if (code === INVALID_ROOM_ID) return new JoinError("unknown_exercise", t("server.join.unknown_exercise"));
  // No status at all: the request never reached the server.
  if (typeof code !== "number") return new JoinError("offline", t("server.net.unreachable"));
  return new JoinError("other", t("server.joinBrief.refused"));
}

/** The refusal in the seat's language; values that stayed on the server are left out, except an error's reference. */
function joinSentence(kind: (typeof JOIN_KINDS)[number], raw: string): string {
  switch (kind) {
    case "flooding":
    case "rate_limited":
    case "team_full":
    case "too_many_seats":
    case "too_many_connections":
      return t(`server.joinBrief.${kind}`);
    case "protocol_mismatch":
      return t("serving.protocolMismatchBrief");
    case "internal_error":
      return t("server.joinBrief.internal_error", { reference: /\b(E-[0-9A-F]{8})\b/.exec(raw)?.[1] ?? "none" });
    case "invalid_join":
    case "removed":
    case "wrong_code":
    case "unknown_seat":
    case "name_required":
    case "wrong_token":
    case "code_required":
    case "unknown_exercise":
    case "forbidden":
      return t(`server.join.${kind}`);
  }
}
