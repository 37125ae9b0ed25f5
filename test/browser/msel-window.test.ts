import { expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { browserSuite, browserAndServer, person, screenshot, seeText, openTab, panel, openConsole } from "./support/browser.ts";
import { expectAccessible } from "./support/axe.ts";
import type { RunningServer } from "./support/server.ts";

/** A scenario of the tiny test map with a long MSEL: 120 injects. */
function longMsel(): string {
  const dir = mkdtempSync(join(tmpdir(), "concord-long-msel-"));
  const tiny = JSON.parse(readFileSync(join(import.meta.dirname, "..", "server", "fixtures", "scenarios", "tiny.json"), "utf8"));
  tiny.id = "long-msel";
  tiny.msel = Array.from({ length: 120 }, (_, i) => ({
    id: `i${i + 1}`,
    number: `${Math.floor(i / 100) + 1}.${String((i % 100) + 1).padStart(2, "0")}`,
    trigger: { kind: "scheduled", turn: 1 + (i % tiny.turns) },
    type: "information",
    from: "Control",
    to: "all",
    title: `Long inject ${i + 1}`,
    body: "A situation report.",
  }));
  writeFileSync(join(dir, "long-msel.json"), JSON.stringify(tiny));
  return dir;
}

/**
 * A long MSEL shows its rows a window at a time: the first 50 of what the filters show, more
 * when the reader reaches the end of the table or presses the button there; the count says
 * how many the filters show of all, and the search still finds any inject.
 */
browserSuite("browser: a long MSEL, a window at a time", () => {
  let server: RunningServer;
  let browser: Browser;
  browserAndServer(longMsel(), (b, s) => ((browser = b), (server = s)));

  it("shows 50 rows, then more, and filters all 120", async () => {
    const ex = await server.createExercise("long-msel");
    const control = await person(browser);
    const f = control.page;
    await openConsole(f, server.url, ex);
    await openTab(f, "MSEL");
    const msel = panel(f);
    const rows = msel.locator("tbody tr[data-inject]");
    await seeText(f, "120 of 120 injects shown");
    expect(await rows.count()).toBe(50);
    // Reaching the end of the table shows the next rows; the button there does it from the keyboard.
    const more = msel.getByRole("button", { name: /^Show \d+ more injects \(\d+ not shown yet\)$/ });
    expect(await more.textContent()).toBe("Show 50 more injects (70 not shown yet)");
    await more.scrollIntoViewIfNeeded();
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(100);
    if (await more.isVisible()) {
      await more.focus();
      await f.keyboard.press("Enter");
    }
    await expect.poll(() => rows.count()).toBe(120);
    await more.waitFor({ state: "hidden" });
    // The search finds an inject beyond the window, and its row is there.
    await msel.getByLabel("Search the MSEL").fill("Long inject 117");
    await seeText(f, "1 of 120 injects shown");
    await f.locator('tr[data-inject="2.17"]').waitFor();
    expect(await rows.count()).toBe(1);
    await msel.getByLabel("Search the MSEL").fill("");
    await seeText(f, "120 of 120 injects shown");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(50);
    await screenshot(f, "msel-window");
    await expectAccessible(f, "a long MSEL, its first rows");
    expect(control.errors).toEqual([]);
  }, 60_000);
});
