import { chromium, type Browser, type Page } from "playwright-core";

/** Headless Chromium as the client bench launches it (software rendering, no background work). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * Times what a person sees: from the moment of an input event (its `timeStamp`, taken in the
 * capture phase, before any of the page's handlers) to the first frame painted after `ready()`
 * in the page holds. `ready` is checked after every DOM change under the body and on every
 * frame; once it holds, the time is taken in the task after the next animation frame (the frame
 * that shows it has been painted by then).
 *
 * `arm(page, events, ready)` installs the watch for the next one of `events`; `done(page)`
 * resolves with the milliseconds. The watch is a string, evaluated in the page.
 */
export async function arm(page: Page, events: string[], ready: string): Promise<void> {
  await page.evaluate(
    ({ events, ready }) => {
      const w = window as unknown as { __timing?: Promise<number> };
      const check = new Function(`return (${ready});`) as () => boolean;
      w.__timing = new Promise<number>((resolve) => {
        let start = -1;
        let finished = false;
        const onEvent = (e: Event) => {
          if (start >= 0) return;
          start = e.timeStamp;
          for (const type of events) window.removeEventListener(type, onEvent, true);
          poll();
        };
        for (const type of events) window.addEventListener(type, onEvent, true);
        const observer = new MutationObserver(() => poll());
        const poll = () => {
          if (start < 0 || finished || !check()) return;
          finished = true;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        };
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const frame = () => {
          if (finished) return;
          poll();
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    },
    { events, ready },
  );
}

export async function done(page: Page, timeoutMs = 60_000): Promise<number> {
  return page.evaluate((timeoutMs) => {
    const w = window as unknown as { __timing: Promise<number> };
    return Promise.race([w.__timing, new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`not shown within ${timeoutMs} ms`)), timeoutMs))]);
  }, timeoutMs);
}

/** Waits until the page has had `quietMs` without a late timer (a long task: the joins' and patches' work done). */
export async function settle(page: Page, quietMs = 500, timeoutMs = 30_000): Promise<void> {
  await page.evaluate(
    ({ quietMs, timeoutMs }) =>
      new Promise<void>((resolve) => {
        const began = performance.now();
        let previous = began;
        let quietSince = began;
        const watch = () => {
          const now = performance.now();
          // A 16 ms timer that fires more than 50 ms late: the main thread was busy.
          if (now - previous > 50) quietSince = now;
          previous = now;
          if (now - quietSince >= quietMs || now - began > timeoutMs) resolve();
          else setTimeout(watch, 16);
        };
        setTimeout(watch, 16);
      }),
    { quietMs, timeoutMs },
  );
}

/**
 * `CONCORD_BENCH_PAGE_PROFILE=<folder>`: a Chromium CPU profile of the page around `work`, written
 * as <folder>/<name>.cpuprofile (open it in Chrome's DevTools, Performance panel). Without it, just `work`.
 */
export async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.CONCORD_BENCH_PAGE_PROFILE;
  if (!folder) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send("Profiler.stop");
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(folder, { recursive: true });
    writeFileSync(`${folder}/${name}.cpuprofile`, JSON.stringify(profile));
    await cdp.detach();
  }
}
