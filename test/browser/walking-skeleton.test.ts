import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserSuite, browserAndServer, person, screenshot, seeText, stepper, type Person } from "./support/browser.ts";
import { expectAccessible, expectEveryTabAccessible } from "./support/axe.ts";
import { shippedOrFixtureScenarios, type RunningServer } from "./support/server.ts";
import { loadScenario, longDeployment } from "./support/route-pick.ts";

/**
 * The foundation: the page draws the map from the scenario's regions, and when exercise control
 * clicks "Start exercise", every connected browser sees the phase change. Then the map at work:
 * clicking a region selects it, and an asset under way shows its route after the facilitator
 * resolves the turn.
 */
browserSuite("browser: walking skeleton", () => {
  let server: RunningServer;
  const scenariosDir = shippedOrFixtureScenarios();
  let browser: Browser;
  const people: Person[] = [];

  browserAndServer(scenariosDir, (b, s) => ((browser = b), (server = s)));

  it("draws the scenario's map and shows the facilitator's phase change everywhere", async () => {
    const step = stepper("skeleton");
    const [scenario] = await server.scenarios();
    const created = await server.createExercise(scenario!.id);
    const [first, second] = created.joinCodes;

    const facilitator = await person(browser);
    const alice = await person(browser);
    const bob = await person(browser);
    people.push(facilitator, alice, bob);

    // A wrong code is explained on the start page.
    await alice.page.goto(server.url);
    await alice.page.getByLabel("Join code").fill("AAA-AAA");
    await alice.page.getByLabel("Your name").fill("Alice");
    await alice.page.getByRole("button", { name: "Join exercise" }).click();
    await seeText(alice.page, "That join code is not valid");
    await alice.page.getByLabel("Join code").fill(first!.code.toLowerCase().replace("-", ""));
    await alice.page.getByLabel("Your name").fill("Alice");
    await screenshot(alice.page, "01-start-page");
    await expectAccessible(alice.page, "start page, join code typed");
    await alice.page.getByRole("button", { name: "Join exercise" }).click();
    step("alice joins");
    // The map is drawn by Phaser; the map element reports how many regions it drew.
    await alice.page.locator(`[data-testid=map][data-regions-drawn="${scenario!.regions}"]`).waitFor({ timeout: 15_000 });
    await seeText(alice.page, `Alice · ${first!.name}`);

    await bob.page.goto(server.url);
    await bob.page.getByLabel("Join code").fill(second!.code);
    await bob.page.getByLabel("Your name").fill("Bob");
    await bob.page.getByRole("button", { name: "Join exercise" }).click();
    step("bob joins");
    await bob.page.locator(`[data-testid=map][data-regions-drawn="${scenario!.regions}"]`).waitFor({ timeout: 15_000 });

    // The facilitator link logs exercise control straight in, and the token leaves the address bar.
    await facilitator.page.goto(`${server.url}/#facilitator=${created.facilitatorToken}&exercise=${created.id}`);
    await facilitator.page.getByRole("button", { name: "Start exercise" }).waitFor();
    expect(facilitator.page.url()).not.toContain(created.facilitatorToken);
    await seeText(facilitator.page, "waiting to start");
    await seeText(alice.page, "waiting to start");

    step("facilitator in");
    await facilitator.page.getByRole("button", { name: "Start exercise" }).click();
    for (const p of [facilitator, alice, bob]) {
      await p.page.locator(".phase-pill", { hasText: "Running" }).waitFor({ timeout: 5000 });
      await seeText(p.page, `Turn 1 of ${scenario!.turns}`);
    }
    step("all running");
    // Once running, exercise control is offered Pause and End, not Start again.
    await facilitator.page.getByRole("button", { name: "Pause" }).waitFor();
    expect(await facilitator.page.getByRole("button", { name: "Start exercise" }).count()).toBe(0);

    // Clicking a region on the map selects it; its details appear in the panel below the map.
    const spec = loadScenario(scenariosDir, scenario!.id);
    const home = spec.regions.find((r) => r.owner === first!.nation) ?? spec.regions[0]!;
    const canvas = alice.page.locator("[data-testid=map]");
    const [vx, vy, zoom] = (await canvas.getAttribute("data-view"))!.split(",").map(Number) as [number, number, number];
    const box = (await canvas.boundingBox())!;
    await alice.page.mouse.click(box.x + (home.x - vx) * zoom, box.y + (home.y - 24 - vy) * zoom);
    await alice.page.locator(".selection h3", { hasText: home.name }).waitFor();

    // An order that takes more than a turn: after "Resolve turn now" its route and ETA are drawn.
    const order = longDeployment(spec, first!.nation);
    if (order) {
      const orders = alice.page.getByRole("tabpanel");
      await orders.getByLabel("Asset", { exact: true }).selectOption({ label: order.assetLabel });
      await orders.getByLabel("Destination", { exact: true }).selectOption({ label: order.destinationLabel });
      await orders.getByLabel("Mission", { exact: true }).selectOption(order.mission);
      await orders.getByRole("button", { name: "Draft order" }).click();
      await seeText(alice.page, "proposed by Alice");
      await facilitator.page.getByRole("button", { name: "Resolve turn now" }).click();
      await seeText(alice.page, `Turn 2 of ${scenario!.turns}`);
      await alice.page.locator("[data-testid=map]:not([data-routes-drawn='0'])").waitFor();
      await alice.page.getByLabel("Select a region").selectOption({ label: spec.regions.find((r) => r.id === order.destination)!.name });
      step("route drawn");
    }
    await alice.page.waitForTimeout(300);
    await screenshot(alice.page, "02-participant-map");
    await screenshot(facilitator.page, "03-facilitator-console");
    await expectEveryTabAccessible(alice.page, "participant");
    await expectEveryTabAccessible(facilitator.page, "exercise control");

    // A dropped network: the indicator says so, and the page reconnects on its own.
    await bob.context.setOffline(true);
    await bob.page.locator(".connection:is([data-status=reconnecting], [data-status=offline])").waitFor({ timeout: 10_000 });
    await bob.context.setOffline(false);
    await bob.page.locator(".connection[data-status=online]").waitFor({ timeout: 20_000 });
    step("reconnected");

    // Guessing codes is rate-limited, and the start page says to wait.
    const origin = server.url.replace("localhost", "127.0.0.1");
    for (let i = 0; i < 10; i++)
      await fetch(`${origin}/api/join`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: `ZZZ-ZZ${i}` }) });
    const guesser = await person(browser);
    people.push(guesser);
    await guesser.page.goto(origin);
    await guesser.page.getByLabel("Join code").fill("ZZZ-ZZZ");
    await guesser.page.getByRole("button", { name: "Join exercise" }).click();
    await seeText(guesser.page, "Too many attempts");

    const unexpected = (e: string) => !/favicon|GL Driver|Failed to load resource|ERR_INTERNET_DISCONNECTED|WebSocket/.test(e);
    for (const p of people) expect(p.errors.filter(unexpected)).toEqual([]);
  }, 150_000);
});
