import { chromium } from "playwright-core";
import { profiled } from "./paint-timing.ts";
import { join } from "node:path";
import { ROOT } from "../../server/config.ts";
import { clientBuildIsStale, buildClient } from "../../server/client-build.ts";

export type ReplayFigures = { openMs: number; seeks: number[]; regions: number };

/** The built client the server serves (built first when stale, as the client bench does). */
export function clientDir(): string {
  const dir = join(ROOT, "dist");
  if (clientBuildIsStale(dir)) buildClient();
  return dir;
}

/**
 * The replay viewer over a long log in headless Chromium, on loopback: from "Open replay" with
 * the observer code to the map drawn (every region), then `seeks` jumps of the scrubber to
 * seeded places, each timed in the page from the scrubber's input event to the end of the
 * render it runs (the viewer renders synchronously on input). `CONCORD_BENCH_PAGE_PROFILE=<folder>`
 * writes the page's CPU profiles of the opening and of the seeks (paint-timing.ts `profiled`).
 */
/** `typeDelayMs`: the observer code typed a key at a time with that pause (a person typing), not filled at once. */
export async function replayLongLog(
  url: string,
  exerciseId: string,
  observerCode: string,
  regions: number,
  seeks: number,
  typeDelayMs = 0,
): Promise<ReplayFigures> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}/replay.html#exercise=${encodeURIComponent(exerciseId)}`);
    const open = page.getByRole("button", { name: "Open replay" });
    await open.waitFor({ timeout: 60_000 });
    if (typeDelayMs > 0) await page.locator("#replay-code").pressSequentially(observerCode, { delay: typeDelayMs });
    else await page.locator("#replay-code").fill(observerCode);
    const started = Date.now();
    await profiled(page, `replay-open-${exerciseId}`, async () => {
      await open.click();
      await page.locator(`[data-testid="replay-map"][data-regions-drawn="${regions}"]`).waitFor({ timeout: 180_000 });
    });
    const openMs = Date.now() - started;
    const times = await profiled(page, "replay-seeks", () =>
      page.evaluate((count) => {
        const scrubber = document.getElementById("scrubber") as HTMLInputElement;
        const last = Number(scrubber.max);
        const out: number[] = [];
        let seed = 12345;
        for (let i = 0; i < count; i++) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          scrubber.value = String(Math.floor((seed / 2147483648) * last));
          const t = performance.now();
          scrubber.dispatchEvent(new Event("input"));
          out.push(performance.now() - t);
        }
        return out;
      }, seeks),
    );
    await context.close();
    return { openMs, seeks: times, regions };
  } finally {
    await browser.close();
  }
}
