import { expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  browserSuite,
  browserAndServer,
  person,
  screenshot,
  seeText,
  panel,
  stepper,
  joinFromStartPage,
  openTab,
  startFromConsole,
} from "./support/browser.ts";
import { SHIPPED_SCENARIOS, type RunningServer } from "./support/server.ts";

/**
 * Strategic lift as Austrava's staff plays it in Cyclone Iris: the engineers cannot reach the
 * disaster by road, so they walk to Port Carrow, embark on the amphibious group from the order
 * form, sail with it (shown aboard on the map and in the selection panel) and land at Port Leone.
 */
browserSuite("browser: strategic lift in Cyclone Iris", () => {
  let server: RunningServer;
  let browser: Browser;

  browserAndServer(SHIPPED_SCENARIOS, (b, s) => ((browser = b), (server = s)));

  const draft = async (page: Page, fields: [string, string][]) => {
    const orders = panel(page);
    for (const [label, option] of fields) await orders.getByLabel(label, { exact: true }).selectOption({ label: option });
    await orders.getByRole("button", { name: "Draft order", exact: true }).click();
    await seeText(page, "Draft added");
  };

  it("embarks engineers on a ship from the order form; they sail with it and land at a port", async () => {
    const step = stepper("lift");
    const ex = await server.createExercise("cyclone-response");
    const control = await person(browser);
    const staff = await person(browser);
    const f = control.page;
    await startFromConsole(f, server.url, ex);
    const a = staff.page;
    await joinFromStartPage(a, server.url, ex.joinCodes.find((c) => c.nation === "austrava")!.code, "Ava");
    await seeText(a, "Ava · Commonwealth of Austrava");
    const resolve = async (turn: number) => {
      await f.getByRole("button", { name: "Resolve turn now" }).click();
      await seeText(a, `Turn ${turn} of 10`);
    };
    step("joined");

    // By road the engineers cannot reach Port Leone: the refusal names the ships that could take them.
    await panel(a).getByLabel("Order", { exact: true }).selectOption({ label: "Deploy an asset" });
    await panel(a).getByLabel("Asset", { exact: true }).selectOption({ label: "LND 1st Combat Engineer Regiment — Austrava Mainland (ready)" });
    await panel(a).getByLabel("Destination", { exact: true }).selectOption({ label: "Port Leone (capital) (land)" });
    await panel(a).getByLabel("Mission", { exact: true }).selectOption({ label: "humanitarian aid" });
    await panel(a).getByRole("button", { name: "Draft order", exact: true }).click();
    await seeText(a, /cannot reach Port Leone \(capital\) by itself\. A carrier could lift it: HMAS Canberra group and Pre-positioned relief stores ship/);
    step("no route, carriers named");

    await panel(a).getByLabel("Order", { exact: true }).selectOption({ label: "Pre-position an asset" });
    await draft(a, [
      ["Asset", "LND 1st Combat Engineer Regiment — Austrava Mainland (ready)"],
      ["Destination", "Port Carrow (land)"],
    ]);
    await resolve(2);

    // In port with the amphibious group: embark, and send the ship to Port Leone.
    await panel(a).getByLabel("Order", { exact: true }).selectOption({ label: "Embark on a carrier" });
    await panel(a).getByLabel("Asset", { exact: true }).selectOption({ label: "LND 1st Combat Engineer Regiment — Port Carrow (ready)" });
    await draft(a, [["Carrier", "HMAS Canberra group in Port Carrow (0 of 2 aboard)"]]);
    await seeText(a, "Embark 1st Combat Engineer Regiment on HMAS Canberra group");
    await panel(a).getByLabel("Order", { exact: true }).selectOption({ label: "Deploy an asset" });
    await draft(a, [
      ["Asset", "NAV HMAS Canberra group — Port Carrow (ready)"],
      ["Destination", "Port Leone (capital) (land)"],
      ["Mission", "humanitarian aid"],
    ]);
    await resolve(3);
    step("embarked and sailing");

    // At sea: the engineers are aboard, where the ship is.
    await a.getByLabel("Select a region").selectOption({ label: "Marisol Sea" });
    await a.getByRole("button", { name: /1st Combat Engineer Regiment .*aboard HMAS Canberra group/ }).click();
    await seeText(a, "HMAS Canberra group in Marisol Sea (1 of 2 aboard)");
    await a.getByText("Aboard", { exact: true }).evaluate((e) => e.scrollIntoView({ block: "center" }));
    await screenshot(a, "lift-01-aboard-at-sea");
    step("aboard at sea");

    // Land them at Port Leone, next to the ship, with the button on the selected unit.
    await a.getByRole("button", { name: "Land from a carrier", exact: true }).click();
    await draft(a, [["Land at", "Port Leone (capital)"]]);
    await seeText(a, "Land 1st Combat Engineer Regiment at Port Leone (capital)");
    await resolve(4);
    await openTab(a, /News/);
    await seeText(a, "1st Combat Engineer Regiment landed at Port Leone (capital) from HMAS Canberra group and is ready for a mission");
    await a.getByLabel("Select a region").selectOption({ label: "Port Leone (capital)" });
    await a.getByRole("button", { name: /1st Combat Engineer Regiment \(Commonwealth of Austrava\), ready/ }).waitFor();
    await screenshot(a, "lift-02-landed");
    expect(staff.errors).toEqual([]);
    step("landed");
  }, 90_000);
});
