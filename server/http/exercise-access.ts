import type { Request } from "express";
import type { ExerciseService } from "../exercises/exercise-service.ts";
import { tokenMatches, normalizeCode } from "../exercises/secrets.ts";
import type { Viewer } from "../../shared/engine/view-for.ts";

export type Access = { role: "facilitator" | "observer" } | { denied: { status: number; code: string; message: string } };

/** The secret a request presents: `Authorization: Bearer …` or `?token=` (for download links). */
export function presentedSecret(req: Request): string | null {
  const header = req.get("authorization");
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  const query = req.query.token;
  return typeof query === "string" && query.length > 0 ? query : null;
}

/**
 * Exercise logs and states are for exercise control and trainers: the facilitator token, the
 * observer code, or a seat token of one of those roles opens them.
 */
export async function exerciseAccess(service: ExerciseService, req: Request, exerciseId: string): Promise<Access> {
  const record = await service.store.getExercise(exerciseId);
  if (!record) return { denied: { status: 404, code: "unknown_exercise", message: `There is no exercise "${exerciseId}".` } };
  const secret = presentedSecret(req);
  if (!secret) return { denied: { status: 401, code: "auth_required", message: "Send the facilitator token or the observer code as 'Authorization: Bearer …'." } };
  if (tokenMatches(secret, record.facilitatorTokenHash)) return { role: "facilitator" };
  if (normalizeCode(secret) === record.observerCode) return { role: "observer" };
  const seat = await service.store.getSeat(secret);
  if (seat && seat.exerciseId === exerciseId && seat.role !== "participant") return { role: seat.role };
  return { denied: { status: 403, code: "forbidden", message: "That token does not open this exercise's record (participants cannot read the full log)." } };
}

/**
 * Whose eyes a request reads through, for what every seat may read of its own view (older chat):
 * exercise control and observers read everything, a participant's seat token its nation's share.
 */
export async function viewerAccess(service: ExerciseService, req: Request, exerciseId: string): Promise<{ viewer: Viewer } | { denied: { status: number; code: string; message: string } }> {
  const access = await exerciseAccess(service, req, exerciseId);
  if (!("denied" in access)) return { viewer: { kind: "white" } };
  if (access.denied.status !== 403) return access;
  const seat = await service.store.getSeat(presentedSecret(req)!);
  if (seat && seat.exerciseId === exerciseId && seat.role === "participant" && seat.nation) return { viewer: { kind: "nation", nation: seat.nation } };
  return { denied: { status: 403, code: "forbidden", message: "That token does not open this exercise: send your seat token (the `seat` of the welcome message)." } };
}
