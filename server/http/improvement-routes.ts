import { matchMaker } from "@colyseus/core";
import type { Application, Request } from "express";
import type { ExerciseService } from "../exercises/exercise-service.ts";
import { msg } from "../../shared/i18n/message.ts";
import { improvementEditor } from "./exercise-access.ts";
import { sendError } from "./errors.ts";
import { asyncRoute } from "./async-route.ts";

/** The improvement-plan fields an HTTP body may carry (HSEEP's IP columns); the command's type and item come from the route. */
const IMPROVEMENT_BODY_FIELDS = [
  "issue",
  "recommendation",
  "nation",
  "due",
  "capability",
  "element",
  "organisation",
  "contact",
  "start",
  "completion",
  "status",
] as const;

export type ImprovementRouteOptions = {
  service: ExerciseService;
  /** The exercise's room loaded (the log's single writer), in whichever process holds it. */
  ensureRoom: (exerciseId: string) => Promise<void>;
};

/** The improvement plan's items over HTTP: added, edited and removed through the room, as commands. */
export function mountImprovementRoutes(app: Application, { service, ensureRoom }: ImprovementRouteOptions): void {
  /** The improvement plan of the after-action report, written by exercise control or the lead evaluator (signed by its name). */
  const improvementRoute = (build: (req: Request) => unknown) =>
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      const editor = await improvementEditor(service, req, id);
      if ("denied" in editor) return sendError(res, editor.denied.status, editor.denied.code, editor.denied.msg ?? editor.denied.message);
      if ((await service.store.getExercise(id))?.archivedAt) return sendError(res, 409, "archived", msg("library.http.archived"));
      await ensureRoom(id);
      const reply = await matchMaker.remoteRoomCall(id, "applyExternal", [{ id: "http", command: build(req) }, editor.seat]);
      if (!reply.ok) return sendError(res, 400, reply.code, reply.msg ?? reply.message);
      res.status(201).json(reply);
    });
  // Only the improvement fields: the body must not be able to choose the command's type.
  const improvementBody = (req: Request): Record<string, unknown> => {
    const body: Record<string, unknown> = typeof req.body === "object" && req.body !== null ? req.body : {};
    return Object.fromEntries(IMPROVEMENT_BODY_FIELDS.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
  };
  app.post(
    "/api/exercises/:id/improvements",
    improvementRoute((req) => ({ ...improvementBody(req), type: "recordImprovement" })),
  );
  /** Edits an item: the fields given replace the item's (editImprovement; the log keeps every version). */
  app.patch(
    "/api/exercises/:id/improvements/:item",
    improvementRoute((req) => ({ ...improvementBody(req), type: "editImprovement", item: String(req.params.item) })),
  );
  app.delete(
    "/api/exercises/:id/improvements/:item",
    improvementRoute((req) => ({ type: "removeImprovement", item: String(req.params.item) })),
  );
}
