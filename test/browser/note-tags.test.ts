import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserSuite, browserAndServer, person, screenshot, openTab, panel, startFromConsole } from "./support/browser.ts";
import { BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * Issue #19, item 6: after a note tagged to an inject and an objective, the next note starts
 * untagged — it used to keep both tags silently.
 */
browserSuite("browser: the observer-note form resets its tags", () => {
  let server: RunningServer;
  let browser: Browser;
  browserAndServer(BROWSER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("a second note is not tied to the first note's inject and objective", async () => {
    const ex = await server.createExercise("triad");
    const control = await person(browser);
    const f = control.page;
    await startFromConsole(f, server.url, ex);
    await openTab(f, "Notes");
    const form = panel(f).getByRole("form", { name: "Add an observer note" });
    const inject = form.getByLabel("About inject");
    const objective = form.getByLabel("About objective");
    const firstInject = await inject.locator("option").nth(1).getAttribute("value");
    const firstObjective = await objective.locator("option").nth(1).getAttribute("value");
    await form.getByLabel("Observation").fill("First note, about an inject and an objective.");
    await inject.selectOption(firstInject!);
    await objective.selectOption(firstObjective!);
    await form.getByRole("button", { name: "Add note" }).click();
    await form.getByText("Note saved.").waitFor();
    expect(await form.getByLabel("Observation").inputValue()).toBe("");
    expect(await inject.inputValue()).toBe("");
    expect(await objective.inputValue()).toBe("");
    await form.getByLabel("Observation").fill("Second note, about nothing in particular.");
    await form.getByRole("button", { name: "Add note" }).click();
    await panel(f).getByText("Second note, about nothing in particular.").waitFor();
    const state = await (await fetch(`${server.url}/api/exercises/${ex.id}/state`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } })).json();
    const second = Object.values(state.notes as Record<string, { text: string; inject: string | null; objective: string | null }>).find((n) =>
      n.text.startsWith("Second"),
    )!;
    expect(second).toMatchObject({ inject: null, objective: null });
    await screenshot(f, "note-tags-reset");
    await control.context.close();
  });
});
