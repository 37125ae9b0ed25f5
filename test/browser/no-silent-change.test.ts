import { expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  browserSuite,
  browserAndServer,
  joinFromStartPage,
  openTab,
  panel,
  person,
  screenshot,
  seeText,
  startFromConsole,
  type Person,
} from "./support/browser.ts";
import { SHIPPED_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * No silent change (issue #21 item 5), as two Sarnian team-mates and exercise control meet it:
 * controls that cannot act in the phase say why; a drafted order leaves a blank form; a
 * team-mate's withdrawal is announced by name; a limited field counts; "Sent." goes when the
 * next action starts; offline, the forms wait and say so; after End the console's turn controls
 * say there is no turn.
 */
browserSuite("browser: no silent change", () => {
  let server: RunningServer;
  let browser: Browser;
  const people: Person[] = [];
  browserAndServer(SHIPPED_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  const ordersPanel = (page: Page) => panel(page);

  it("says why, resets, announces, counts, clears and waits", async () => {
    const created = await server.createExercise("northern-flank");
    const code = created.joinCodes.find((c) => c.nation === "sarnia")!.code;
    const [control, alice, bob] = [await person(browser), await person(browser), await person(browser)];
    people.push(control, alice, bob);
    await joinFromStartPage(alice.page, server.url, code, "Alice Berg");
    await joinFromStartPage(bob.page, server.url, code, "Bob Kask");

    // Lobby: Commit and Draft are disabled, each with the reason in words.
    const commit = alice.page.getByRole("button", { name: "Commit turn" });
    await commit.waitFor();
    expect(await commit.isDisabled()).toBe(true);
    await seeText(alice.page, "You can commit once the exercise is running; it is waiting to start.");
    expect(await ordersPanel(alice.page).getByRole("button", { name: "Draft order" }).isDisabled()).toBe(true);
    await seeText(alice.page, "Orders can be drafted once the exercise is running");
    await screenshot(alice.page, "no-silent-01-lobby-disabled-with-reason");

    await startFromConsole(control.page, server.url, created);
    await alice.page.waitForFunction(
      () => !(Array.from(document.querySelectorAll("button")).find((b) => b.textContent === "Commit turn") as HTMLButtonElement | undefined)?.disabled,
    );
    expect(await alice.page.getByText("You can commit once").filter({ visible: true }).count()).toBe(0);

    // A drafted order leaves a blank form.
    const orders = ordersPanel(alice.page);
    const asset = orders.getByLabel("Asset", { exact: true });
    await asset.selectOption("sa-brigade");
    await orders.getByLabel("Destination", { exact: true }).selectOption("lakeland");
    await orders.getByLabel("Mission", { exact: true }).selectOption({ index: 1 });
    await orders.getByRole("button", { name: "Draft order" }).click();
    await orders.locator(".command-form .form-status:not(:empty)").first().waitFor();
    expect(await orders.locator(".command-form .form-status").first().innerText()).toBe("Draft added: your team sees it now.");
    expect(await asset.inputValue()).toBe("");
    expect(await orders.getByLabel("Destination", { exact: true }).inputValue()).toBe("");

    // Bob withdraws Alice's draft: Alice is told who did it, in her orders tab and her news.
    await seeText(bob.page, "proposed by Alice Berg");
    await ordersPanel(bob.page).locator(".draft button", { hasText: "Withdraw" }).first().click();
    await alice.page.locator(".withdrawn-notices li", { hasText: "was withdrawn by Bob Kask" }).waitFor();
    expect(await alice.page.locator(".withdrawn-notices li").innerText()).toContain("Alice Berg's draft");
    await screenshot(alice.page, "no-silent-02-withdrawn-by-bob");
    // Bob, who withdrew it himself, gets his status line, not a notice.
    expect(await bob.page.locator(".withdrawn-notices li").count()).toBe(0);

    // A limited field counts; "Sent." clears when the next action starts.
    await openTab(alice.page, /^Channels/);
    const message = panel(alice.page).getByRole("textbox", { name: "Message", exact: true });
    await message.fill("Hello team");
    await panel(alice.page).getByText("10 / 2000").waitFor();
    await panel(alice.page).getByRole("button", { name: "Send" }).click();
    await panel(alice.page).locator(".form-status", { hasText: "Sent." }).waitFor();
    await panel(alice.page).getByText("0 / 2000").waitFor();
    await screenshot(alice.page, "no-silent-03-counter");
    await openTab(alice.page, /^Orders/);
    await alice.page.getByRole("button", { name: "Commit turn" }).click();
    await seeText(alice.page, "Your team has committed");
    await openTab(alice.page, /^Channels/);
    expect(await panel(alice.page).locator(".form-status", { hasText: "Sent." }).count()).toBe(0);

    // Offline: the form waits and says so; back online it can send again.
    await alice.context.setOffline(true);
    await alice.page.locator(".connection:is([data-status=reconnecting], [data-status=offline])").waitFor({ timeout: 10_000 });
    await panel(alice.page).getByText("Waiting for the connection to come back").waitFor();
    expect(await panel(alice.page).getByRole("button", { name: "Send" }).isDisabled()).toBe(true);
    await screenshot(alice.page, "no-silent-04-offline-waiting");
    await alice.context.setOffline(false);
    await alice.page.locator(".connection[data-status=online]").waitFor({ timeout: 20_000 });
    await alice.page.waitForFunction(() => !document.querySelector<HTMLButtonElement>(".channels form button[type=submit]")?.disabled);

    // After End, the console's timer and resolve controls say there is no turn.
    await control.page.getByRole("button", { name: "End exercise" }).click();
    await control.page.getByRole("button", { name: "Confirm: end the exercise" }).click();
    await control.page.locator(".phase-pill", { hasText: "Ended" }).waitFor();
    // The hot wash comes forward at End: back to the Control tab.
    await openTab(control.page, "Control");
    expect(await control.page.getByRole("button", { name: "Set timer" }).isDisabled()).toBe(true);
    expect(await control.page.getByRole("button", { name: "Resolve turn now" }).isDisabled()).toBe(true);
    await seeText(control.page, "The exercise has ended: there is no timer to set.");
    await seeText(control.page, "There is no turn to resolve while the exercise is over.");
    await screenshot(control.page, "no-silent-05-console-after-end");

    for (const p of people)
      expect(p.errors.filter((e) => !/WebGL|GPU|favicon|Failed to load resource|ERR_INTERNET_DISCONNECTED|WebSocket/i.test(e))).toEqual([]);
  }, 90_000);
});
