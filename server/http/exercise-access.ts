import type { Request } from "express";
import type { ExerciseService } from "../exercises/exercise-service.ts";
import { JoinRefused } from "../exercises/exercise-service.ts";
import type { SeatRecord } from "../store/event-store.ts";
import { requestAddress } from "../security/client-address.ts";
import type { Viewer } from "../../shared/engine/view-for.ts";

export type Access = { role: "facilitator" | "observer" } | { denied: { status: number; code: string; message: string } };

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
  if (opened.role === "participant") return { denied: { status: 403, code: "forbidden", message: "A participant's seat does not open the exercise's full record." } };
  return { role: opened.role };
}

/**
 * Whose eyes a request reads through, for what every seat may read of its own view (older chat):
 * exercise control and observers read everything, a participant's seat token its nation's share.
 */
export async function viewerAccess(service: ExerciseService, req: Request, exerciseId: string): Promise<{ viewer: Viewer } | { denied: Denied }> {
  const opened = await authenticated(service, req, exerciseId);
  if ("denied" in opened) return opened;
  if (opened.role === "participant" && opened.nation) return { viewer: { kind: "nation", nation: opened.nation } };
  return { viewer: { kind: "white" } };
}

type Denied = { status: number; code: string; message: string };

async function authenticated(service: ExerciseService, req: Request, exerciseId: string): Promise<{ role: SeatRecord["role"]; nation: string | null } | { denied: Denied }> {
  if (!(await service.store.getExercise(exerciseId))) return { denied: { status: 404, code: "unknown_exercise", message: `There is no exercise "${exerciseId.slice(0, 40)}".` } };
  const secret = presentedSecret(req);
  if (!secret) return { denied: { status: 401, code: "auth_required", message: "Send the facilitator token, the observer code or your seat token as 'Authorization: Bearer …'." } };
  if (secret.length > 200) return { denied: { status: 403, code: "forbidden", message: "That credential does not open this exercise." } };
  try {
    const opened = await service.authenticate(exerciseId, secret, requestAddress(req));
    return opened ?? { denied: { status: 403, code: "forbidden", message: "That credential does not open this exercise." } };
  } catch (error) {
    if (error instanceof JoinRefused) return { denied: { status: error.code === "rate_limited" ? 429 : 403, code: error.code, message: error.message } };
    throw error;
  }
}
