import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { ROOT } from "../../server/config.ts";

export const ARTIFACTS = join(ROOT, "test", "artifacts");

/** Where Chromium is: CHROMIUM_PATH, or Debian's package. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/**
 * Browser tests never pass silently without a browser: they fail and say how to install one,
 * unless CONCORD_SKIP_BROWSER=1 asks to skip them (and then the run says so loudly).
 */
export const skipBrowser = process.env.CONCORD_SKIP_BROWSER === "1";
if (skipBrowser) {
  process.stderr.write("\n!!! CONCORD_SKIP_BROWSER=1: browser tests are SKIPPED. They did not run. !!!\n\n");
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error(
      "Chromium not found. Install it with `apt-get install -y chromium` (Debian), or set CHROMIUM_PATH to a Chromium binary. To skip browser tests, set CONCORD_SKIP_BROWSER=1.",
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}
