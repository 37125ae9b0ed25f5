import { expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserSuite, browserAndServer, joinFromStartPage, person, screenshot, seeText, panel, stepper, type Person } from "./support/browser.ts";
import { SHIPPED_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * Two people in the Nordvik team of the bilingual Northern Flank scenario, one reading English
 * and one French, each chosen on the start page's language menu. Exercise control releases an
 * inject and the team drafts an order: both see the same events, each in their language, and
 * neither page shows an internal identifier (a nation's or an asset's id, a command's name).
 * Switching language in the top bar re-renders the screen without a reload.
 */
browserSuite("browser: one team, two languages", () => {
  let server: RunningServer;
  let browser: Browser;
  const people: Person[] = [];

  browserAndServer(SHIPPED_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  /** What must never be read on a screen: ids of the scenario's things and the protocol's words. */
  const INTERNAL = [
    /\bnordvik\b/,
    /\bkaldmark\b/,
    /\bnv-frigate-1\b/,
    /\bnv-[a-z]+\b/,
    /\bboreal-sea\b/,
    /\bcentral-basin\b/,
    /\bvarkhan-airspace\b/,
    /deployAsset/,
    /setMission/,
    /releaseInject/,
    /draftOrder/,
    /\bundefined\b/,
    /\[object /,
    /\bNaN\b/,
  ];

  async function internalWords(page: Page): Promise<string[]> {
    const text = await page.evaluate(() => document.body.innerText);
    return INTERNAL.filter((re) => re.test(text)).map((re) => `${re} in: …${text.slice(Math.max(0, text.search(re) - 60), text.search(re) + 60)}…`);
  }

  const joinIn = (page: Page, language: "English" | "Français", code: string, name: string) => joinFromStartPage(page, server.url, code, name, language);

  it("an English and a French seat in one team see the same events, each in its language", async () => {
    const step = stepper("languages");
    const created = await server.createExercise("northern-flank");
    const code = created.joinCodes.find((c) => c.nation === "nordvik")!.code;
    const [facilitator, alice, bernard] = await Promise.all([person(browser), person(browser), person(browser)]);
    people.push(facilitator!, alice!, bernard!);
    const en = alice!.page;
    const fr = bernard!.page;

    // The start page speaks the chosen language, and says so to the browser.
    await fr.goto(server.url);
    await fr.locator("[data-language-menu]").selectOption({ label: "Français" });
    await seeText(fr, "Rejoindre un exercice");
    expect(await fr.evaluate(() => document.documentElement.lang)).toBe("fr");
    await screenshot(fr, "languages-01-start-page-fr");

    // A bad facilitator link is answered by a plain sentence, in the reader's language.
    await fr.goto(`${server.url}/#facilitator=nope&exercise=hello`);
    await fr.locator(".banner.error").waitFor();
    const banner = (await fr.locator(".banner.error").textContent())!;
    expect(banner).not.toMatch(/room|not found|hello/i);
    expect(banner).toMatch(/exercice/);

    await Promise.all([joinIn(en, "English", code, "Alice Lindqvist"), joinIn(fr, "Français", code, "Bernard Moreau")]);
    await seeText(en, "Alice Lindqvist · Kingdom of Nordvik");
    await seeText(fr, "Bernard Moreau · Royaume du Nordvik");
    expect(await en.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await fr.evaluate(() => document.documentElement.lang)).toBe("fr");
    step("joined in two languages");

    // Exercise control starts the exercise and releases an inject for Nordvik.
    const f = facilitator!.page;
    await f.goto(`${server.url}/#facilitator=${encodeURIComponent(created.facilitatorToken)}&exercise=${encodeURIComponent(created.id)}`);
    await f.getByRole("button", { name: "Start exercise" }).click();
    await seeText(en, "Turn 1 of 10");
    await seeText(fr, "Tour 1 sur 10");
    await f.getByRole("tab", { name: /^MSEL/ }).click();
    await f.getByRole("button", { name: "Release inject 5.02" }).click();
    await f.locator('tr[data-inject="5.02"][data-status="released"]').waitFor();
    step("inject released");

    // Alice drafts an order; both see it, each in their own words.
    const form = panel(en).locator("form", { has: en.locator("select[name=kind]") });
    await form.locator("select[name=kind]").selectOption("deployAsset");
    await form.locator("select[name=asset]").selectOption("nv-frigate-1");
    await form.locator("select[name=destination]").selectOption("central-basin");
    await form.locator("select[name=mission]").selectOption("patrol");
    await form.locator("button[type=submit]").click();
    await seeText(en, "HNoMS Skjold group");
    await seeText(en, "Central Basin");
    // (Asset names stay in the scenario's main language: the state's assets carry no translations yet.)
    await seeText(fr, "HNoMS Skjold");
    await seeText(fr, "Bassin central");
    await seeText(fr, "patrouille");
    step("draft seen in both languages");

    // The released inject, in the news of each: in English on one page, in French on the other.
    await en.locator("#tab-feed").click();
    await fr.locator("#tab-feed").click();
    await seeText(en, "Varkhan fighters enter Nordvik airspace");
    await seeText(fr, "Nordvik");
    const frText = await fr.evaluate(() => document.body.innerText);
    expect(frText).not.toContain("Varkhan fighters enter Nordvik airspace");
    expect(frText).toMatch(/chasseurs|espace aérien/i);
    await screenshot(en, "languages-02-english-seat");
    await screenshot(fr, "languages-03-french-seat");

    // Nothing internal on either page, in either language.
    expect(await internalWords(en)).toEqual([]);
    expect(await internalWords(fr)).toEqual([]);
    step("no internal words");

    // The top bar's language menu re-renders Alice's screen in French, without a reload.
    await en.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await en.locator(".topbar [data-language-menu]").selectOption({ label: "Français" });
    await seeText(en, "Tour 1 sur 10");
    await seeText(en, "Alice Lindqvist · Royaume du Nordvik");
    // Region names on the map in French (the map in words; before, a 1 px hidden summary matched here).
    await en.locator("summary", { hasText: "La carte en mots" }).click();
    await seeText(en, "Bassin central");
    await en.locator("summary", { hasText: "La carte en mots" }).click();
    expect(await en.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await en.evaluate(() => document.documentElement.lang)).toBe("fr");
    expect(await internalWords(en)).toEqual([]);
    await screenshot(en, "languages-04-switched-to-french");
    // And back, remembered for the next visit.
    await en.locator(".topbar [data-language-menu]").selectOption({ label: "English" });
    await seeText(en, "Turn 1 of 10");
    expect(await en.evaluate(() => localStorage.getItem("concord.lang"))).toBe("en");
    step("switched in place");

    // Exercise control's console in French: the MSEL, its statuses and the roster in French words.
    await f.locator(".topbar [data-language-menu]").selectOption({ label: "Français" });
    await f.getByRole("tab", { name: /^MSEL/ }).waitFor();
    await seeText(f, "Diffuser l'injection", 5000).catch(() => undefined);
    await f.locator('tr[data-inject="5.02"]', { hasText: "diffusé" }).waitFor();
    await screenshot(f, "languages-05-console-fr");
    expect(await internalWords(f)).toEqual([]);
    await f.getByRole("tab", { name: /^Effectifs/ }).click();
    await seeText(f, "Bernard Moreau — en ligne");
    await screenshot(f, "languages-06-roster-fr");

    // (The bad facilitator link's refused join is logged by the browser as a failed resource load.)
    for (const p of people) expect(p.errors.filter((e) => !/WebGL|GPU|favicon|Failed to load resource/i.test(e))).toEqual([]);
  }, 120_000);
});
