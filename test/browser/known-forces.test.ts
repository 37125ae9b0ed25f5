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
import { expectAccessible } from "./support/axe.ts";
import { SHIPPED_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * A common picture instead of report spam (issue #21 item 3), as a Nordvik team meets it in the
 * Northern Flank: after two turns its sensors' sightings are in the Known forces table (last
 * seen, by whom, grading), not a report each; the News feed narrows with its filter; a sighting
 * turned into a report is shared with Sarnia, whose analyst then holds it.
 */
browserSuite("browser: the known-forces picture, the filters and a report from a sighting", () => {
  let server: RunningServer;
  let browser: Browser;
  const people: Person[] = [];
  browserAndServer(SHIPPED_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("shows the known forces after two turns, filters the feed, and shares a sighting reported from the table", async () => {
    const created = await server.createExercise("northern-flank");
    const codeOf = (nation: string) => created.joinCodes.find((c) => c.nation === nation)!.code;
    const [control, alice, carol] = [await person(browser), await person(browser), await person(browser)];
    people.push(control, alice, carol);
    const [f, a, c] = [control.page, alice.page, carol.page];
    await joinFromStartPage(a, server.url, codeOf("nordvik"), "Alice Lind");
    await joinFromStartPage(c, server.url, codeOf("sarnia"), "Carol Tamm");
    await startFromConsole(f, server.url, created);

    // Two turns resolve.
    await f.getByRole("button", { name: "Resolve turn now" }).click();
    await seeText(a, /Turn 2 of \d+/);
    await f.getByRole("button", { name: "Resolve turn now" }).click();
    await seeText(a, /Turn 3 of \d+/);

    // The Known forces table: rows with last seen, seen by and grading; no sighting reports.
    await openTab(a, "Intelligence");
    const known = panel(a).getByRole("table", { name: "Known forces, most recently seen first" });
    await known.waitFor();
    const rows = known.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(3);
    const headers = await known.locator("thead th").allInnerTexts();
    expect(headers).toEqual(["Force", "Owner", "Type", "Region", "Last seen", "Seen by", "Grading", "Report"]);
    expect(await rows.first().locator("td").nth(3).innerText()).toBe("Turn 2");
    expect(await known.innerText()).toMatch(/\b[A-F][1-6]\b/);
    expect(
      await panel(a)
        .getByRole("article", { name: /^Sighting: / })
        .count(),
    ).toBe(0);
    await screenshot(a, "known-forces-01-table");
    await expectAccessible(a, "participant: Intelligence tab with the known-forces table");

    // Its own filter: one owner only.
    const pictureFilter = panel(a).getByRole("group", { name: "Filter known forces" });
    await pictureFilter.getByLabel("Owner").selectOption({ value: "varkhan" });
    for (const owner of await rows.locator("td:nth-child(2)").allInnerTexts()) expect(owner).toBe("Varkhan Federation");
    await pictureFilter.getByText(/^\d+ of \d+ shown$/).waitFor();

    // Report this sighting, then share the report with Sarnia.
    const reportButton = known.getByRole("button", { name: /^Report this sighting: / }).first();
    const label = (await reportButton.getAttribute("aria-label"))!;
    const force = label.replace(/^Report this sighting: /, "").replace(/ in .*$/, "");
    await reportButton.click();
    await seeText(a, "Report written. Share it from the reports list below.");
    await known
      .getByText(/^Reported: “Sighting: /)
      .first()
      .waitFor();
    const report = panel(a)
      .getByRole("article", { name: /^Sighting: Varkhan Federation / })
      .first();
    await report.waitFor();
    const title = await report.locator("h4").first().innerText();
    await report.getByText("Share this report…").click();
    await report.getByLabel("Sarnian Republic", { exact: true }).check();
    await report.getByRole("button", { name: "Share", exact: true }).click();
    await report.getByText("Shared: each partner has its own copy.").waitFor();
    await report.scrollIntoViewIfNeeded();
    await screenshot(a, "known-forces-02-reported-and-shared");

    // Sarnia holds it, with its provenance.
    await openTab(c, "Intelligence");
    const received = panel(c).getByRole("article", { name: title }).first();
    await received.waitFor();
    expect(await received.innerText()).toContain(force);
    await received.getByText("Passed on: Kingdom of Nordvik → Sarnian Republic (turn 3)").waitFor();
    await screenshot(c, "known-forces-03-received-by-sarnia");

    // The News feed narrows with its filter.
    await openTab(a, "News");
    const feedFilter = panel(a).getByRole("group", { name: "Filter the feed" });
    const count = feedFilter.getByText(/^\d+ of \d+ shown$/);
    const [all, total] = (await count.innerText()).match(/\d+/g)!.map(Number);
    expect(all).toBe(total);
    await feedFilter.getByLabel("Show").selectOption({ label: "Turns" });
    const [turns] = (await count.innerText()).match(/\d+/g)!.map(Number);
    expect(turns).toBeGreaterThan(0);
    expect(turns).toBeLessThan(total!);
    expect(await panel(a).locator("ol.feed li").count()).toBe(turns);
    await feedFilter.getByLabel("Show").selectOption({ label: "All" });
    await feedFilter.getByLabel("Containing").fill("Turn 2");
    await a.waitForFunction(() => /^\d+ of \d+ shown$/.test(document.querySelector(".filter-count")?.textContent ?? ""));
    const [containing] = (await count.innerText()).match(/\d+/g)!.map(Number);
    expect(containing).toBeLessThan(total!);
    await feedFilter.scrollIntoViewIfNeeded();
    await screenshot(a, "known-forces-04-feed-filtered");
    await expectAccessible(a, "participant: News tab filtered");

    // Exercise control's intelligence list holds the reports, with its filter by holder.
    await openTab(f, "Intelligence");
    const controlFilter = panel(f).getByRole("group", { name: "Filter the reports" });
    await controlFilter.getByLabel("Held by").selectOption({ value: "sarnia" });
    await panel(f).getByRole("article", { name: title }).first().waitFor();
    await screenshot(f, "known-forces-05-control-reports-filtered");
    await expectAccessible(f, "console: Intelligence tab filtered");

    for (const p of people) expect(p.errors).toEqual([]);
  }, 120_000);
});
