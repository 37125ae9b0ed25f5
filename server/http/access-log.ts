import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Logger } from "../log.ts";
import { requestAddress } from "../security/client-address.ts";

/**
 * Query parameters whose values may be written to the log; every other value is replaced by
 * "[redacted]". An allow-list, so a new parameter carrying a secret (a ticket, a code, a token
 * someone put in a URL by mistake) is redacted without anyone remembering to add it.
 */
export const LOGGED_QUERY_PARAMETERS = new Set([
  "format",
  "lang",
  "window",
  "from",
  "to",
  "fromSeq",
  "toSeq",
  "limit",
  "before",
  "after",
  "channel",
  "nation",
  "view",
  "as",
]);

/** Routes a load balancer or Prometheus calls every few seconds: logged at debug level only. */
const PROBES = new Set(["/health", "/ready", "/metrics", "/__healthcheck"]);

/** The path and its query with secrets redacted: what the access log writes for a request URL. */
export function loggedPath(url: string): string {
  const question = url.indexOf("?");
  if (question < 0) return url;
  const path = url.slice(0, question);
  const query = new URLSearchParams(url.slice(question + 1));
  const kept = [...query].map(([name, value]) => `${encodeURIComponent(name)}=${LOGGED_QUERY_PARAMETERS.has(name) ? encodeURIComponent(value) : "[redacted]"}`);
  return kept.length ? `${path}?${kept.join("&")}` : path;
}

/**
 * One line per HTTP request (method, path with its query's secrets redacted, status, ms,
 * bytes, client address), for every request the HTTP server answers: express's routes and
 * Colyseus's matchmaking routes, which do not pass through express. Headers (Authorization
 * carries every credential) and bodies (join codes) are never logged.
 */
export function installAccessLog(server: Server, log: Logger): void {
  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    res.once("finish", () => {
      const path = loggedPath(req.url ?? "/");
      const fields = {
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 100) / 100,
        bytes: Number(res.getHeader("content-length") ?? 0) || undefined,
        address: requestAddress(req),
      };
      if (PROBES.has(path.split("?")[0]!)) log.debug?.("http", fields);
      else log.info("http", fields);
    });
  });
}
