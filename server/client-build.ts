import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "./config.ts";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `npm start` builds the browser client when dist/ is missing or older than its sources. */
export function clientBuildIsStale(clientDir: string): boolean {
  const index = join(clientDir, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return [join(ROOT, "client"), join(ROOT, "shared")].some((dir) => existsSync(dir) && newestMtime(dir) > built);
}

export function buildClient(): void {
  const vite = join(ROOT, "node_modules", ".bin", "vite");
  // stdout is for JSON log lines: vite says what it has to say on stderr.
  const result = spawnSync(vite, ["build", "--logLevel", "warn"], { cwd: ROOT, stdio: ["ignore", process.stderr, "inherit"] });
  if (result.status !== 0) throw new Error("building the browser client failed (see the vite output above)");
}
