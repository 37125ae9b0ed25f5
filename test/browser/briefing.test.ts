import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserSuite, browserAndServer, joinFromStartPage, person, screenshot, type Person } from "./support/browser.ts";
import { SHIPPED_SCENARIOS, type RunningServer } from "./support/server.ts";
import { loadScenario } from "./support/route-pick.ts";

/**
 * The scenario's read-ahead is where a participant can read it: a Kaldmark player joins Northern
 * Flank before the exercise starts, opens the Briefing tab and reads the situation paragraph by
 * paragraph, each nation's description (the adversary's too) and the learning objectives, in
 * English; a French seat reads the same tab in French, nothing marked as not translated.
 */
browserSuite("browser: the briefing tab", () => {
  let server: RunningServer;
  let browser: Browser;
  const people: Person[] = [];
  browserAndServer(SHIPPED_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("shows the situation briefing, the nations and the learning objectives, in the seat's language", async () => {
    const scenario = loadScenario(SHIPPED_SCENARIOS, "northern-flank");
    const created = await server.createExercise("northern-flank");
    const code = created.joinCodes.find((c) => c.nation === "kaldmark")!.code;
    const [alice, bernard] = await Promise.all([person(browser), person(browser)]);
    people.push(alice!, bernard!);
    await Promise.all([
      joinFromStartPage(alice!.page, server.url, code, "Alice Lindqvist", "English"),
      joinFromStartPage(bernard!.page, server.url, code, "Bernard Moreau", "Français"),
    ]);

    const en = alice!.page;
    await en.getByRole("tab", { name: /^Briefing/ }).click();
    const tab = en.getByRole("tabpanel");
    const paragraphs = scenario.briefing.split(/\n\s*\n/);
    await tab.getByText(paragraphs[0]!.slice(0, 60)).waitFor();
    // The situation and the learning objectives have sections of their own (the seat's own nation comes first).
    const situation = tab.locator("section", { has: en.getByRole("heading", { name: "Situation", exact: true }) });
    const trains = tab.locator("section", { has: en.getByRole("heading", { name: "What this exercise trains" }) });
    expect(await situation.locator("p").count()).toBe(paragraphs.length);
    await tab.getByText("Varkhan Federation", { exact: true }).waitFor();
    await tab.getByText(/^Neighbouring great power run by exercise control/).waitFor();
    expect(await trains.locator("li").count()).toBe(scenario.learningObjectives.length);
    await tab.getByText(scenario.learningObjectives[3]!).waitFor();
    await screenshot(en, "briefing-01-en");
    await trains.locator("li").last().scrollIntoViewIfNeeded();
    await screenshot(en, "briefing-02-en-objectives");

    const fr = bernard!.page;
    await fr.getByRole("tab", { name: /^Briefing/ }).click();
    const onglet = fr.getByRole("tabpanel");
    await onglet.getByText(/^Nous sommes en mars 2031/).waitFor();
    await onglet.getByText("Objectifs de l'exercice").waitFor();
    expect(await onglet.innerText()).not.toMatch(/\(non traduit\)/);
    await screenshot(fr, "briefing-03-fr");

    for (const p of people) expect(p.errors.filter((e) => !/WebGL|GPU|favicon|Failed to load resource/i.test(e))).toEqual([]);
  });
});
