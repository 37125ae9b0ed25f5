import { expect, it } from "vitest";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { browserSuite, browserAndServer, person, screenshot, openTab, panel, startFromConsole, joinFromStartPage, seeText } from "./support/browser.ts";
import type { RunningServer } from "./support/server.ts";
import { ROOT } from "../../server/config.ts";

/**
 * Issue #19: exercise control writes observations and ratings on the Evaluation tab (signed), a
 * participant answers the feedback form once after End, the hot wash links into the replay at
 * the right moment, and the exported AAR (HTML and JSON) carries it all, signed.
 */
browserSuite("browser: evaluation, feedback and the hot wash", () => {
  let server: RunningServer;
  let browser: Browser;
  browserAndServer(join(ROOT, "test", "browser", "fixtures", "evaluation"), (b, s) => ((browser = b), (server = s)));

  it("observations and ratings are signed in the console and the AAR; feedback once; the hot wash opens the replay at the moment", async () => {
    const ex = await server.createExercise("triad-eval");
    const control = await person(browser, { width: 1440, height: 1000 });
    const f = control.page;
    const alice = await person(browser);
    await startFromConsole(f, server.url, ex);
    await joinFromStartPage(alice.page, server.url, ex.joinCodes.find((c) => c.nation === "north")!.code, "Alice");
    await alice.page.getByRole("tab", { name: /Feedback/ }).click();
    await seeText(alice.page, "The feedback form opens when the exercise has ended.");

    // The Evaluation tab: the guide, an observation tied to a task and a nation, a rating, the consensus.
    await openTab(f, "Evaluation");
    const p = panel(f);
    await p.getByText("Capability: Intelligence sharing").waitFor();
    await p.locator(".eeg-tree li.task", { hasText: "Share the warship sighting with the partners" }).waitFor();
    const obs = p.getByRole("form", { name: "Record an observation" });
    await obs.getByLabel("Kind").selectOption("improvement");
    await obs.getByLabel("Critical task").selectOption("task-share-sighting");
    await obs.getByLabel("Nation").selectOption("north");
    await obs.getByLabel("What you observed").fill("Nordmark held the sighting back for a turn.");
    await obs.getByRole("button", { name: "Record observation" }).click();
    await obs.getByText("Observation recorded, signed with your name.").waitFor();
    expect(await obs.getByLabel("Critical task").inputValue()).toBe("");
    const item = p.locator("ol.observations li", { hasText: "Nordmark held the sighting back for a turn." });
    await item.getByText(/Area for improvement · .* · turn 1 · signed Exercise control/).waitFor();
    await item.getByText("Share the warship sighting with the partners · Nordmark").waitFor();

    const rate = p.getByRole("form", { name: "Rate a capability" });
    await rate.getByLabel("Capability").selectOption("cap-intel");
    await rate.getByLabel("Rating").selectOption("S");
    await rate.getByLabel("Why (optional)").fill("Shared, but a turn late.");
    await rate.getByRole("button", { name: "Save my rating" }).click();
    await rate.getByText("Rating saved, signed with your name.").waitFor();
    const consensus = p.getByRole("form", { name: "Set the consensus rating" });
    await consensus.getByLabel("Capability").selectOption("cap-intel");
    await consensus.getByLabel("Rating").selectOption("M");
    await consensus.getByRole("button", { name: "Set consensus" }).click();
    await consensus.getByText("Say why: the consensus rating needs a rationale.").waitFor();
    await consensus.getByLabel("Rationale of the consensus").fill("The partners waited on the sighting.");
    await consensus.getByRole("button", { name: "Set consensus" }).click();
    await consensus.getByText("Consensus rating set.").waitFor();
    const row = p.locator("tr[data-capability=cap-intel]");
    await row.getByText("S — performed with some challenges").waitFor();
    await row.getByText("M — performed with major challenges").waitFor();
    await row.getByText("The partners waited on the sighting.").waitFor();
    expect(await row.getByText(/signed Exercise control, turn 1/).count()).toBe(2);
    expect(await p.locator("table thead th").allInnerTexts()).toEqual(["Capability", "Exercise control", "Consensus"]);
    await p.screenshot({ path: join(ROOT, "test", "artifacts", "evaluation-tab.png") });
    const observedSeq = Number((await item.getByRole("link", { name: "open this moment in the replay" }).getAttribute("href"))!.match(/seq=(\d+)/)![1]);

    // End: the hot wash comes forward with the key moments, objectives, ratings and observations.
    await openTab(f, "Control");
    await f.getByRole("button", { name: "End exercise" }).click();
    await f.getByRole("button", { name: "Confirm: end the exercise" }).click();
    await f.locator(".phase-pill", { hasText: "Ended" }).waitFor();
    await f.getByRole("tab", { name: "Hot wash", selected: true }).waitFor();
    const hw = panel(f);
    await hw.getByText(/As of event \d+\./).waitFor();
    await hw.getByText(/Objectives met: \d+ of \d+/).waitFor();
    await hw.getByText(/consensus M — performed with major challenges \(set by Exercise control\)/).waitFor();
    await hw.getByText("Nordmark held the sighting back for a turn.").waitFor();
    await f.screenshot({ path: join(ROOT, "test", "artifacts", "hot-wash.png"), fullPage: true });
    const link = hw.locator("li.obs.improvement a.moment").first();
    expect(Number(await link.getAttribute("data-seq"))).toBe(observedSeq);
    const [replay] = await Promise.all([f.context().waitForEvent("page"), link.click()]);
    await replay.getByText(`Opened at event ${observedSeq}, the moment the link points to.`).waitFor({ timeout: 20_000 });
    expect(await replay.locator("#scrubber").inputValue()).toBe(String(observedSeq));
    await replay.getByText(new RegExp(`^Event ${observedSeq} of \\d+ · turn 1`)).waitFor();
    // The seat's token left the address bar; the exercise and the moment stayed.
    expect(replay.url()).toMatch(new RegExp(`#exercise=${ex.id}&seq=${observedSeq}$`));
    await screenshot(replay, "hot-wash-replay-moment");
    await replay.close();

    // The participant's feedback form, answered once.
    await alice.page.getByRole("heading", { name: "Participant feedback" }).waitFor();
    const form = alice.page.getByRole("form", { name: "Participant feedback form" });
    await form.getByLabel("Strengths: what went well").fill("The injects were clear.");
    await form.getByLabel("Areas for improvement: what should change").fill("Longer planning turns.");
    await form.locator("fieldset", { hasText: "Share intelligence deliberately" }).getByLabel("4").check();
    await form.locator("fieldset", { hasText: "Coordinate a crisis response" }).getByLabel("2").check();
    await form.getByRole("button", { name: "Send my feedback" }).click();
    await seeText(alice.page, /You answered the feedback form at .+\. Thank you\./);
    expect(await form.isHidden()).toBe(true);
    await screenshot(alice.page, "feedback-answered");
    await alice.page.reload();
    await alice.page.getByRole("tab", { name: /Feedback/ }).click();
    await seeText(alice.page, /You answered the feedback form at .+\. Thank you\./);
    expect(await alice.page.getByRole("form", { name: "Participant feedback form" }).isHidden()).toBe(true);

    // The exported AAR carries the observation and ratings, signed, and the anonymous feedback.
    const auth = { headers: { authorization: `Bearer ${ex.facilitatorToken}` } };
    const html = await (await fetch(`${server.url}/api/exercises/${ex.id}/aar?format=html`, auth)).text();
    expect(html).toContain("Nordmark held the sighting back for a turn.");
    expect(html).toContain("signed Exercise control");
    expect(html).toContain("rated by Exercise control");
    expect(html).toContain("set by Exercise control: The partners waited on the sighting.");
    expect(html).toContain(`replay.html#exercise=${ex.id}&amp;seq=${observedSeq}`);
    expect(html).toContain("The injects were clear.");
    const json = await (await fetch(`${server.url}/api/exercises/${ex.id}/aar?format=json`, auth)).json();
    expect(json.observations).toEqual([expect.objectContaining({ author: "Exercise control", kind: "improvement", task: "task-share-sighting", capability: "cap-intel", nation: "north", seq: observedSeq })]);
    const intel = json.analysis.flatMap((o: { capabilities: unknown[] }) => o.capabilities).find((c: { id: string }) => c.id === "cap-intel");
    expect(intel.ratings).toEqual([expect.objectContaining({ by: "Exercise control", rating: "S", rationale: "Shared, but a turn late." })]);
    expect(intel.consensus).toMatchObject({ by: "Exercise control", rating: "M" });
    expect(json.feedback.responses).toBe(1);
    expect(json.feedback.ratings.find((r: { objective: string }) => r.objective === "obj-share")).toMatchObject({ count: 1, mean: 4 });
    expect(JSON.stringify(json)).not.toContain("Alice");

    for (const who of [control, alice]) expect(who.errors.filter((e) => !/WebGL|GPU|favicon|Failed to load resource|WebSocket/i.test(e))).toEqual([]);
    await control.context.close();
    await alice.context.close();
  }, 120_000);
});
