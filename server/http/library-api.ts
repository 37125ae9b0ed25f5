import type { Application, Request, Response } from "express";
import { asyncRoute } from "./async-route.ts";
import { matchMaker } from "@colyseus/core";
import type { ExerciseService } from "../exercises/exercise-service.ts";
import { JoinRefused } from "../exercises/seat-service.ts";
import { tokenMatches } from "../exercises/secrets.ts";
import { statusOf } from "../exercises/exercise-status.ts";
import type { ExerciseSummary } from "../store/event-store.ts";
import { requestAddress } from "../security/client-address.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { msg } from "../../shared/i18n/message.ts";
import { clipText } from "../security/well-formed.ts";
import { sendError } from "./errors.ts";
import { exerciseAccess, presentedSecret } from "./exercise-access.ts";
import { tokenMatchesPlain } from "./operator.ts";
import type { Logger } from "../log.ts";

/** One row of the exercise library, as exercise control reads it. */
export type LibraryEntry = {
  id: string;
  title: string;
  scenarioId: string;
  scenarioTitle: string;
  createdAt: number;
  lastActivityAt: number;
  lastSeq: number;
  phase: string;
  turn: number;
  /** Connected seats, wherever the room is loaded; 0 when it is not loaded. */
  seatsOnline: number;
  loaded: boolean;
  archivedAt: number | null;
};

/** How many remembered keys one library request may look up. */
const MAX_KEYS = 200;

export type LibraryOptions = {
  service: ExerciseService;
  operatorPassword: string | null;
  log: Logger;
  /** The operator-password check of the listing (api.ts: guessing limits, its own refusals). */
  operatorOnly: (req: Request, res: Response) => Promise<boolean>;
  /** The per-address limit on creations (api.ts) for a new run asked without the operator password. */
  mayCreate: (req: Request, res: Response) => Promise<boolean>;
};

/**
 * The exercise library (issue #20.5): the exercises a browser holds facilitator keys for, or all
 * of them with the operator password; each can be archived (read-only and unloaded, still
 * replayable), brought back, deleted after confirmation, or run again from its scenario.
 */
