import type { Request } from "express";
import type { ExerciseService } from "../exercises/exercise-service.ts";
import { JoinRefused } from "../exercises/seat-service.ts";
import type { SeatDetails, SeatRecord } from "../store/event-store.ts";
import { requestAddress } from "../security/client-address.ts";
import type { Viewer } from "../../shared/engine/view-for.ts";
import { msg, type Msg } from "../../shared/i18n/message.ts";
import { translate } from "../../shared/i18n/format.ts";

/** `lead`: the seat is the lead evaluator's (it reads as an observer, and edits the improvement plan). */
export type Access = { role: "facilitator" | "observer"; lead?: true } | { denied: Denied };

/** A refusal of access: `message` is `msg` in English (sendError sends both). */
export type Denied = { status: number; code: string; message: string; msg?: Msg };

export function denied(status: number, code: string, message: Msg): { denied: Denied } {
  return { denied: { status, code, message: translate("en", message), msg: message } };
}

/**
 * The secret a request presents: `Authorization: Bearer …` only. A secret in a URL would stay in
 * history and logs; download links carry a short-lived ticket instead (download-tickets.ts).
 */
export function presentedSecret(req: Request): string | null {
  const header = req.get("authorization");
  return header?.startsWith("Bearer ") ? header.slice(7).trim() || null : null;
}

/**
 * Exercise logs and states are for exercise control and trainers: the facilitator token, the
 * observer code, or a seat token of one of those roles opens them. Every check counts against
 * the guessing limits (per exercise and per address, failures only).
 */
export async function exerciseAccess(service: ExerciseService, req: Request, exerciseId: string): Promise<Access> {
  const opened = await authenticated(service, req, exerciseId);
  if ("denied" in opened) return opened;
  // A role-player plays one nation, an evaluator assigned some nations watches only them: neither reads the whole record.
  if (opened.role === "participant" || opened.role === "roleplayer" || (opened.role === "evaluator" && opened.details?.nations))
    return denied(403, "forbidden", msg("server.http.participantNoRecord"));
  // Named controllers and evaluators read the record as observers do; the join codes and branching stay the lead's.
  if (opened.role === "evaluator" && opened.details?.lead) return { role: "observer", lead: true };
  return { role: opened.role === "facilitator" ? "facilitator" : "observer" };
}

/**
 * Who edits the improvement plan over HTTP, as the seat the rules see: exercise control (the
 * facilitator token or seat), or the lead evaluator under its own name. Everyone else (another
 * evaluator, a controller, an observer, a participant) is refused with a sentence saying who may.
 */
export async function improvementEditor(
  service: ExerciseService,
  req: Request,
  exerciseId: string,
): Promise<{ seat: { role: "facilitator" | "evaluator"; nation: null; name: string; details?: SeatDetails } } | { denied: Denied }> {
  const opened = await authenticated(service, req, exerciseId);
  if ("denied" in opened) return opened;
  if (opened.role === "facilitator") return { seat: { role: "facilitator", nation: null, name: "Exercise control" } };
  if (opened.role === "evaluator" && opened.details?.lead)
    return { seat: { role: "evaluator", nation: null, name: opened.name ?? "", details: { lead: true } } };
  return denied(403, "not_facilitator", msg("server.http.improvementLeadOnly"));
}

/**
 * Whose eyes a request reads through, for what every seat may read of its own view (older chat):
 * exercise control and observers read everything, a participant's seat token its nation's share.
 */
export async function viewerAccess(service: ExerciseService, req: Request, exerciseId: string): Promise<{ viewer: Viewer } | { denied: Denied }> {
  const opened = await authenticated(service, req, exerciseId);
  if ("denied" in opened) return opened;
  if ((opened.role === "participant" || opened.role === "roleplayer") && opened.nation) return { viewer: { kind: "nation", nation: opened.nation } };
  const assigned = opened.role === "evaluator" ? opened.details?.nations : null;
  if (assigned?.[0]) return { viewer: { kind: "nation", nation: assigned[0] } };
  return { viewer: { kind: "white" } };
}

async function authenticated(
  service: ExerciseService,
  req: Request,
  exerciseId: string,
): Promise<{ role: SeatRecord["role"]; nation: string | null; name?: string; details?: SeatRecord["details"] } | { denied: Denied }> {
  if (!(await service.store.getExercise(exerciseId))) return denied(404, "unknown_exercise", msg("server.join.unknown_exercise"));
  const secret = presentedSecret(req);
  if (!secret) return denied(401, "auth_required", msg("server.http.authRequired"));
  if (secret.length > 200) return denied(403, "forbidden", msg("server.join.forbidden"));
  try {
    const opened = await service.seats.authenticate(exerciseId, secret, requestAddress(req));
    return opened ?? denied(403, "forbidden", msg("server.join.forbidden"));
  } catch (error) {
    if (error instanceof JoinRefused) return denied(error.code === "rate_limited" ? 429 : 403, error.code, error.msg);
    throw error;
  }
}
