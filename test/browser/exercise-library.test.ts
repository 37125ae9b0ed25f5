import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserSuite, browserAndServer, person, openConsole, screenshot, seeText } from "./support/browser.ts";
import { SERVER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * The exercise library (issue #20.5) as exercise control uses it: the browser remembers the
 * facilitator links it opened; the start page lists those exercises, archives one (its console
 * is closed and it can no longer be joined), brings it back and reopens it.
 */
browserSuite("browser: the exercise library lists, archives and reopens an exercise", () => {
  let server: RunningServer;
  let browser: Browser;
  browserAndServer(SERVER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("lists the exercises whose links this browser opened, archives one and reopens it", async () => {
    const first = await server.createExercise("tiny");
    const second = await server.createExercise("tiny");
    const stranger = await server.createExercise("tiny");
    const control = await person(browser);
    const { page } = control;
    for (const exercise of [first, second]) {
      await openConsole(page, server.url, exercise);
      await page.getByRole("button", { name: "Start exercise" }).waitFor();
    }
    await page.getByRole("button", { name: "Start exercise" }).click();
    await page.locator(".phase-pill", { hasText: "Running" }).waitFor();

    // The start page, in another tab: the library lists both, with phase, turn and seats online.
    const tab = await control.context.newPage();
    await tab.goto(server.url);
    const library = tab.locator(".library-card");
    await library.getByRole("heading", { name: "Exercise library" }).waitFor();
    const row = (id: string) => library.locator(`tr[data-exercise="${id}"]`);
    await row(second.id).waitFor();
    await expect(row(first.id).count()).resolves.toBe(1);
    await expect(row(stranger.id).count()).resolves.toBe(0);
    await expect(row(second.id).locator("td").nth(1).textContent()).resolves.toBe("running");
    await expect(row(second.id).locator("td").nth(2).textContent()).resolves.toBe("1");
    await expect(row(second.id).locator("td").nth(3).textContent()).resolves.toBe("1");
    await expect(row(first.id).locator("td").nth(1).textContent()).resolves.toBe("waiting to start");
    await screenshot(tab, "library-listed");

    // Archive the running one: its console is told, and it can no longer be joined.
    await row(second.id).getByRole("button", { name: "Archive" }).click();
    await row(second.id).getByText("(archived)").waitFor();
    await row(second.id).getByRole("button", { name: "Bring back" }).waitFor();
    await expect(row(second.id).getByRole("link", { name: "Open" }).count()).resolves.toBe(0);
    const archived = await (
      await fetch(`${server.url}/api/exercises/${second.id}/events`, { headers: { authorization: `Bearer ${second.facilitatorToken}` } })
    ).json();
    expect(archived.events.length).toBeGreaterThan(0);
    await screenshot(tab, "library-archived");

    // Bring it back and reopen it from the library: the console shows it running where it stopped.
    await row(second.id).getByRole("button", { name: "Bring back" }).click();
    await row(second.id).getByRole("link", { name: "Open" }).click();
    await tab.locator(".phase-pill", { hasText: "Running" }).waitFor();
    await seeText(tab, "Pause");
    await screenshot(tab, "library-reopened");
    expect(control.errors.filter((e) => !/Failed to load resource|WebSocket/.test(e))).toEqual([]);
  }, 90_000);

  it("deletes an exercise only after a confirmation that offers its log first", async () => {
    const doomed = await server.createExercise("tiny");
    const control = await person(browser);
    const { page } = control;
    await openConsole(page, server.url, doomed);
    await page.getByRole("button", { name: "Start exercise" }).waitFor();
    await page.goto(server.url);
    const row = page.locator(`.library-card tr[data-exercise="${doomed.id}"]`);
    await row.getByRole("button", { name: "Delete…" }).click();
    const dialog = row.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Download the log" }).waitFor();
    const download = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download the log" }).click();
    expect((await download).suggestedFilename()).toBe(`${doomed.id}.json`);
    await screenshot(page, "library-delete-confirm");
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await row.getByRole("button", { name: "Delete…" }).click();
    await row.getByRole("alertdialog").getByRole("button", { name: "Delete for good" }).click();
    await row.waitFor({ state: "detached" });
    expect((await fetch(`${server.url}/api/exercises/${doomed.id}/events`, { headers: { authorization: `Bearer ${doomed.facilitatorToken}` } })).status).toBe(
      404,
    );
  }, 60_000);
});
