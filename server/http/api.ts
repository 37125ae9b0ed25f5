import { RateLimiterMemory } from "rate-limiter-flexible";
import { requestAddress } from "../security/client-address.ts";
import express, { type Application, type Request, type Response, type NextFunction } from "express";
import { randomBytes } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import type { ExerciseService } from "../exercises/exercise-service.ts";
import { JoinRefused } from "../exercises/seat-service.ts";
import { scenarioSummary } from "../exercises/scenario-catalog.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";
import { viewFor, type Viewer } from "../../shared/engine/view-for.ts";
import { sendError } from "./errors.ts";
import { wellFormed, clipText } from "../security/well-formed.ts";
import { exerciseAccess, viewerAccess, presentedSecret, denied, type Access } from "./exercise-access.ts";
import { payloadRefusal } from "../rooms/command-pipeline.ts";
import { msg } from "../../shared/i18n/message.ts";
import { DownloadTickets } from "./download-tickets.ts";
import { noStore } from "./security-headers.ts";
import type { Logger } from "../log.ts";
import { tokenMatchesPlain } from "./operator.ts";
import { mountLibrary } from "./library-api.ts";
import { mountMselRoutes } from "./msel-routes.ts";
import { mountAarRoute } from "./aar-route.ts";
import { mountImprovementRoutes } from "./improvement-routes.ts";
import { asyncRoute } from "./async-route.ts";
import { ChatHistory } from "./chat-history.ts";

export type ApiOptions = {
  service: ExerciseService;
  operatorPassword: string | null;
  version: string;
  startedAt: number;
  ensureRoom: (exerciseId: string) => Promise<void>;
  log: Logger;
};

/** Exercises one address may create in an hour on a server without an operator password. */
const CREATIONS_PER_HOUR = 20;

