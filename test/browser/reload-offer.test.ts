import { expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserSuite, browserAndServer, person, joinFromStartPage, screenshot, seeText } from "./support/browser.ts";
import { SERVER_SCENARIOS, type RunningServer } from "./support/server.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol/version.ts";
import { matchMaker } from "@colyseus/core";

/**
 * A page from another version than its server (a tab left open across an upgrade) is refused
 * with protocol_mismatch, and offers to reload, in the seat's language; the reload gets in.
 * The stale page is made by rewriting the version the built client sends on its way out.
 */
async function speakAnotherProtocol(page: Page): Promise<() => Promise<void>> {
  const pattern = "**/matchmake/joinById/**";
  await page.route(pattern, (route) => {
    const body = JSON.parse(route.request().postData() ?? "{}");
    expect(body.protocolVersion).toBe(PROTOCOL_VERSION);
    return route.continue({ postData: JSON.stringify({ ...body, protocolVersion: PROTOCOL_VERSION + 1 }) });
  });
  return () => page.unroute(pattern);
}

browserSuite("browser: a page of another protocol offers to reload", () => {
  let server: RunningServer;
  let browser: Browser;
  browserAndServer(SERVER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("refuses the join, offers a reload that keeps the facilitator link, and the reload gets in", async () => {
    const created = await server.createExercise("tiny");
    const control = await person(browser);
    const back = await speakAnotherProtocol(control.page);
    await control.page.goto(`${server.url}/#facilitator=${created.facilitatorToken}&exercise=${created.id}`);
    await seeText(control.page, "This page is from another version of Concord than the server");
    const reload = control.page.getByRole("button", { name: "Reload the page" });
    await reload.waitFor();
    await screenshot(control.page, "reload-offer-en");
    // The link is still in the address bar: reloading goes back to exercise control, not the start page.
    expect(control.page.url()).toContain(`exercise=${created.id}`);
    expect(control.page.url()).toContain("facilitator=");
    await back();
    await reload.click();
    await control.page.getByRole("button", { name: "Start exercise" }).waitFor({ timeout: 15_000 });
    await control.context.close();
  });

  it("speaks the seat's language: a French participant is offered « Recharger la page »", async () => {
    const created = await server.createExercise("tiny");
    const fr = await person(browser);
    await speakAnotherProtocol(fr.page);
    await joinFromStartPage(fr.page, server.url, created.joinCodes[0]!.code, "Amélie", "Français");
    await seeText(fr.page, "Cette page vient d’une autre version de Concord que le serveur");
    await fr.page.getByRole("button", { name: "Recharger la page" }).waitFor();
    await screenshot(fr.page, "reload-offer-fr");
    await fr.context.close();
  });

  it("offers a reload where the map's chunk is gone (a page of the previous deployment), and the rest of the screen works", async () => {
    const created = await server.createExercise("tiny");
    const alice = await person(browser);
    // What a tab loaded before an upgrade meets: its map chunk's name is no longer on the server.
    await alice.page.route("**/assets/start-game-*.js", (route) => route.fulfill({ status: 404, body: "Not found" }));
    await joinFromStartPage(alice.page, server.url, created.joinCodes[0]!.code, "Alice");
    await seeText(alice.page, "The map could not be loaded");
    await alice.page.locator("[data-testid=map]").getByRole("button", { name: "Reload the page" }).waitFor();
    await seeText(alice.page, `Alice · ${created.joinCodes[0]!.name}`);
    await alice.page.unroute("**/assets/start-game-*.js");
    await alice.page.locator("[data-testid=map]").getByRole("button", { name: "Reload the page" }).click();
    await alice.page.locator("[data-testid=map][data-regions-drawn]:not([data-regions-drawn='0'])").waitFor({ timeout: 15_000 });
    await alice.context.close();
  });

  it("a page whose server was upgraded under it (its rejoin is refused) offers the reload instead of retrying forever", async () => {
    const created = await server.createExercise("tiny");
    const bob = await person(browser);
    await joinFromStartPage(bob.page, server.url, created.joinCodes[0]!.code, "Bob");
    await seeText(bob.page, `Bob · ${created.joinCodes[0]!.name}`);
    // From now on this page speaks another protocol than the server; then its connection drops
    // (within the SDK's first 5 s, so it rejoins with its seat token at once).
    await speakAnotherProtocol(bob.page);
    const room = matchMaker.getLocalRoomById(created.id) as unknown as { clients: { ref: { terminate(): void } }[] };
    for (const client of room.clients) client.ref.terminate();
    await seeText(bob.page, "This page is from another version of Concord than the server", 15_000);
    await bob.page.getByRole("button", { name: "Reload the page" }).waitFor();
    expect(bob.page.url()).toContain(`exercise=${created.id}`);
    await bob.context.close();
  });
});
