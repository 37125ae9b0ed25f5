import { expect, it } from "vitest";
import type { Browser } from "playwright-core";
import {
  browserSuite,
  browserAndServer,
  person,
  screenshot,
  seeText,
  dontSeeText,
  openTab,
  panel,
  joinFromStartPage,
  startFromConsole,
} from "./support/browser.ts";
import { BROWSER_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * A SECRET report cannot go to a partner; its originator writes a releasable version in the
 * intelligence panel, checks the preview of exactly what the partner will receive, releases and
 * shares it; the partner sees the version only, never the original.
 */
browserSuite("browser: a tear line from the intelligence panel", () => {
  let server: RunningServer;
  let browser: Browser;

  browserAndServer(BROWSER_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  it("refuses the SECRET original, previews the version as Sudland will read it, and Sudland gets only that", async () => {
    const ex = await server.createExercise("triad");
    const control = await person(browser);
    const f = control.page;
    await startFromConsole(f, server.url, ex);

    // Exercise control grants Nordmark a SECRET report.
    await openTab(f, /Injects & adjudication/);
    const grant = panel(f).getByRole("form", { name: "Grant intelligence" });
    await grant.getByLabel("Nordmark").check();
    await grant.getByLabel("Report title").fill("Grom's sailing orders intercepted");
    await grant.getByLabel("Report text").fill("SIGINT station Hald intercepted RNS Grom's orders: shadow the convoy from the Red Gulf.");
    await grant.getByLabel("Classification").selectOption({ label: "SECRET" });
    await grant.getByRole("button", { name: "Grant intelligence" }).click();
    await seeText(f, "Report granted.");

    const codeOf = (nation: string) => ex.joinCodes.find((c) => c.nation === nation)!.code;
    const alice = await person(browser);
    const a = alice.page;
    await joinFromStartPage(a, server.url, codeOf("north"), "Alice");
    const carol = await person(browser);
    const c = carol.page;
    await joinFromStartPage(c, server.url, codeOf("south"), "Carol");

    await openTab(a, "Intelligence");
    const original = panel(a).getByRole("article", { name: "Grom's sailing orders intercepted" });
    await original.waitFor();
    await original.getByText("Releasable to its originator's nation only").waitFor();

    // Sharing the original is refused, and the form said so beforehand.
    await original.getByText("Share this report…").click();
    await original.getByLabel("Sudland (not releasable to them)").check();
    await original
      .locator('.share-preview [data-partner="south"]')
      .getByText("Sudland cannot receive it: This SECRET report is releasable to its originator's nation only")
      .waitFor();
    await original.getByRole("button", { name: "Share", exact: true }).click();
    await original.getByRole("alert").filter({ hasText: "not to Sudland. Make a releasable version (tear line) to share it." }).waitFor();

    // The tear line, field by field, with the preview.
    await original.getByText("Make a releasable version (tear line)…").click();
    const version = original.getByRole("form", { name: /^Releasable version of:/ });
    await version.getByLabel("Title", { exact: true }).fill("Redonian warship may shadow convoys");
    await version.getByLabel("Text", { exact: true }).fill("A Redonian warship may shadow convoys leaving the Red Gulf.");
    await version.getByLabel("Source, as partners will read it").fill("national means");
    await version.getByLabel("Classification").selectOption({ label: "RESTRICTED" });
    await version.getByLabel("Releasable to", { exact: true }).selectOption({ label: "the alliance" });
    await version.getByRole("group", { name: "Share it at once with" }).getByLabel("Sudland").check();
    const preview = version.locator('.preview-for[data-partner="south"]');
    await preview.getByText("Sudland will receive:").waitFor();
    await preview.getByRole("group", { name: "Redonian warship may shadow convoys" }).waitFor();
    expect(await preview.textContent()).not.toMatch(/intercepted|SIGINT|Hald/);
    expect(await preview.textContent()).toContain("national means");
    await version.scrollIntoViewIfNeeded();
    await screenshot(a, "intel-tear-line-preview");

    await version.getByRole("button", { name: "Release version" }).click();
    await seeText(a, "Version released.");
    await panel(a).getByRole("article", { name: "Redonian warship may shadow convoys" }).first().waitFor();

    // Sudland holds the version, marked as one, and nothing of the original.
    await openTab(c, "Intelligence");
    const received = panel(c).getByRole("article", { name: "Redonian warship may shadow convoys" });
    await received.waitFor();
    await received.getByText("Releasable version (tear line)").waitFor();
    await received.getByText("→ Sudland (turn 1)").waitFor();
    await dontSeeText(c, "Grom's sailing orders intercepted");
    await dontSeeText(c, /SIGINT|Hald/);
    await screenshot(c, "intel-tear-line-received");

    expect(alice.errors).toEqual([]);
    expect(carol.errors).toEqual([]);
    expect(control.errors).toEqual([]);
  }, 90_000);
});
