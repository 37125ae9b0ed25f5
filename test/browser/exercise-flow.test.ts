import { expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  browserSuite,
  browserAndServer,
  person,
  screenshot,
  seeText,
  dontSeeText,
  openTab,
  panel,
  stepper,
  type Person,
  joinFromStartPage,
} from "./support/browser.ts";
import { expectAccessible } from "./support/axe.ts";
import { BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * One exercise as people run it, each in their own browser: exercise control creates it from a
 * scenario on the start page; Nordmark (two people), Sudland and Ostria join; drafts are shared
 * within the team; a refusal is explained where it happened; an inject reaches its audience only;
 * intelligence shared with one partner reaches that partner only; the turn resolves when all have
 * committed; a reload keeps the seat.
 */
browserSuite("browser: an exercise from creation to the second turn", () => {
  let server: RunningServer;
  let browser: Browser;
  const people: Person[] = [];

  browserAndServer(BROWSER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  async function join(p: Person, code: string, name: string, nation: string) {
    await joinFromStartPage(p.page, server.url, code, name);
    await seeText(p.page, `${name} · ${nation}`);
  }

  const send = async (page: Page, name: string) => page.getByRole("tabpanel").getByRole("button", { name, exact: true }).click();

  it("runs a turn with several nations and people, each seeing only what they may", async () => {
    const step = stepper("flow");
    const facilitator = await person(browser);
    const [alice, bob, carol, dave] = await Promise.all([person(browser), person(browser), person(browser), person(browser)]);
    people.push(facilitator, alice!, bob!, carol!, dave!);

    // Exercise control creates the exercise on the start page and gets the codes to hand out.
    const f = facilitator.page;
    await f.goto(server.url);
    const create = f.getByRole("form", { name: "Create an exercise" });
    await create.getByLabel("Scenario").selectOption({ label: "Triad Sea (browser test)" });
    await create.getByLabel("Exercise title").fill("Browser test exercise");
    await create.getByRole("button", { name: "Create exercise" }).click();
    await f.getByRole("table", { name: "Join codes" }).waitFor();
    const code = async (nation: string) => (await f.locator(`[data-code-for="join code for ${nation}"]`).textContent())!.trim();
    const codes = { north: await code("Nordmark"), south: await code("Sudland"), east: await code("Ostria") };
    expect(codes.north).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    await screenshot(f, "04-exercise-created");
    await expectAccessible(f, "start page: exercise created, codes shown");
    await f.getByRole("link", { name: "Open facilitator console" }).click();
    await f.getByRole("button", { name: "Start exercise" }).waitFor();
    step("exercise created, facilitator in");

    await Promise.all([
      join(alice!, codes.north, "Alice", "Nordmark"),
      join(bob!, codes.north, "Bob", "Nordmark"),
      join(carol!, codes.south, "Carol", "Sudland"),
      join(dave!, codes.east, "Dave", "Ostria"),
    ]);
    step("four people joined");

    await f.getByRole("button", { name: "Start exercise" }).click();
    for (const p of [alice!, bob!, carol!, dave!]) await seeText(p.page, "Turn 1 of 4");
    step("started");

    // Alice drafts an order; Bob, her team-mate, sees it at once with her name.
    const a = alice!.page;
    const orders = panel(a);
    await orders.getByLabel("Order", { exact: true }).selectOption({ label: "Deploy an asset" });
    await orders.getByLabel("Asset", { exact: true }).selectOption({ label: "NAV NMS Valkyrie — Northern Sea (ready)" });
    await orders.getByLabel("Destination", { exact: true }).selectOption({ label: "Central Sea (sea)" });
    await orders.getByLabel("Mission", { exact: true }).selectOption({ label: "patrol" });
    await send(a, "Draft order");
    await seeText(a, "Draft added");
    await seeText(bob!.page, "Deploy NMS Valkyrie to Central Sea (patrol)");
    await seeText(bob!.page, "proposed by Alice");
    step("draft shared in team");

    // A ping on a region reaches team-mates (on the map and in words for screen readers).
    await a.getByLabel("Select a region").selectOption({ label: "Skerry Island" });
    await a.getByRole("button", { name: "Ping region" }).click();
    await seeText(a, "Pinged Skerry Island for your team.");
    await bob!.page.locator(".topbar [role=status]", { hasText: "Alice pinged Skerry Island." }).waitFor({ state: "attached" });
    step("ping");

    // Bob's order needs Redonia's consent: the refusal is shown next to his form.
    const b = bob!.page;
    await panel(b).getByLabel("Asset", { exact: true }).selectOption({ label: "AIR Nord Airlift — Nordmark Coast (ready)" });
    await panel(b).getByLabel("Destination", { exact: true }).selectOption({ label: "Redonia (land)" });
    await panel(b).getByLabel("Mission", { exact: true }).selectOption({ label: "logistics support" });
    await send(b, "Draft order");
    await panel(b).getByRole("alert").filter({ hasText: "request consent or agree a SOFA first" }).waitFor();
    await screenshot(b, "05-team-drafts-and-refusal");
    await expectAccessible(b, "participant: drafts and a refusal");
    await dontSeeText(carol!.page, "Deploy NMS Valkyrie");
    step("refusal shown");

    // An inject for Nordmark only: released by exercise control, it reaches Nordmark and not Sudland.
    await openTab(f, "MSEL");
    await f.getByRole("button", { name: "Release inject 1.02" }).click();
    await f.locator('tr[data-inject="1.02"][data-status="released"]').waitFor();
    await screenshot(f, "06-facilitator-msel");
    await expectAccessible(f, "exercise control: MSEL tab");
    await openTab(a, "News");
    await seeText(a, "1.02 Unidentified warship near the Northern Sea");
    await seeText(a, "1.01 Storm warning for Skerry Island");
    await openTab(carol!.page, "News");
    await seeText(carol!.page, "1.01 Storm warning for Skerry Island");
    await dontSeeText(carol!.page, "Unidentified warship");
    await screenshot(a, "07-news-and-injects");
    await expectAccessible(a, "participant: News tab with injects");
    step("inject to its audience only");

    // Nordmark shares the sighting with Sudland only: Sudland has it, Ostria does not.
    await openTab(a, "Intelligence");
    const report = panel(a).getByRole("article", { name: "Warship sighting" });
    await report.waitFor();
    await report.getByText("Share this report…").click();
    await report.getByLabel("Sudland").check();
    await report.getByRole("button", { name: "Share", exact: true }).click();
    await seeText(a, "Shared: each partner has its own copy.");
    await openTab(carol!.page, "Intelligence");
    await seeText(carol!.page, "Warship sighting");
    await seeText(carol!.page, "→ Sudland (turn 1)");
    await screenshot(carol!.page, "08-intelligence-shared");
    await expectAccessible(carol!.page, "participant: Intelligence tab, a shared report");
    await openTab(dave!.page, "Intelligence");
    await dontSeeText(dave!.page, "Warship sighting");
    step("intel shared with one partner only");

    // Exercise control looks through Sudland's eyes: exactly Sudland's view.
    await f.getByLabel("View as").selectOption({ label: "Sudland" });
    await openTab(f, "Intelligence");
    await seeText(f, "Warship sighting");
    await seeText(f, "viewing as Sudland");
    await f.getByLabel("View as").selectOption({ label: "White cell (everything)" });
    step("view as");

    // A bilateral message, with an unread count on the other side.
    await openTab(carol!.page, "Channels");
    await carol!.page.getByRole("button", { name: "Nordmark (bilateral)" }).click();
    await panel(carol!.page).getByLabel("Message", { exact: true }).fill("Thanks for the sighting report. We will watch the Central Sea.");
    await send(carol!.page, "Send");
    await a.getByRole("tab", { name: "Channels 1 new" }).waitFor();
    await openTab(a, "Channels");
    await a.getByRole("button", { name: "Sudland (bilateral) 1 unread" }).click();
    await seeText(a, "We will watch the Central Sea.");
    await screenshot(a, "09-channels");
    await expectAccessible(a, "participant: Channels tab");
    step("messages");

    // Everyone commits: the turn resolves for all.
    await openTab(a, "Orders");
    await send(a, "Commit turn");
    await seeText(b, "Your team has committed turn 1 (by Alice)");
    await openTab(carol!.page, "Orders");
    await send(carol!.page, "Commit turn");
    await openTab(dave!.page, "Orders");
    await send(dave!.page, "Commit turn");
    for (const p of [alice!, bob!, carol!, dave!, facilitator]) await seeText(p.page, "Turn 2 of 4");
    await openTab(a, "News");
    await seeText(a, "Turn 1 is being resolved (every team committed its orders).");
    step("turn resolved");

    // A reload keeps Bob's seat: no code to retype.
    await b.reload();
    await seeText(b, "Bob · Nordmark");
    await b.locator(".connection[data-status=online]").waitFor();
    await openTab(b, "Nation");
    await seeText(b, "Bob — online (you)");
    step("reload keeps the seat");

    await a.waitForTimeout(200);
    await openTab(a, "Orders");
    await screenshot(a, "10-turn-two");
    await expectAccessible(a, "participant: Orders tab in turn two");
    await openTab(f, "Control");
    await screenshot(f, "11-facilitator-turn-two");
    await expectAccessible(f, "exercise control: Control tab in turn two");
    for (const p of people) expect(p.errors.filter((e) => !/favicon|GL Driver/.test(e))).toEqual([]);
  }, 90_000);
});
