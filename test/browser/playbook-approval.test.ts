import { it } from "vitest";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { browserSuite, browserAndServer, person, screenshot, seeText, openTab, panel, joinFromStartPage, openConsole } from "./support/browser.ts";
import type { RunningServer } from "./support/server.ts";
import { ROOT } from "../../server/config.ts";

/**
 * #18.2: exercise control sets Varkhan's playbook to "approve each", starts the exercise, reads
 * the moves the playbook planned in plain words, approves Varkhan's statement, and a Nordvik
 * participant sees it on the public channel, under the spokesperson's name.
 */
browserSuite("browser: approving an adversary playbook move", () => {
  let server: RunningServer;
  let browser: Browser;
  browserAndServer(join(ROOT, "scenarios"), (b, s) => ((browser = b), (server = s)));

  it("control approves Varkhan's statement in the queue; Nordvik reads it", async () => {
    const ex = await server.createExercise("northern-flank");
    const control = await person(browser);
    const f = control.page;
    await openConsole(f, server.url, ex);
    await openTab(f, /Playbook/);
    await panel(f).getByLabel("Playbook of Varkhan Federation").selectOption({ label: "approve each" });
    await panel(f).getByText("Saved.").waitFor();
    await openTab(f, /^Control/);
    await f.getByRole("button", { name: "Start exercise" }).click();
    await f.locator(".phase-pill", { hasText: "Running" }).waitFor();

    const nordvik = await person(browser);
    await joinFromStartPage(nordvik.page, server.url, ex.joinCodes.find((c) => c.nation === "nordvik")!.code, "Ingrid");

    await openTab(f, /Playbook/);
    const move = panel(f).getByRole("listitem").filter({ hasText: "routine and defensive" });
    await move.getByText(/Varkhan Federation · level Posturing/).waitFor();
    await move.getByText(/Varkhan Federation states, firm/).waitFor();
    await screenshot(f, "playbook-queue");
    await move.getByLabel("Reason (logged)").fill("Sets the tone for turn 1");
    await move.getByRole("button", { name: "Approve" }).click();
    await move.waitFor({ state: "detached" });

    await openTab(nordvik.page, /^Channels/);
    await panel(nordvik.page)
      .getByRole("button", { name: /Public statements/ })
      .or(panel(nordvik.page).getByRole("link", { name: /Public statements/ }))
      .first()
      .click();
    await seeText(nordvik.page, /routine and defensive/);
    await seeText(nordvik.page, /Varkhan Ministry of Foreign Affairs/);
    await screenshot(nordvik.page, "playbook-approved-seen-by-nordvik");
  }, 120_000);
});
