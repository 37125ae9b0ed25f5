import helmet from "helmet";
import type { RequestHandler } from "express";

/**
 * The pages' Content-Security-Policy. Verified against the Vite build (dist/ has no inline script
 * or style; CSS comes as <link>) and in Chromium: Phaser makes its default textures from data:
 * images and may load through blob: URLs; the favicon is a data: URL. Element styles are set through
 * the CSSOM (client/src/ui/dom.ts), which a CSP does not restrict, so style-src needs no
 * 'unsafe-inline'. connect-src 'self' covers the WebSocket to the same host and port.
 */
const PAGE_DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/**
 * The HTML after-action report is a self-contained document (one inline <style>, inline SVG
 * charts) and runs no script at all.
 */
export const AAR_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Headers for every response express writes. HSTS is left to the TLS terminator in front
 * (docs/OPERATIONS.md): Concord cannot know whether it is reached over HTTPS, and a wrong
 * `includeSubDomains` would bind the operator's other hosts. No `upgrade-insecure-requests` either:
 * many exercises run over plain HTTP on a closed network, where it would break every asset load.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: PAGE_DIRECTIVES },
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: false,
  }) as RequestHandler;
}

/** Exercise data and secrets must not stay in any cache, shared or private. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
};
