import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
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
 * Two bugs a five-person play-through found (issue #21 item 6), each as the participant met it:
 * the channel list grew duplicate entries as channels were clicked (a reload cleared them), and
 * in turn 1 Sarnia did not see Valdoria's battlegroup stationed in Tarvo, its own capital.
 */
browserSuite("browser: participant screen bugs", () => {
  let server: RunningServer;
  let browser: Browser;
  const people: Person[] = [];
  browserAndServer(SHIPPED_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("lists each channel once, however often the participant switches channels", async () => {
    const created = await server.createExercise("northern-flank");
    const alice = await person(browser);
    people.push(alice);
    await joinFromStartPage(alice.page, server.url, created.joinCodes.find((c) => c.nation === "sarnia")!.code, "Alice Berg");
    await openTab(alice.page, /^Channels/);
    const list = panel(alice.page).locator(".channel-list");
    await list.getByRole("button", { name: /^Alliance/ }).waitFor();
    const labels = await list.locator("li").allInnerTexts();
    expect(new Set(labels).size).toBe(labels.length);
    for (const name of [/^Alliance/, /^Exercise control/, /Kingdom of Nordvik/, /^Team/, /^Alliance/, /Public/]) {
      await list.getByRole("button", { name }).first().click();
      await alice.page.waitForTimeout(100);
    }
    await seeText(alice.page, "Public");
    const after = await list.locator("li").allInnerTexts();
    expect(after).toHaveLength(labels.length);
    expect(new Set(after).size).toBe(after.length);
    await screenshot(alice.page, "participant-bugs-01-channel-list");
  });

  it("shows Sarnia, in turn 1, the allied battlegroup stationed in its own capital", async () => {
    const created = await server.createExercise("northern-flank");
    const [control, sam] = [await person(browser), await person(browser)];
    people.push(control, sam);
    await joinFromStartPage(sam.page, server.url, created.joinCodes.find((c) => c.nation === "sarnia")!.code, "Sam Varga");
    await startFromConsole(control.page, server.url, created);
    await seeText(sam.page, "Turn 1 of");
    await sam.page.getByLabel("Select a region").selectOption({ label: "Tarvo (capital)" });
    await sam.page.locator(".selection h3", { hasText: "Tarvo" }).waitFor();
    await sam.page.locator(".selection li", { hasText: "Forward presence battlegroup" }).waitFor();
    expect(await sam.page.locator(".selection li", { hasText: "Forward presence battlegroup" }).innerText()).toContain("Federal Republic of Valdoria");
    await screenshot(sam.page, "participant-bugs-02-ally-in-capital");
  });

  it("had no errors in any page", () => {
    for (const p of people) expect(p.errors.filter((e) => !/WebGL|GPU|favicon|Failed to load resource/i.test(e))).toEqual([]);
  });
});
