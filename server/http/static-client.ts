import { stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import type { Application, NextFunction, Request, Response } from "express";

/** Vite writes every hashed file here (build.assetsDir): its name changes whenever its bytes do. */
const ASSETS = "/assets/";
/** A hashed file never changes under its name: a year, and browsers need not even revalidate it. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Pages (and any unhashed file) revalidate on every load, so a new deployment's asset names are picked up. */
export const REVALIDATE = "no-cache";
/**
 * Paths the page never answers: the server's own endpoints. A monitor scraping `/metrics` or a
 * probe reading `/ready` must get the real answer or a 404, never a 200 with the HTML page.
 */
const NOT_THE_PAGE = /^\/(?:api|health|ready|metrics|matchmake|assets)(?:\/|$)/;

export type Encoding = "br" | "gzip";
const SUFFIX: Record<Encoding, string> = { br: ".br", gzip: ".gz" };

/**
 * The encoding to send, from the request's Accept-Encoding and what is on disk: the highest
 * q-value wins, brotli before gzip on a tie (smaller); `q=0` refuses a coding, `*` stands for the
 * codings not named. null: send the file as it is.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding | null {
  if (!acceptEncoding || available.length === 0) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [rawName, ...params] = part.toLowerCase().split(";");
    const name = rawName!.trim();
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);
  }
  const weight = (coding: Encoding) => q.get(coding) ?? (coding === "gzip" ? q.get("x-gzip") : undefined) ?? q.get("*") ?? 0;
  let best: Encoding | null = null;
  for (const coding of ["br", "gzip"] as const) {
    if (!available.includes(coding) || weight(coding) <= 0) continue;
    if (best === null || weight(coding) > weight(best)) best = coding;
  }
  return best;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path names inside the client's folder, or null (outside it, a dotfile, undecodable). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.split("/").some((segment) => segment.startsWith("."))) return null;
  const path = resolve(root, `.${decoded === "/" ? "/index.html" : decoded}`);
  return path.startsWith(root + sep) ? path : null;
}

/**
 * Sends a file of the client in the encoding the browser accepts, from the `.br`/`.gz` copies the
 * build wrote beside it (build/precompress.ts). Every answer says `Vary: Accept-Encoding`, so a
 * cache in between keeps the encodings apart.
 */
async function sendClientFile(req: Request, res: Response, next: NextFunction, file: string, cacheControl: string): Promise<void> {
  const available: Encoding[] = [];
  for (const coding of ["br", "gzip"] as const) if (await isFile(file + SUFFIX[coding])) available.push(coding);
  const encoding = chooseEncoding(req.get("accept-encoding"), available);
  res.vary("Accept-Encoding");
  res.setHeader("Cache-Control", cacheControl);
  // The type of the file itself; `send` keeps a Content-Type already set, so the .br's does not replace it.
  res.type(extname(file));
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.sendFile(encoding ? file + SUFFIX[encoding] : file, { cacheControl: false, dotfiles: "allow" }, (error) => {
    if (error && !res.headersSent) next(error);
  });
}

/**
 * Serves the built browser client from `clientDir`:
 * - `/assets/…` (hashed names): cached for a year as `immutable`; a name that is not there is a
 *   404, not the page: a tab still holding the previous deployment's page must see its script
 *   fail (and the page can offer a reload), not receive HTML as JavaScript.
 * - the pages and any other file: revalidated on every load (`no-cache`).
 * - any other GET without a file extension (a client route) gets `index.html`, except the server's
 *   own endpoints (NOT_THE_PAGE).
 * Files are looked up on every request, so a rebuilt client is served without a restart.
 */
export function serveClient(app: Application, clientDir: string): void {
  const root = resolve(clientDir);
  app.use(async (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    try {
      const file = fileFor(root, req.path);
      if (req.path.startsWith(ASSETS)) {
        if (file && (await isFile(file))) return await sendClientFile(req, res, next, file, IMMUTABLE);
        res.status(404).setHeader("Cache-Control", "no-store");
        return void res.type("text/plain").send("Not found: this file is not part of the client being served (reload the page).\n");
      }
      if (file && (await isFile(file))) return await sendClientFile(req, res, next, file, REVALIDATE);
      const lastSegment = req.path.slice(req.path.lastIndexOf("/") + 1);
      if (NOT_THE_PAGE.test(req.path) || extname(lastSegment) !== "") return next();
      const index = join(root, "index.html");
      if (!(await isFile(index))) return next();
      return await sendClientFile(req, res, next, index, REVALIDATE);
    } catch (error) {
      next(error);
    }
  });
}