export function mountApi(app: Application, options: ApiOptions): void {
  const { service } = options;
  const chatHistory = new ChatHistory(service.store);
  const creations = new RateLimiterMemory({ keyPrefix: "create", points: CREATIONS_PER_HOUR, duration: 3600 });
  // In Colyseus's presence: shared by every process when REDIS_URL is set.
  const tickets = new DownloadTickets({
    setex: (k, v, s) => matchMaker.presence.setex(k, v, s),
    get: (k) => matchMaker.presence.get(k),
    del: (k) => matchMaker.presence.del(k),
  });
  app.use("/api", noStore);
  // A secret in a URL stays in browser history, proxy logs and Referer headers.
  app.use("/api", (req, res, next) => {
    if (req.query.token === undefined) return next();
    sendError(res, 401, "token_in_url", msg("server.http.tokenInUrl"));
  });
  app.use("/api", express.json({ limit: "64kb" }));
  // JSON bodies get what room messages get (command-pipeline.ts): every string, keys included,
  // well-formed (a lone surrogate in an exercise's or a branch's title would otherwise reach the
  // state as invalid UTF-8 and garble every decoder), and nothing nested deeper than
  // MAX_PAYLOAD_DEPTH (JSON.parse copes with any depth; what comes after may not).
  app.use("/api", (req, res, next) => {
    if (req.body === undefined || req.body === null || typeof req.body !== "object") return next();
    const clean = wellFormed(req.body);
    if (!clean.ok) return sendError(res, 400, "invalid_payload", payloadRefusal(clean).msg);
    req.body = clean.value;
    next();
  });

  app.get("/api/scenarios", (_req, res) => {
    res.json({ scenarios: service.listScenarios().map(scenarioSummary) });
  });

  /**
   * The operator password, checked under the guessing limits. Listing exercises always needs
   * it; creating one needs it when it is set, and is otherwise limited per address.
   */
  const operatorOnly = async (req: Request, res: Response, purpose: "create" | "list", bodyOnly = false): Promise<boolean> => {
    const password = options.operatorPassword;
    if (!password) {
      if (purpose === "list") {
        sendError(res, 403, "operator_password_required", msg("server.http.operatorPasswordUnset"));
        return false;
      }
      const allowed = await creations.consume(requestAddress(req)).then(
        () => true,
        () => false,
      );
      if (!allowed) sendError(res, 429, "rate_limited", msg("server.http.creationsLimited", { count: CREATIONS_PER_HOUR }));
      return allowed;
    }
    // bodyOnly: the Authorization header carries another credential (the library's new run).
    const presented = (bodyOnly ? null : presentedSecret(req)) ?? (typeof req.body?.password === "string" ? req.body.password : null);
    if (!presented) {
      sendError(res, 401, "operator_password_required", msg("server.http.operatorPasswordRequired"));
      return false;
    }
    try {
      await service.seats.underGuard("@operator", requestAddress(req), async () => {
        if (!tokenMatchesPlain(presented, password)) throw new JoinRefused("wrong_password", msg("server.join.wrong_password"));
      });
      return true;
    } catch (error) {
      if (!(error instanceof JoinRefused)) throw error;
      sendError(res, error.code === "rate_limited" ? 429 : 401, error.code === "rate_limited" ? error.code : "operator_password_required", error.msg);
      return false;
    }
  };

  app.post(
    "/api/exercises",
    asyncRoute(async (req, res) => {
      if (!(await operatorOnly(req, res, "create"))) return;
      const scenarioId = req.body?.scenarioId;
      if (typeof scenarioId !== "string") return sendError(res, 400, "invalid_payload", msg("server.http.scenarioRequired"));
      const title = typeof req.body?.title === "string" ? clipText(req.body.title, 160) : undefined;
      try {
        const created = await service.create(scenarioId, title);
        await options.ensureRoom(created.id);
        res.status(201).json(created);
      } catch (error) {
        if (error instanceof JoinRefused) return sendError(res, 404, error.code, error.msg);
        throw error;
      }
    }),
  );

  app.get(
    "/api/exercises",
    asyncRoute(async (req, res) => {
      if (!(await operatorOnly(req, res, "list"))) return;
      res.json({ exercises: await service.store.listExercises() });
    }),
  );

  app.post(
    "/api/join",
    asyncRoute(async (req, res) => {
      const code = req.body?.code;
      if (typeof code !== "string" || code.trim() === "") return sendError(res, 400, "code_required", msg("server.http.codeRequired"));
      try {
        const found = await service.seats.lookupCode(code, requestAddress(req));
        const record = await service.store.getExercise(found.exerciseId);
        if (record?.archivedAt) return sendError(res, 403, "archived", msg("library.join.archived"));
        await options.ensureRoom(found.exerciseId);
        res.json({ ...found, title: record?.title ?? "", nationName: found.nation ? record?.scenario.nations.find((n) => n.id === found.nation)?.name : null });
      } catch (error) {
        if (error instanceof JoinRefused) return sendError(res, error.code === "rate_limited" ? 429 : 404, error.code, error.msg);
        throw error;
      }
    }),
  );

  /** For the facilitator's and trainer's tools: which exercise a token opens. */
  app.get(
    "/api/exercises/:id",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      const access = await exerciseAccess(service, req, id);
      if ("denied" in access) return sendError(res, access.denied.status, access.denied.code, access.denied.msg ?? access.denied.message);
      const record = (await service.store.getExercise(id))!;
      const listing = await matchMaker.getRoomById(id);
      const host = listing ? { processId: listing.processId, publicAddress: listing.publicAddress ?? null } : null;
      res.json({
        id: record.id,
        title: record.title,
        scenarioId: record.scenario.id,
        createdAt: record.createdAt,
        lastSeq: await service.store.lastSeq(id),
        role: access.role,
        ...(access.lead ? { lead: true } : {}),
        host,
        ...(access.role === "facilitator" ? { joinCodes: record.joinCodes, observerCode: record.observerCode } : {}),
      });
    }),
  );

  /** Branch a new exercise from any moment of this one's log (facilitator only). */
  app.post(
    "/api/exercises/:id/branch",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      const access = await exerciseAccess(service, req, id);
      if ("denied" in access) return sendError(res, access.denied.status, access.denied.code, access.denied.msg ?? access.denied.message);
      if (access.role !== "facilitator") return sendError(res, 403, "not_facilitator", msg("server.http.branchFacilitatorOnly"));
      const seq = req.body?.seq;
      if (!Number.isInteger(seq) || seq < 0) return sendError(res, 400, "invalid_payload", msg("server.http.branchSeqRequired"));
      let created;
      try {
        created = await service.branch(id, seq, typeof req.body?.title === "string" ? clipText(req.body.title, 160) : undefined);
      } catch (error) {
        if (error instanceof JoinRefused && error.code === "seq_beyond_log") return sendError(res, 400, error.code, error.msg);
        throw error;
      }
      await options.ensureRoom(created.id);
      res.status(201).json(created);
    }),
  );

  /**
   * A browser cannot send a header with a link it opens: it trades its credential (same access as
   * the report) for a ticket good for one download within 60 s (server/http/download-tickets.ts).
   */
  app.post(
    "/api/exercises/:id/tickets",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      const access = await exerciseAccess(service, req, id);
      if ("denied" in access) return sendError(res, access.denied.status, access.denied.code, access.denied.msg ?? access.denied.message);
      res.status(201).json(await tickets.issue(id, access.role));
    }),
  );

  /** The log and the report are also downloaded with `?ticket=` instead of the Authorization header. */
  const downloadAccess = async (req: Request, id: string): Promise<Access> => {
    if (req.query.ticket === undefined) return exerciseAccess(service, req, id);
    if (!(await service.store.getExercise(id))) return denied(404, "unknown_exercise", msg("server.join.unknown_exercise"));
    const role = typeof req.query.ticket === "string" ? await tickets.redeem(req.query.ticket, id) : null;
    if (role) return { role };
    return denied(401, "ticket_invalid", msg("server.http.ticketInvalid"));
  };

  app.get(
    "/api/exercises/:id/events",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      const access = await downloadAccess(req, id);
      if ("denied" in access) return sendError(res, access.denied.status, access.denied.code, access.denied.msg ?? access.denied.message);
      const from = intParam(req.query.from, 1);
      const to = intParam(req.query.to, Number.MAX_SAFE_INTEGER);
      const ndjson = req.query.format === "ndjson" || req.accepts(["application/json", "application/x-ndjson"]) === "application/x-ndjson";
      // `only=events`: the range's events without the header (the viewer's later ranges: the
      // scenario, a quarter of a megabyte, is the same in every range and read from the first).
      const eventsOnly = req.query.only === "events";
      if (!ndjson && service.store.readEventsJson) {
        // The store writes the events' JSON itself: 100,000 events are not parsed to be written again.
        const events = await service.store.readEventsJson(id, from, to);
        if (eventsOnly) {
          res.type("application/json").send(`{"events":${events}}`);
          return;
        }
        const record = (await service.store.getExercise(id))!;
        res
          .type("application/json")
          .send(`{"exerciseId":${JSON.stringify(id)},"scenario":${JSON.stringify(record.scenario)},"seed":${JSON.stringify(record.seed)},"events":${events}}`);
        return;
      }
      const events = await service.store.readEvents(id, from, to);
      if (ndjson) {
        res.type("application/x-ndjson").send(events.map((e) => JSON.stringify(e)).join("\n") + (events.length ? "\n" : ""));
        return;
      }
      if (eventsOnly) {
        res.json({ events });
        return;
      }
      const record = (await service.store.getExercise(id))!;
      res.json({ exerciseId: id, scenario: record.scenario, seed: record.seed, events });
    }),
  );

  app.get(
    "/api/exercises/:id/state",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      const access = await exerciseAccess(service, req, id);
      if ("denied" in access) return sendError(res, access.denied.status, access.denied.code, access.denied.msg ?? access.denied.message);
      const record = (await service.store.getExercise(id))!;
      const seq = intParam(req.query.seq, Number.MAX_SAFE_INTEGER);
      const events = await service.store.readEvents(id, 1, seq);
      const state = foldEvents(initialState(record.scenario, record.id, record.seed), events);
      const nation = typeof req.query.nation === "string" ? req.query.nation : null;
      if (nation && !Object.hasOwn(state.nations, nation)) return sendError(res, 404, "unknown_nation", msg("server.http.unknownNation"));
      const viewer: Viewer = nation ? { kind: "nation", nation } : { kind: "white" };
      res.json(viewFor(state, viewer));
    }),
  );

  /**
   * Older chat of one channel, for a seat that reads it: the live state carries only the last
   * LIVE_MESSAGES_PER_CHANNEL of each channel. `before` is a message id; the newest `limit`
   * (default 100, at most 500) messages before it, oldest first, and whether there are more.
   */
  app.get(
    "/api/exercises/:id/messages",
    asyncRoute(async (req, res) => {
      const id = String(req.params.id);
      const access = await viewerAccess(service, req, id);
      if ("denied" in access) return sendError(res, access.denied.status, access.denied.code, access.denied.msg ?? access.denied.message);
      const channel = typeof req.query.channel === "string" ? req.query.channel : "";
      if (!channel) return sendError(res, 400, "invalid_payload", msg("server.http.channelRequired"));
      const limit = Math.min(500, Math.max(1, intParam(req.query.limit, 100)));
      const page = await chatHistory.page(id, access.viewer, channel, typeof req.query.before === "string" ? req.query.before : null, limit);
      if ("refused" in page)
        return page.code === "not_your_channel"
          ? sendError(res, 403, page.code, msg("server.http.notYourChannel"))
          : sendError(res, 404, page.code, msg("server.http.unknownMessage"));
      res.json(page);
    }),
  );

  mountImprovementRoutes(app, { service, ensureRoom: options.ensureRoom });
  mountAarRoute(app, { service, downloadAccess });
  mountLibrary(app, {
    service,
    operatorPassword: options.operatorPassword,
    log: options.log,
    operatorOnly: (req, res) => operatorOnly(req, res, "list"),
    mayCreate: (req, res) => operatorOnly(req, res, "create", true),
  });
  mountMselRoutes(app, { service, ensureRoom: options.ensureRoom, downloadAccess });

  app.use("/api", (_req, res) => sendError(res, 404, "not_found", msg("server.http.notFound")));
  app.use((error: Error & { type?: string; status?: number; expose?: boolean }, req: Request, res: Response, _next: NextFunction) => {
    if (error.type === "entity.parse.failed") return sendError(res, 400, "invalid_json", msg("server.http.invalidJson"));
    if (error.type === "entity.too.large") return sendError(res, 413, "too_large", msg("server.http.tooLarge"));
    // http-errors marks the client errors whose message is meant for the client (body-parser's).
    if (error.expose === true && error.status && error.status >= 400 && error.status < 500) return sendError(res, error.status, "bad_request", error.message);
    // Anything else stays in the log; the client gets a reference to quote to the operator.
    const reference = randomBytes(6).toString("hex");
    options.log.error("http request failed", { reference, method: req.method, path: req.path, error: String(error), stack: error.stack });
    sendError(res, 500, "internal_error", msg("server.http.internal", { reference }), reference);
  });
}

function intParam(value: unknown, fallback: number): number {
  const n = typeof value === "string" ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}
