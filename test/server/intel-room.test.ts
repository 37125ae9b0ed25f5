import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, until, type Harness } from "./harness.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";

let h: Harness;
let ex: CreatedExercise;
const codeOf = (nation: string) => ex.joinCodes.find((c) => c.nation === nation)!.code;
const reportsOf = (seat: { perspective(): any }) => [...seat.perspective().reports.values()].map((json) => JSON.parse(json as string));

beforeAll(async () => {
  h = await startHarness();
  ex = await h.createExercise();
});
afterAll(async () => h.shutdown());

describe("intelligence through the room", () => {
  it("refuses a SECRET report to an ally over the wire; the tear line reaches the ally's seat, the original never does", async () => {
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const alice = await h.join(ex.id, { code: codeOf("north"), name: "Alice" });
    const bob = await h.join(ex.id, { code: codeOf("south"), name: "Bob" });
    expect(await control.send({ type: "startExercise" })).toMatchObject({ ok: true });
    expect(
      await control.send({
        type: "grantIntel",
        to: ["north"],
        report: { title: "Hald intercept", text: "SIGINT: RNS Grom ordered west.", classification: "SECRET", assets: ["r-frigate"] },
      }),
    ).toMatchObject({ ok: true });
    await until(() => reportsOf(alice).length === 1, "Nordmark's report");
    const [original] = reportsOf(alice);
    // Its seat is told where the report may go (the classification's default).
    expect(original.releasability).toEqual({ scope: "national" });

    const refused = await alice.send({ type: "shareIntel", report: original.id, with: ["south"] });
    expect(refused).toMatchObject({ ok: false, code: "not_releasable" });
    expect(refused.message).toContain("not to Sudland");

    const released = await alice.send({
      type: "releaseVersion",
      report: original.id,
      title: "Redonian warship moving west",
      text: "A Redonian warship is moving west.",
      source: "national means",
      classification: "RESTRICTED",
      releasability: { scope: "alliance" },
      shareWith: ["south"],
    });
    expect(released).toMatchObject({ ok: true });
    await until(() => reportsOf(bob).length === 1, "Sudland's copy");
    const [copy] = reportsOf(bob);
    expect(copy).toMatchObject({ title: "Redonian warship moving west", versionOf: original.id, assets: [] });
    const bytes = JSON.stringify([...bob.perspective().reports.values()]);
    expect(bytes).not.toMatch(/Hald|SIGINT|ordered west/);
    await until(() => reportsOf(alice).length === 2, "Nordmark's version");
    for (const seat of [control, alice, bob]) await seat.room.leave();
  });
});
