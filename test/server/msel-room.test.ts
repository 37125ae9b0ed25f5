import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, until, type Harness } from "./harness.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";

/**
 * The MSEL editor through the room: an edit is answered, logged and reaches the addressees on
 * release; a refused edit names each fault by field; a sheet is checked and imported over HTTP
 * (with every fault by row and column first) and only before play.
 */
let h: Harness;
let ex: CreatedExercise;
beforeAll(async () => {
  h = await startHarness();
  ex = await h.createExercise();
});
afterAll(async () => h.shutdown());

const auth = () => ({ authorization: `Bearer ${ex.facilitatorToken}` });
const sheet = async (format = "csv") => (await fetch(`${h.url}/api/exercises/${ex.id}/msel?format=${format}`, { headers: auth() })).text();
const post = (step: "check" | "import", body: string) =>
  fetch(`${h.url}/api/exercises/${ex.id}/msel/${step}?format=csv`, { method: "POST", headers: { ...auth(), "content-type": "text/csv" }, body });

describe("the MSEL editor in the room", () => {
  it("edits an inject, names faults by field, and the participant reads the edited text on release", async () => {
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Ana" });
    const alice = await h.join(ex.id, { code: ex.joinCodes.find((c) => c.nation === "north")!.code, name: "Alice" });
    // The perspective's injects are JSON documents (server/rooms/projection.ts).
    const inject = (seat: typeof control, id: string) => (seat.perspective().injects.has(id) ? JSON.parse(seat.perspective().injects.get(id)) : null);
    const white = inject(control, "red-sighting");
    const spec = {
      number: white.number,
      trigger: { kind: "manual" },
      type: white.type,
      delivery: white.delivery,
      from: white.from,
      to: white.to,
      title: white.title,
      body: "Edited through the room.",
      effects: white.effects,
      expectedActions: white.expectedActions,
      objective: white.objective,
      capability: white.capability,
    };
    const refused = (await control.send({ type: "editInject", inject: "red-sighting", spec: { ...spec, to: ["atlantis"] } })) as {
      ok: boolean;
      code?: string;
      problems?: { field: string }[];
    };
    expect(refused).toMatchObject({ ok: false, code: "invalid_inject" });
    expect(refused.problems?.map((p) => p.field)).toEqual(["to[0]"]);
    expect(await control.send({ type: "editInject", inject: "red-sighting", spec, reason: "clearer" })).toMatchObject({ ok: true });
    expect(await control.send({ type: "startExercise" })).toMatchObject({ ok: true });
    expect(await control.send({ type: "releaseInject", inject: "red-sighting" })).toMatchObject({ ok: true });
    await until(() => inject(alice, "red-sighting")?.body === "Edited through the room.", "the edited inject reaches the addressee");
    expect(await control.send({ type: "editInject", inject: "red-sighting", spec: { ...spec, body: "Too late" } })).toMatchObject({
      ok: false,
      code: "inject_released",
    });
    const events = await h.store.readEvents(ex.id);
    expect(events.find((e) => e.type === "injectEdited")).toMatchObject({ by: "Ana", reason: "clearer", changes: { body: "Edited through the room." } });
    await Promise.all([control.room.leave(), alice.room.leave()]);
  });

  it("checks a sheet by row and column, imports it only before play", async () => {
    ex = await h.createExercise();
    const csv = await sheet();
    expect(csv.split("\r\n")[0]).toContain("Controller,Notes,Trigger,Status,Released Turn,Released At");
    const broken = csv.replace(/,all,/, ",atlantis,");
    const checked = await post("check", broken);
    expect(checked.status).toBe(422);
    const faults = (await checked.json()).problems as { row: number; column: string }[];
    expect(faults.map((f) => `${f.row}:${f.column}`)).toEqual(["2:To"]);
    const renamed = csv.replace("Storm warning for Skerry Island", "Storm warning (from the sheet)");
    const preview = await (await post("check", renamed)).json();
    expect(preview).toMatchObject({ ok: true, replaced: 2, phase: null });
    expect((await h.store.readEvents(ex.id)).length).toBe(0);
    const imported = await post("import", renamed);
    expect(imported.status).toBe(201);
    expect(await sheet()).toContain("Storm warning (from the sheet)");
    // The same bytes out as went in, once imported.
    expect(await sheet()).toBe(renamed);
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Ana" });
    expect(await control.send({ type: "startExercise" })).toMatchObject({ ok: true });
    // Once play has begun nothing is imported, and the answer says why.
    const late = await post("import", renamed);
    expect([409, 422]).toContain(late.status);
    expect(JSON.stringify(await late.json())).toContain("msel.refuse.importPhase");
    const live = await sheet();
    expect(live).toMatch(/,released,1,\d{4}-\d\d-\d\dT/);
    const xlsx = await fetch(`${h.url}/api/exercises/${ex.id}/msel?format=xlsx`, { headers: auth() });
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    const participant = await fetch(`${h.url}/api/exercises/${ex.id}/msel/check?format=csv`, {
      method: "POST",
      headers: { authorization: `Bearer ${ex.joinCodes[0]!.code}` },
      body: csv,
    });
    expect(participant.status).toBeGreaterThanOrEqual(401);
    await control.room.leave();
  });
});
