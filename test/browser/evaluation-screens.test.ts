import { expect, it } from "vitest";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  browserSuite,
  browserAndServer,
  person,
  screenshot,
  openTab,
  panel,
  startFromConsole,
  joinFromStartPage,
  seeText,
  openConsole,
  mselAction,
} from "./support/browser.ts";
import type { RunningServer } from "./support/server.ts";
import { ROOT } from "../../server/config.ts";

/**
 * Issue #19: exercise control writes observations and ratings on the Evaluation tab (signed), a
 * participant answers the feedback form once after End, the hot wash links into the replay at
 * the right moment, and the exported AAR (HTML and JSON) carries it all, signed. An evaluator's
 * own seat does the same under its own name, and the lead evaluator edits the improvement plan
 * in the replay viewer.
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
    await screenshot(f, "evaluation-tab", { of: p });
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
    await screenshot(f, "hot-wash", { fullPage: true });
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
    expect(json.observations).toEqual([
      expect.objectContaining({
        author: "Exercise control",
        kind: "improvement",
        task: "task-share-sighting",
        capability: "cap-intel",
        nation: "north",
        seq: observedSeq,
      }),
    ]);
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

  /** Exercise control gives out an evaluator code from the Roster tab and reads it off the table. */
  async function evaluatorCode(f: Page, label: string, lead: boolean): Promise<string> {
    await openTab(f, "Roster");
    const form = panel(f).getByRole("form", { name: "Give out a code" });
    await form.getByLabel("Role").selectOption({ label: "evaluator" });
    await form.getByLabel("Name or persona").fill(label);
    if (lead) await form.getByLabel("Lead evaluator").check();
    await form.getByRole("button", { name: "Give out the code" }).click();
    const code = panel(f).locator(`[data-seat-code-for="evaluator:${label}"]`);
    await code.waitFor();
    return (await code.textContent())!.trim();
  }

  it("an evaluator's own seat signs observations and ratings with its name in the console and the AAR; the lead evaluator edits the improvement plan", async () => {
    const ex = await server.createExercise("triad-eval");
    const control = await person(browser, { width: 1440, height: 1000 });
    const f = control.page;
    await startFromConsole(f, server.url, ex);
    const leadCode = await evaluatorCode(f, "Staff college lead", true);
    const otherCode = await evaluatorCode(f, "Second evaluator", false);

    // The lead evaluator joins with its own code from the start page, as an evaluator would.
    const eva = await person(browser, { width: 1440, height: 1000 });
    const e = eva.page;
    await joinFromStartPage(e, server.url, leadCode, "Eva Lindqvist");
    await openTab(e, "Evaluation");
    const p = panel(e);
    await p.getByText("Capability: Intelligence sharing").waitFor();
    const obs = p.getByRole("form", { name: "Record an observation" });
    await obs.getByLabel("Kind").selectOption("strength");
    await obs.getByLabel("Critical task").selectOption("task-share-sighting");
    await obs.getByLabel("Nation").selectOption("south");
    await obs.getByLabel("What you observed").fill("Sudland passed the sighting on within the turn.");
    await obs.getByRole("button", { name: "Record observation" }).click();
    await obs.getByText("Observation recorded, signed with your name.").waitFor();
    const item = p.locator("ol.observations li", { hasText: "Sudland passed the sighting on within the turn." });
    await item.getByText(/Strength · .* · turn 1 · signed Eva Lindqvist/).waitFor();

    const rate = p.getByRole("form", { name: "Rate a capability" });
    await rate.getByLabel("Capability").selectOption("cap-response");
    await rate.getByLabel("Rating").selectOption("P");
    await rate.getByLabel("Why (optional)").fill("Relief was in place before the storm.");
    await rate.getByRole("button", { name: "Save my rating" }).click();
    await rate.getByText("Rating saved, signed with your name.").waitFor();
    await rate.getByLabel("Capability").selectOption("cap-intel");
    await rate.getByLabel("Rating").selectOption("U");
    await rate.getByRole("button", { name: "Save my rating" }).click();
    await p.locator("tr[data-capability=cap-intel]").getByText("U — unable to be performed").waitFor();
    // The lead evaluator sets the consensus.
    const consensus = p.getByRole("form", { name: "Set the consensus rating" });
    await consensus.getByLabel("Capability").selectOption("cap-response");
    await consensus.getByLabel("Rating").selectOption("S");
    await consensus.getByLabel("Rationale of the consensus").fill("In place, but only one partner helped.");
    await consensus.getByRole("button", { name: "Set consensus" }).click();
    await consensus.getByText("Consensus rating set.").waitFor();
    const row = p.locator("tr[data-capability=cap-response]");
    await row.getByText("P — performed without challenges").waitFor();
    await row.getByText("S — performed with some challenges").waitFor();
    expect(await row.getByText(/signed Eva Lindqvist, turn 1/).count()).toBe(2);
    expect(await p.locator("table thead th").allInnerTexts()).toEqual(["Capability", "Eva Lindqvist", "Consensus"]);
    await screenshot(e, "evaluation-tab-evaluator-seat");
    // Exercise control sees the evaluator's observation, signed with the evaluator's name.
    await openTab(f, "Evaluation");
    await panel(f)
      .locator("ol.observations li", { hasText: "Sudland passed the sighting on within the turn." })
      .getByText(/signed Eva Lindqvist/)
      .waitFor();

    // A second, non-lead evaluator: its own rating column, no consensus form.
    const ed = await person(browser, { width: 1440, height: 1000 });
    await joinFromStartPage(ed.page, server.url, otherCode, "Ed Moreau");
    await openTab(ed.page, "Evaluation");
    const rateEd = panel(ed.page).getByRole("form", { name: "Rate a capability" });
    await rateEd.getByLabel("Capability").selectOption("cap-intel");
    await rateEd.getByLabel("Rating").selectOption("M");
    await rateEd.getByRole("button", { name: "Save my rating" }).click();
    await rateEd.getByText("Rating saved, signed with your name.").waitFor();
    expect(await panel(ed.page).getByRole("form", { name: "Set the consensus rating" }).count()).toBe(0);

    // The lead evaluator's replay viewer (from the top bar) offers the improvement plan editor.
    const [replay] = await Promise.all([e.context().waitForEvent("page"), e.getByRole("link", { name: "Replay & AAR" }).click()]);
    const ip = replay.getByRole("form", { name: "Add an item to the improvement plan" });
    await ip.waitFor({ timeout: 20_000 });
    await ip.getByLabel("Issue / area for improvement").fill("Only one partner helped before the storm.");
    await ip.getByLabel("Corrective action").fill("Agree a standing relief roster with the partners.");
    await ip.getByRole("button", { name: "Add to improvement plan" }).click();
    await replay.getByText("Item added to the improvement plan.").waitFor();
    await replay.locator("table.ip-table").getByText("Only one partner helped before the storm.").waitFor();
    await screenshot(replay, "replay-improvement-plan-lead-evaluator");
    await replay.close();
    // The other evaluator's replay shows the plan read-only.
    const [edReplay] = await Promise.all([ed.page.context().waitForEvent("page"), ed.page.getByRole("link", { name: "Replay & AAR" }).click()]);
    await edReplay.getByText("Exercise control and the lead evaluator edit the improvement plan.").waitFor({ timeout: 20_000 });
    await edReplay.locator("table.ip-table").getByText("Only one partner helped before the storm.").waitFor();
    expect(await edReplay.getByRole("form", { name: "Add an item to the improvement plan" }).count()).toBe(0);
    await screenshot(edReplay, "replay-improvement-plan-evaluator");
    await edReplay.close();

    // The exported AAR (HTML and JSON) carries all of it signed with the evaluators' names.
    const auth = { headers: { authorization: `Bearer ${ex.facilitatorToken}` } };
    const html = await (await fetch(`${server.url}/api/exercises/${ex.id}/aar?format=html`, auth)).text();
    expect(html).toContain("Sudland passed the sighting on within the turn.");
    expect(html).toContain("signed Eva Lindqvist");
    expect(html).toContain("rated by Eva Lindqvist");
    expect(html).toContain("rated by Ed Moreau");
    expect(html).toContain("set by Eva Lindqvist: In place, but only one partner helped.");
    expect(html).not.toContain("signed Exercise control");
    const json = await (await fetch(`${server.url}/api/exercises/${ex.id}/aar?format=json`, auth)).json();
    expect(json.observations).toEqual([
      expect.objectContaining({ author: "Eva Lindqvist", kind: "strength", task: "task-share-sighting", capability: "cap-intel", nation: "south" }),
    ]);
    const capabilities = json.analysis.flatMap((o: { capabilities: unknown[] }) => o.capabilities);
    const response = capabilities.find((c: { id: string }) => c.id === "cap-response");
    expect(response.ratings).toEqual([expect.objectContaining({ by: "Eva Lindqvist", rating: "P", rationale: "Relief was in place before the storm." })]);
    expect(response.consensus).toMatchObject({ by: "Eva Lindqvist", rating: "S", rationale: "In place, but only one partner helped." });
    const intel = capabilities.find((c: { id: string }) => c.id === "cap-intel");
    expect(intel.ratings.map((r: { by: string; rating: string }) => [r.by, r.rating]).sort()).toEqual([
      ["Ed Moreau", "M"],
      ["Eva Lindqvist", "U"],
    ]);
    expect(json.improvementPlan).toEqual([expect.objectContaining({ issue: "Only one partner helped before the storm.", by: "Eva Lindqvist" })]);

    for (const who of [control, eva, ed]) expect(who.errors.filter((x) => !/WebGL|GPU|favicon|Failed to load resource|WebSocket/i.test(x))).toEqual([]);
    for (const who of [control, eva, ed]) await who.context.close();
  }, 150_000);
  it("the MSEL editor keeps an inject's critical tasks on a save, and edits them", async () => {
    // Regression: the white cell's view of an inject had no tasks, so every save from the MSEL editor erased them.
    const ex = await server.createExercise("triad-eval");
    const control = await person(browser, { width: 1440, height: 1000 });
    const f = control.page;
    await openConsole(f, server.url, ex);
    await openTab(f, "MSEL");
    const msel = panel(f);
    const open = async () => {
      await (await mselAction(f, "1.02", "Edit inject 1.02")).click();
      return msel.getByRole("form", { name: "Edit inject 1.02" });
    };
    let editor = await open();
    const share = editor.getByRole("checkbox", { name: "Share the warship sighting with the partners" });
    const relief = editor.getByRole("checkbox", { name: "Preposition relief before the storm" });
    expect(await share.isChecked()).toBe(true);
    expect(await relief.isChecked()).toBe(false);
    await editor.getByLabel("Text", { exact: true }).fill("The sighting report, edited.");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await seeText(f, "Inject 1.02 saved.");
    editor = await open();
    expect(await editor.getByRole("checkbox", { name: "Share the warship sighting with the partners" }).isChecked()).toBe(true);
    await editor.getByRole("checkbox", { name: "Preposition relief before the storm" }).check();
    await screenshot(f, "msel-editor-critical-tasks");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await seeText(f, "Inject 1.02 saved.");
    editor = await open();
    expect(await editor.getByRole("checkbox", { name: "Preposition relief before the storm" }).isChecked()).toBe(true);
    expect(await editor.getByRole("checkbox", { name: "Share the warship sighting with the partners" }).isChecked()).toBe(true);
    await control.context.close();
  });
});