export function mountLibrary(app: Application, options: LibraryOptions): void {
  const { service } = options;

  /** Library rows for some stored exercises: statuses from the store, seats from the room listings. */
  const entries = async (summaries: ExerciseSummary[]): Promise<LibraryEntry[]> => {
    const listings = new Map((await matchMaker.query({ name: "exercise" })).map((l) => [l.roomId, l]));
    const rows: LibraryEntry[] = [];
    for (const summary of summaries) {
      let status = summary.status;
      if (!status) {
        // An exercise from before statuses were kept: folded once, then remembered.
        const record = await service.store.getExercise(summary.id);
        if (!record) continue;
        status = statusOf(foldEvents(initialState(record.scenario, record.id, record.seed), await service.store.readEvents(record.id)));
        await service.store.setStatus(record.id, status);
      }
      const listing = listings.get(summary.id);
      rows.push({
        id: summary.id,
        title: summary.title,
        scenarioId: summary.scenarioId,
        scenarioTitle: service.findScenario(summary.scenarioId)?.scenario.title ?? summary.scenarioId,
        createdAt: summary.createdAt,
        lastActivityAt: summary.lastActivityAt,
        lastSeq: summary.lastSeq,
        phase: status.phase,
        turn: status.turn,
        seatsOnline: listing?.clients ?? 0,
        loaded: Boolean(listing),
        archivedAt: summary.archivedAt,
      });
    }
    return rows.sort((a, b) => b.lastActivityAt - a.lastActivityAt);
  };

  /** With the operator password: every exercise. */
  app.get(
    "/api/library",
    asyncRoute(async (req, res) => {
      if (!(await options.operatorOnly(req, res))) return;
      res.json({ exercises: await entries(await service.store.listExercises()) });
    }),
  );

  /**
   * The exercises of the facilitator keys a browser remembers (sent in the body, never in a URL).
   * A key that does not open its exercise is left out; the answer says which ids were not opened,
   * so the browser can forget them.
   */
  app.post(
    "/api/library",
    asyncRoute(async (req, res) => {
      const keys: unknown = req.body?.keys;
      const valid =
        Array.isArray(keys) &&
        keys.length <= MAX_KEYS &&
        keys.every((k) => typeof k?.id === "string" && typeof k?.token === "string" && k.id.length <= 64 && k.token.length <= 200);
      if (!valid) return sendError(res, 400, "invalid_payload", msg("library.http.keysRequired", { max: MAX_KEYS }));
      const address = requestAddress(req);
      const opened = new Set<string>();
      for (const { id, token } of keys as { id: string; token: string }[]) {
        const record = await service.store.getExercise(id);
        if (!record) continue;
        try {
          await service.seats.underGuard(
            `${id}:tokens`,
            address,
            async () => {
              if (!tokenMatches(token, record.facilitatorTokenHash)) throw new JoinRefused("wrong_token", msg("server.join.wrong_token"));
            },
            true,
          );
          opened.add(id);
        } catch (error) {
          if (!(error instanceof JoinRefused)) throw error;
        }
      }
      const all = await service.store.listExercises();
      res.json({
        exercises: await entries(all.filter((e) => opened.has(e.id))),
        notOpened: (keys as { id: string }[]).map((k) => k.id).filter((id) => !opened.has(id)),
      });
    }),
  );

  /** Exercise control of this exercise (its facilitator key), or the operator. */
  const controlOnly = async (req: Request, res: Response, id: string): Promise<boolean> => {
    const presented = presentedSecret(req);
    if (options.operatorPassword && presented && tokenMatchesPlain(presented, options.operatorPassword)) {
      if (await service.store.getExercise(id)) return true;
      sendError(res, 404, "unknown_exercise", msg("server.join.unknown_exercise"));
      return false;
    }
    const access = await exerciseAccess(service, req, id);
    if ("denied" in access) {
      sendError(res, access.denied.status, access.denied.code, access.denied.msg ?? access.denied.message);
      return false;
    }
    if (access.role !== "facilitator") {
      sendError(res, 403, "not_facilitator", msg("library.http.facilitatorOnly"));
      return false;
    }
    return true;
  };

  /** Unloads the exercise's room wherever it is (its seats are told it was archived). */
  const unload = async (id: string) => {
    if (!(await matchMaker.getRoomById(id))) return;
    try {
      await matchMaker.remoteRoomCall(id, "archiveNow", [], 10_000);
    } catch (error) {
      options.log.warn("could not unload an archived exercise's room", { exerciseId: id, error: String(error) });
    }
  };

  const entryOf = async (id: string) => (await entries((await service.store.listExercises()).filter((e) => e.id === id)))[0];

  app.post(
    "/api/exercises/:id/archive",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      if (!(await controlOnly(req, res, id))) return;
      // Archived first, so nothing loads it again while its room closes.
      await service.store.setArchived(id, Date.now());
      await unload(id);
      options.log.info("exercise archived", { exerciseId: id });
      res.json(await entryOf(id));
    }),
  );

  app.post(
    "/api/exercises/:id/unarchive",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      if (!(await controlOnly(req, res, id))) return;
      await service.store.setArchived(id, null);
      options.log.info("exercise brought back from the archive", { exerciseId: id });
      res.json(await entryOf(id));
    }),
  );

  /** Deleting cannot be undone: the body must name the exercise (`confirm`), after the client offered the export. */
  app.delete(
    "/api/exercises/:id",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      if (!(await controlOnly(req, res, id))) return;
      if (req.body?.confirm !== id) return sendError(res, 400, "confirm_required", msg("library.http.confirmRequired"));
      await service.store.setArchived(id, Date.now());
      await unload(id);
      await service.store.deleteExercise(id);
      options.log.info("exercise deleted", { exerciseId: id });
      res.status(204).end();
    }),
  );

  /** A new run of the same scenario: a new exercise with its own codes, the caller its exercise control. */
  app.post(
    "/api/exercises/:id/rerun",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      if (!(await controlOnly(req, res, id))) return;
      const presented = presentedSecret(req);
      const asOperator = Boolean(options.operatorPassword && presented && tokenMatchesPlain(presented, options.operatorPassword));
      if (!asOperator && !(await options.mayCreate(req, res))) return;
      const created = await service.rerun(id, typeof req.body?.title === "string" ? clipText(req.body.title, 160) : undefined);
      options.log.info("exercise created as a new run", { exerciseId: created.id, from: id });
      res.status(201).json(created);
    }),
  );
}
