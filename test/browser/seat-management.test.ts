import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { Client } from "@colyseus/sdk";
import { browserSuite, browserAndServer, person, screenshot, seeText, openTab, panel, joinFromStartPage, openConsole } from "./support/browser.ts";
import { BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * A join code reached the wrong person: exercise control sees a stranger on Nordmark's roster,
 * removes the seat (the stranger's page says so and does not rejoin) and gives Nordmark a new
 * code, which the old one no longer opens. A team already at its scenario's size refuses one more.
 */
browserSuite("browser: seat management", () => {
  let server: RunningServer;
  let browser: Browser;

  browserAndServer(BROWSER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("removes a stranger's seat and replaces the leaked join code", async () => {
    const ex = await server.createExercise("triad");
    const leaked = ex.joinCodes.find((c) => c.nation === "north")!.code;

    const stranger = await person(browser);
    await joinFromStartPage(stranger.page, server.url, leaked, "Mallory");
    await seeText(stranger.page, "Mallory · Nordmark");

    const control = await person(browser);
    const f = control.page;
    await openConsole(f, server.url, ex);
    await openTab(f, /Roster/);
    const roster = panel(f);
    const codes = roster.getByRole("table", { name: "Join codes" });
    await expect.poll(() => codes.locator('[data-code-for="Nordmark"]').textContent()).toBe(leaked);
    const nordmark = roster.getByRole("region", { name: "Nordmark" });
    await nordmark.getByText("Mallory — online").waitFor();

    // Removing takes two clicks: the first only arms the button.
    const remove = nordmark.getByRole("button", { name: "Remove Mallory" });
    await remove.click();
    const confirm = nordmark.getByRole("button", { name: "Confirm: remove Mallory" });
    await confirm.waitFor();
    await screenshot(f, "seat-management-confirm-removal");
    await confirm.click();
    await seeText(f, "Mallory was removed and disconnected.");
    await nordmark.getByText("Nobody has joined yet.").waitFor();
    // The stranger's page says why and goes back to the start page instead of rejoining.
    await seeText(stranger.page, "Exercise control removed this seat from the exercise.");
    await stranger.page.getByLabel("Join code").waitFor();

    await codes.getByRole("button", { name: "New code for Nordmark" }).click();
    await codes.getByRole("button", { name: "Confirm: the old Nordmark code stops working" }).click();
    await seeText(f, /New code for Nordmark: [A-Z0-9]{3}-[A-Z0-9]{3}\. The old code no longer works/);
    const fresh = (await codes.locator('[data-code-for="Nordmark"]').textContent())!;
    expect(fresh).not.toBe(leaked);
    await screenshot(f, "seat-management-roster");

    // The old code is refused on the start page; the new one seats a participant.
    await joinFromStartPage(stranger.page, server.url, leaked, "Mallory");
    await seeText(stranger.page, "That join code is not valid");
    const alice = await person(browser);
    await joinFromStartPage(alice.page, server.url, fresh, "Alice");
    await seeText(alice.page, "Alice · Nordmark");
    await nordmark.getByText("Alice — online").waitFor();

    // The scenario's teams hold six at once (rules.seatsPerNation): a seventh is told so.
    const sdk = new Client(server.url);
    const teamMates = [];
    for (let i = 2; i <= 6; i++) teamMates.push(await sdk.joinById(ex.id, { code: fresh, name: `Team-mate ${i}` }));
    await nordmark.getByText("Nordmark — 6 of 6 online").waitFor();
    await joinFromStartPage(stranger.page, server.url, fresh, "Seventh");
    await seeText(stranger.page, "This team is full: every seat is in use.");
    for (const room of teamMates) await room.leave();

    expect(control.errors).toEqual([]);
    expect(alice.errors).toEqual([]);
    for (const p of [stranger, control, alice]) await p.context.close();
  }, 60_000);
});
