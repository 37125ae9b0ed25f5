import { matchMaker } from "@colyseus/core";

/**
 * Cross-origin access: none unless the operator lists origins in CONCORD_CORS_ORIGINS.
 *
 * Colyseus answers CORS itself, for every HTTP request and before express sees it
 * (@colyseus/core router/index.mjs, `bindRouterToTransport`): it merges
 * `matchMaker.controller.DEFAULT_CORS_HEADERS` with `matchMaker.controller.getCorsHeaders(headers)`
 * into each response and answers every OPTIONS with 204 and those headers. Its defaults echo any
 * Origin with `Access-Control-Allow-Credentials: true`, so any web page could reserve seats and read
 * the answers. Replacing those two members is the hook Colyseus documents, and because that listener
 * runs for express routes too, this one policy covers the matchmaking routes and the API alike.
 *
 * The same hook is the only place where Colyseus's own matchmaking answers (which carry seat
 * reservations) get headers from us, so it also sets `Cache-Control: no-store` on every response as
 * the default; express routes that may be cached (the static client) set their own.
 */
export function corsHeadersFor(origin: string | null, allowed: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (allowed.length > 0) headers.Vary = "Origin";
  if (origin === null || !allowed.includes(origin)) return headers;
  return {
    ...headers,
    "Access-Control-Allow-Origin": origin,
    // The SDK's matchmaking requests are sent with `credentials: "include"`.
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Methods": "GET,HEAD,POST,PATCH,DELETE",
    "Access-Control-Allow-Headers": "Content-Type, Authorization",
    "Access-Control-Max-Age": "600",
  };
}

/** Installs the policy in Colyseus's matchmaking controller (a process-wide object). */
export function installCorsPolicy(allowed: readonly string[]): void {
  (matchMaker.controller as { DEFAULT_CORS_HEADERS: Record<string, string> }).DEFAULT_CORS_HEADERS = {};
  matchMaker.controller.getCorsHeaders = (headers: Headers) => corsHeadersFor(headers.get("origin"), allowed);
}
