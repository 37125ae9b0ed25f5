import express, { type Application, type Request } from "express";
import { asyncRoute } from "./async-route.ts";
import { matchMaker } from "@colyseus/core";
import type { ExerciseService } from "../exercises/exercise-service.ts";
import type { Access } from "./exercise-access.ts";
import { exerciseAccess } from "./exercise-access.ts";
import { sendError } from "./errors.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { msg } from "../../shared/i18n/message.ts";
import { phaseWord } from "../../shared/engine/words.ts";
import { SHEET_FORMATS, SHEET_TYPES, checkSheet, liveRows, readSheet, writeSheet, type SheetFormat } from "../exercises/msel-sheets.ts";

/**
 * The MSEL as a spreadsheet in the console (docs/PROTOCOL.md §MSEL spreadsheets):
 *   GET  /api/exercises/:id/msel?format=csv|xlsx         the live MSEL (status, release turn and time), as a download
 *   POST /api/exercises/:id/msel/check?format=csv|xlsx   the file as the body: the injects it gives, or every fault by row and column
 *   POST /api/exercises/:id/msel/import?format=csv|xlsx  the same, then (no fault) the importMsel command through the room
 * The file goes to the server, so exceljs never reaches a browser bundle.
 */
export type MselRouteOptions = {
  service: ExerciseService;
  ensureRoom: (exerciseId: string) => Promise<void>;
  /** The bearer credential, or a download ticket (api.ts). */
  downloadAccess: (req: Request, id: string) => Promise<Access>;
};

/** A sheet larger than this is not an MSEL (the shipped ones are 50–150 KB as CSV). */
const MAX_SHEET_BYTES = 4 * 1024 * 1024;

const formatOf = (req: Request): SheetFormat | null =>
  (SHEET_FORMATS as readonly string[]).includes(String(req.query.format ?? "")) ? (req.query.format as SheetFormat) : null;

export function mountMselRoutes(app: Application, options: MselRouteOptions): void {
  const { service } = options;
  const load = async (id: string) => {
    const record = (await service.store.getExercise(id))!;
    const events = await service.store.readEvents(id);
    return { record, events, state: foldEvents(initialState(record.scenario, record.id, record.seed), events) };
  };

  app.get(
    "/api/exercises/:id/msel",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      const format = formatOf(req);
      if (!format) return sendError(res, 400, "invalid_format", msg("msel.sheet.badFormat"));
      const access = await options.downloadAccess(req, id);
      if ("denied" in access) return sendError(res, access.denied.status, access.denied.code, access.denied.msg ?? access.denied.message);
      const { record, events, state } = await load(id);
      const { rows, columns } = liveRows(state, events);
      const body = await writeSheet(format, rows, columns);
      res.attachment(`${(record.title || record.id).replace(/[^\w.-]+/g, "-").slice(0, 60)}-msel.${format}`);
      res.type(SHEET_TYPES[format]).send(body);
    }),
  );

  const raw = express.raw({ type: () => true, limit: MAX_SHEET_BYTES });
  const sheetRoute = (apply: boolean) =>
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      const format = formatOf(req);
      if (!format) return sendError(res, 400, "invalid_format", msg("msel.sheet.badFormat"));
      const access = await exerciseAccess(service, req, id);
      if ("denied" in access) return sendError(res, access.denied.status, access.denied.code, access.denied.msg ?? access.denied.message);
      if (access.role !== "facilitator") return sendError(res, 403, "not_facilitator", msg("msel.sheet.facilitatorOnly"));
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const read = await readSheet(format, bytes);
      if (!read.ok) return void res.status(422).json({ ok: false, problems: [{ row: null, column: null, msg: read.problem }] });
      const { state } = await load(id);
      const phase = state.phase === "lobby" || state.phase === "briefing" ? null : msg("msel.refuse.importPhase", { phase: phaseWord(state.phase) });
      const checked = checkSheet(state, read.rows);
      if (!checked.ok) return void res.status(422).json({ ok: false, problems: checked.problems, phase });
      const preview = checked.msel.map((i) => ({ id: i.id, number: i.number, trigger: i.trigger, to: i.to, title: i.title, type: i.type }));
      const replaced = Object.values(state.injects).filter((i) => i.status !== "released").length;
      if (!apply) return void res.json({ ok: true, injects: preview, replaced, phase });
      if (phase) return sendError(res, 409, "wrong_phase", phase);
      await options.ensureRoom(id);
      const reason = typeof req.query.reason === "string" ? req.query.reason.slice(0, 500) : "";
      const reply = await matchMaker.remoteRoomCall(id, "applyExternal", [
        { id: "http", command: { type: "importMsel", msel: checked.msel, reason } },
        { role: "facilitator", nation: null, name: "Exercise control" },
      ]);
      if (!reply.ok) return void res.status(422).json({ ok: false, code: reply.code, msg: reply.msg, problems: [] });
      res.status(201).json({ ok: true, injects: preview, replaced, seq: reply.seq });
    });
  app.post("/api/exercises/:id/msel/check", raw, sheetRoute(false));
  app.post("/api/exercises/:id/msel/import", raw, sheetRoute(true));
}
