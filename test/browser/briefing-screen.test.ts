import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserSuite, browserAndServer, joinFromStartPage, openConsole, openTab, panel, person, screenshot, type Person } from "./support/browser.ts";
import { SHIPPED_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * The Briefing phase (issue #21 item 1): when exercise control starts the briefing, a Sarnian
 * participant reads it full screen — its own nation first (description, objectives, resources,
 * agreements in force), then the situation — puts it away for the map, and finds the same
 * briefing, with its nation's part, in the Briefing tab afterwards.
 */
browserSuite("browser: the briefing screen", () => {
  let server: RunningServer;
  let browser: Browser;
  const people: Person[] = [];
  browserAndServer(SHIPPED_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("shows the briefing full screen in the Briefing phase, the nation's own part first, and keeps it as a tab", async () => {
    const created = await server.createExercise("northern-flank");
    const [control, sam] = [await person(browser), await person(browser)];
    people.push(control, sam);
    await joinFromStartPage(sam.page, server.url, created.joinCodes.find((c) => c.nation === "sarnia")!.code, "Sam Varga");
    await sam.page.getByRole("tab", { name: /^Orders/ }).waitFor();
    expect(await sam.page.getByTestId("briefing-screen").isVisible()).toBe(false);

    await openConsole(control.page, server.url, created);
    await control.page.getByRole("button", { name: "Start briefing" }).click();
    const screen = sam.page.getByTestId("briefing-screen");
    await screen.waitFor({ state: "visible" });
    await screen.getByRole("heading", { name: "Your nation: Sarnian Republic" }).waitFor();
    for (const heading of ["What your nation must achieve", "What you have", "Agreements in force", "Situation", "What this exercise trains"])
      await screen.getByRole("heading", { name: heading }).waitFor();
    expect(await screen.innerText()).toMatch(/Budget \d+ \(plus \d+ each turn\)/);
    expect(await screen.locator(".briefing-assets li").count()).toBe(3);
    await screenshot(sam.page, "briefing-screen-01-full-screen");

    await screen.getByRole("button", { name: "I have read the briefing: show the map" }).click();
    await screen.waitFor({ state: "hidden" });
    await openTab(sam.page, /^Briefing/);
    await panel(sam.page).getByRole("heading", { name: "Your nation: Sarnian Republic" }).waitFor();
    await screenshot(sam.page, "briefing-screen-02-tab");
    for (const p of people) expect(p.errors.filter((e) => !/WebGL|GPU|favicon|Failed to load resource/i.test(e))).toEqual([]);
  });
});
