import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "./config.ts";

/** Where `vite build` writes the client (vite.config.ts), and where the server looks by default. */
export const DEFAULT_CLIENT_DIR = join(ROOT, "dist");
const VITE = join(ROOT, "node_modules", ".bin", "vite");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/ is missing or older than the client's sources. */
export function clientBuildIsStale(clientDir: string): boolean {
  const index = join(clientDir, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return [join(ROOT, "client"), join(ROOT, "shared")].some((dir) => existsSync(dir) && newestMtime(dir) > built);
}

/** Vite is a build-time package (a devDependency): a production install (`npm ci --omit=dev`) has none. */
export function viteIsInstalled(): boolean {
  return existsSync(VITE);
}

export type ClientPlan = { action: "serve" } | { action: "build"; reason: string } | { action: "fail"; message: string };

/**
 * What `npm start` does about the browser client. A checkout with the dev packages builds it when
 * it is missing, and again when its sources are newer (so a `git pull` never serves an old client
 * against a new server). A production install cannot build: it serves the client it was given,
 * whatever the files' dates say (a copied tree has the copy's dates), and refuses to start
 * without one, saying what to do.
 */
export function planClientBuild(clientDir: string, viteInstalled = viteIsInstalled(), defaultDir = DEFAULT_CLIENT_DIR): ClientPlan {
  const built = existsSync(join(clientDir, "index.html"));
  const ours = resolve(clientDir) === resolve(defaultDir);
  if (!built && !ours) {
    return {
      action: "fail",
      message: `CLIENT_DIR ${clientDir} holds no built client (index.html is missing). Build one with \`npm run build\` (it writes ${defaultDir}) and point CLIENT_DIR at it, or unset CLIENT_DIR.`,
    };
  }
  if (!built && !viteInstalled) {
    return {
      action: "fail",
      message:
        `the browser client is not built (${join(clientDir, "index.html")} is missing) and this install cannot build it: vite, a build-time package, is not installed (a production install, \`npm ci --omit=dev\`). ` +
        "Build it where the dev packages are (`npm ci && npm run build`) and ship dist/ with the tree, or run `npm ci` here and start again. " +
        "(CONCORD_SKIP_CLIENT_BUILD=1 starts the server without a client: API and rooms only.)",
    };
  }
  if (!built) return { action: "build", reason: "first start: no built client yet" };
  if (ours && viteInstalled && clientBuildIsStale(clientDir)) return { action: "build", reason: "the client's sources changed since it was built" };
  return { action: "serve" };
}

export function buildClient(): void {
  if (!viteIsInstalled()) throw new Error(`cannot build the browser client: vite is not installed (${VITE}); run \`npm ci\` (with the dev packages) first`);
  // stdout is for JSON log lines: vite says what it has to say on stderr.
  const result = spawnSync(VITE, ["build", "--logLevel", "warn"], { cwd: ROOT, stdio: ["ignore", process.stderr, "inherit"] });
  if (result.status !== 0) throw new Error("building the browser client failed (see the vite output above)");
}

/** `npm start` cannot serve a client: one line for the operator, no stack. */
export class ClientNotBuilt extends Error {}
