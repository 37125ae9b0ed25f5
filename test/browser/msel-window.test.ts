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
 * A long MSEL shows its rows a window at a time: the first 25 of what the filters show, more
 * when the reader reaches the end of the table or presses the button there; the count says
 * how many the filters show of all, and the search still finds any inject. A row shows its
 * next action and the others behind "More"; a filter put back shows its rows as they were.
 */
browserSuite("browser: a long MSEL, a window at a time", () => {
  let server: RunningServer;
  let browser: Browser;
  browserAndServer(longMsel(), (b, s) => ((browser = b), (server = s)));

  it("shows 25 rows, then more, and filters all 120", async () => {
    const ex = await server.createExercise("long-msel");
    const control = await person(browser);
    const f = control.page;
    await openConsole(f, server.url, ex);
    await openTab(f, "MSEL");
    const msel = panel(f);
    const rows = msel.locator("tbody tr[data-inject]");
    await seeText(f, "120 of 120 injects shown");
    expect(await rows.count()).toBe(25);
    // A row's next action is on it; the others are made when its "More" is pressed.
    const first = f.locator('tr[data-inject="1.01"]');
    expect(await first.getByRole("button").allTextContents()).toEqual(["Release", "More"]);
    const more1 = first.getByRole("button", { name: "More actions for inject 1.01" });
    await more1.click();
    expect(await more1.getAttribute("aria-expanded")).toBe("true");
    for (const name of ["Skip", "Delay", "Edit", "Duplicate", "Hold inject 1.01 off the timeline", "Move inject 1.01 up", "Move inject 1.01 down", "Delete"])
      await first.getByRole("button", { name: new RegExp(`^${name}`) }).waitFor();
    await first.getByLabel("Delay inject 1.01 to turn").waitFor();
    await screenshot(f, "msel-row-more");
    // Held: the row is made again, still showing all its actions, and the focus stays on the button pressed.
    await first.getByRole("button", { name: "Hold inject 1.01 off the timeline" }).click();
    await seeText(f, "Inject 1.01 is held: it will go out only when you release it.");
    const unhold = f.getByRole("button", { name: "Put inject 1.01 back on the timeline" });
    await unhold.waitFor();
    await expect.poll(() => unhold.evaluate((b) => b === document.activeElement)).toBe(true);
    await f.getByRole("button", { name: "More actions for inject 1.01" }).click();
    await unhold.waitFor({ state: "detached" });
    // Reaching the end of the table shows the next rows; the button there does it from the keyboard.
    const more = msel.getByRole("button", { name: /^Show \d+ more injects \(\d+ not shown yet\)$/ });
    expect(await more.textContent()).toBe("Show 25 more injects (95 not shown yet)");
    await more.scrollIntoViewIfNeeded();
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(50);
    for (let step = 0; step < 4 && (await more.isVisible()); step++) {
      await more.focus();
      await f.keyboard.press("Enter");
      await f.waitForTimeout(100);
    }
    await expect.poll(() => rows.count()).toBe(120);
    await more.waitFor({ state: "hidden" });
    // A row's open details survive a filter that hides it (its row is kept, not made again).
    await f.locator('tr[data-inject="1.02"] summary').click();
    // Its text is made when it is opened.
    await f.locator('tr[data-inject="1.02"] details[open] .inject-body', { hasText: "A situation report." }).waitFor();
    // The search finds an inject beyond the window, and its row is there.
    await msel.getByLabel("Search the MSEL").fill("Long inject 117");
    await seeText(f, "1 of 120 injects shown");
    await f.locator('tr[data-inject="2.17"]').waitFor();
    expect(await rows.count()).toBe(1);
    await msel.getByLabel("Search the MSEL").fill("");
    await seeText(f, "120 of 120 injects shown");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(25);
    expect(await f.locator('tr[data-inject="1.02"] details').getAttribute("open")).not.toBeNull();
    await screenshot(f, "msel-window");
    await expectAccessible(f, "a long MSEL, its first rows");
    expect(control.errors).toEqual([]);
  }, 60_000);
});
