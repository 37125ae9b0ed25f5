import type { Application, NextFunction, Request, Response } from "express";
import { matchMaker } from "@colyseus/core";
import type { EventStore } from "../store/event-store.ts";
import type { Logger } from "../log.ts";
import { registry, eventLoop, startMetrics } from "../metrics.ts";
import { MAX_WINDOW_SECONDS } from "./event-loop.ts";
import { noStore } from "./security-headers.ts";
import { sendError } from "./errors.ts";
import { msg } from "../../shared/i18n/message.ts";

export type HealthOptions = {
  store: EventStore;
  /** A Redis connection when REDIS_URL is set (the credential guard's): /ready pings it. */
  redis?: { ping(): Promise<unknown> } | undefined;
  version: string;
  startedAt: number;
  log: Logger;
};

/** A dependency that does not answer within this long is down, for /ready. */
const READY_TIMEOUT_MS = 2000;
/** A failing /ready is logged at most this often: a load balancer asks every few seconds. */
const READY_LOG_EVERY_MS = 30_000;

/**
 * `/health`: the process is alive (and how it is doing). `/ready`: it can serve, the store and
 * Redis answer (503 otherwise), for a load balancer or a process manager. `/metrics`:
 * Prometheus. None of them changes what another reads.
 */
export function mountHealth(app: Application, options: HealthOptions): void {
  startMetrics();
  app.use(["/health", "/ready", "/metrics"], noStore);

  app.get("/health", async (req: Request, res: Response, next: NextFunction) => {
    try {
      await health(req, res);
    } catch (error) {
      next(error);
    }
  });
  const health = async (req: Request, res: Response) => {
    const window = req.query.window === undefined ? 10 : Number(req.query.window);
    if (!Number.isInteger(window) || window < 1 || window > MAX_WINDOW_SECONDS) {
      return sendError(res, 400, "invalid_window", msg("ops.health.badWindow", { max: MAX_WINDOW_SECONDS }));
    }
    res.json({
      status: "ok",
      version: options.version,
      uptimeSeconds: Math.round((Date.now() - options.startedAt) / 1000),
      // Rooms of the whole cluster with REDIS_URL (matchmaking's view); seats connected here.
      rooms: (await matchMaker.query({ name: "exercise" })).length,
      seats: matchMaker.stats.local.ccu,
      store: options.store.kind,
      memoryMb: Math.round(process.memoryUsage().heapUsed / 1e6),
      eventLoopDelay: eventLoop.read(window),
    });
  };

  let lastLogged = -Infinity;
  app.get("/ready", async (_req: Request, res: Response) => {
    const [store, redis] = await Promise.all([
      probe(() => options.store.lastSeq("concord-ready-probe")),
      options.redis ? probe(() => options.redis!.ping()) : Promise.resolve(null),
    ]);
    const ready = store.ok && (redis === null || redis.ok);
    if (!ready && Date.now() - lastLogged > READY_LOG_EVERY_MS) {
      lastLogged = Date.now();
      options.log.warn("not ready", { store: store.ok ? "ok" : store.error, redis: redis === null ? "not used" : redis.ok ? "ok" : redis.error });
    }
    // The reasons stay in the log: this answer is public.
    const said = (p: Probe) => (p.ok ? { ok: true, ms: p.ms } : { ok: false, problem: p.timedOut ? "timeout" : "unreachable" });
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? "ready" : "unavailable", store: { kind: options.store.kind, ...said(store) }, redis: redis === null ? null : said(redis) });
  });

  app.get("/metrics", async (_req: Request, res: Response) => {
    res.setHeader("Content-Type", registry.contentType);
    res.end(await registry.metrics());
  });
}

type Probe = { ok: true; ms: number } | { ok: false; error: string; timedOut: boolean };

async function probe(check: () => Promise<unknown>): Promise<Probe> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new ProbeTimeout()), READY_TIMEOUT_MS)));
  try {
    await Promise.race([check(), timeout]);
    return { ok: true, ms: Math.round((performance.now() - started) * 100) / 100 };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof ProbeTimeout ? `no answer within ${READY_TIMEOUT_MS} ms` : String((error as Error)?.message ?? error),
      timedOut: error instanceof ProbeTimeout,
    };
  } finally {
    clearTimeout(timer);
  }
}

class ProbeTimeout extends Error {}
