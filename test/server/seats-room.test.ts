import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, until, type Harness, type Seat } from "./harness.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";
import type { SeatCode } from "../../server/store/event-store.ts";

let h: Harness;
let ex: CreatedExercise;
let lead: Seat;
const codeOf = (nation: string) => ex.joinCodes.find((c) => c.nation === nation)!.code;
const docs = (map: any): any[] => [...map.values()].map((json: string) => JSON.parse(json));

/** Issues a code from the console as the lead does, and reads it back from the store. */
async function issue(by: Seat, settings: Record<string, unknown>): Promise<SeatCode> {
  const before = new Set(((await h.store.getExercise(ex.id))!.seatCodes ?? []).map((c) => c.slot));
  const result = await by.send({ type: "issueSeatCode", ...settings });
  expect(result).toMatchObject({ ok: true });
  return (await h.store.getExercise(ex.id))!.seatCodes!.find((c) => !before.has(c.slot))!;
}

beforeAll(async () => {
  h = await startHarness();
  ex = await h.createExercise();
  lead = await h.join(ex.id, { token: ex.facilitatorToken });
  expect((await lead.send({ type: "startExercise" })).ok).toBe(true);
});
afterAll(async () => h.shutdown());

describe("role-players, evaluators and named controllers in the room", () => {
  it("a role-player joins with its code and a name, sees the nation's perspective and speaks in character to a team", async () => {
    const code = await issue(lead, { role: "roleplayer", nation: "red", label: "Redonia MFA spokesperson" });
    expect(code).toMatchObject({ role: "roleplayer", nation: "red", label: "Redonia MFA spokesperson" });
    await expect(h.join(ex.id, { code: code.code, name: " " })).rejects.toThrow(/^name_required: /);
    const ana = await h.join(ex.id, { code: code.code, name: "Ana" });
    expect(ana.welcome).toMatchObject({ role: "roleplayer", nation: "red", name: "Ana", perspective: "red" });
    // Only red's perspective reaches the role-player: not the white cell's.
    expect([...ana.room.state.perspectives.keys()]).toEqual(["red"]);
    const alice = await h.join(ex.id, { code: codeOf("north"), name: "Alice" });
    expect(await ana.send({ type: "sendMessage", channel: "bilateral:north:red", text: "Our patrols are routine." })).toMatchObject({ ok: true });
    await until(() => docs(alice.perspective().messages).some((m) => m.text === "Our patrols are routine."), "Alice reads Redonia's message");
    const message = docs(alice.perspective().messages).find((m) => m.text === "Our patrols are routine.");
    expect(message).toMatchObject({ fromNation: "red", author: "Redonia MFA spokesperson" });
    // Exercise control's message to the non-playable nation reaches its role-player.
    expect((await lead.send({ type: "facilitatorMessage", to: "red", text: "Escalate next turn." })).ok).toBe(true);
    await until(() => docs(ana.perspective().messages).some((m) => m.text === "Escalate next turn."), "the role-player reads exercise control's message");
    // The white cell's feed says who played.
    await until(
      () => docs(lead.perspective().feed).some((f) => f.msg.key === "seats.feed.actedFor" && f.msg.params.by === "Ana"),
      "the white cell's feed names the role-player",
    );
    await alice.room.leave();
    await ana.room.leave();
  });

  it("a controller limited to a nation cannot release an inject addressed to another, logs an entry, and acts as its own nation only", async () => {
    const code = await issue(lead, { role: "controller", label: "Bo", nations: ["south"] });
    const bo = await h.join(ex.id, { code: code.code, name: "Bo" });
    expect(bo.welcome).toMatchObject({ role: "controller", name: "Bo", perspective: "white" });
    expect(await bo.send({ type: "releaseInject", inject: "red-sighting" })).toMatchObject({
      ok: false,
      code: "out_of_scope",
      message: "Nordmark is not among the nations you control (Sudland).",
    });
    expect(await bo.send({ type: "logControlEntry", text: "Sudland asked for more time." })).toMatchObject({ ok: true });
    await until(
      () => docs(lead.perspective().controlLog).some((e) => e.by === "Bo" && e.text === "Sudland asked for more time."),
      "the lead sees Bo's log entry",
    );
    expect(await bo.send({ type: "sendMessage", channel: "alliance", text: "Sudland here." }, { actAs: "red" })).toMatchObject({
      ok: false,
      code: "out_of_scope",
    });
    expect(await bo.send({ type: "sendMessage", channel: "alliance", text: "Sudland here." }, { actAs: "south" })).toMatchObject({ ok: true });
    const events = await h.store.readEvents(ex.id);
    expect(events.find((e) => e.type === "actedFor" && e.by === "Bo")).toMatchObject({ nation: "south", as: "control" });
    // Lead-only seat management.
    expect(await bo.send({ type: "issueSeatCode", role: "controller", label: "Cy" })).toMatchObject({ ok: false, code: "out_of_scope" });
    expect(await bo.send({ type: "removeSeat", seat: lead.welcome.seatId })).toMatchObject({ ok: false, code: "out_of_scope" });
    expect(await bo.send({ type: "issueSeatCode", role: "roleplayer", nation: "red" })).toMatchObject({ ok: false, code: "out_of_scope" });
    expect(await bo.send({ type: "endExercise" })).toMatchObject({ ok: false, code: "out_of_scope" });
    // Codes within its nations only.
    expect(await bo.send({ type: "newJoinCode", nation: "north" })).toMatchObject({
      ok: false,
      code: "out_of_scope",
      message: "Nordmark is not among the nations you control (Sudland).",
    });
    expect(await bo.send({ type: "newJoinCode", nation: null })).toMatchObject({ ok: false, code: "out_of_scope" });
    expect(await bo.send({ type: "issueSeatCode", role: "roleplayer", nation: "south", label: "Sudland coast guard" })).toMatchObject({ ok: true });
    // The lead sees the controller on the roster, online.
    await until(
      () => [...lead.perspective().seats.values()].some((s: any) => s.name === "Bo" && s.role === "controller" && s.online),
      "Bo online on the roster",
    );
    await bo.room.leave();
  });

  it("an evaluator watches the white cell's view, is refused game commands, and signs its notes", async () => {
    const code = await issue(lead, { role: "evaluator", label: "Lead evaluator", lead: true });
    expect(code.code).toMatch(/^[A-Z0-9]{3}(-[A-Z0-9]{3}){3}$/);
    const eve = await h.join(ex.id, { code: code.code, name: "Eve" });
    expect(eve.welcome).toMatchObject({ role: "evaluator", name: "Eve", perspective: "white" });
    expect(await eve.send({ type: "releaseInject", inject: "red-sighting" })).toMatchObject({ ok: false, code: "read_only" });
    expect(await eve.send({ type: "sendMessage", channel: "alliance", text: "hi" })).toMatchObject({ ok: false, code: "read_only" });
    expect(await eve.send({ type: "addNote", text: "North answered the storm warning fast." })).toMatchObject({ ok: true });
    await until(() => docs(eve.perspective().notes).some((n) => n.author === "Eve"), "Eve's note, signed");
    expect(await eve.send({ type: "issueSeatCode", role: "roleplayer", nation: "red" })).toMatchObject({ ok: false, code: "not_facilitator" });
    await eve.room.leave();
  });

  it("a replaced code stops working and its seats stay; a withdrawn code opens nothing", async () => {
    const code = await issue(lead, { role: "roleplayer", nation: "south" });
    const seat = await h.join(ex.id, { code: code.code, name: "Dee" });
    expect(await lead.send({ type: "newSeatCode", slot: code.slot })).toMatchObject({ ok: true });
    await expect(h.join(ex.id, { code: code.code, name: "Dee" })).rejects.toThrow(/^wrong_code: /);
    const fresh = (await h.store.getExercise(ex.id))!.seatCodes!.find((c) => c.slot === code.slot)!;
    expect(fresh.code).not.toBe(code.code);
    const again = await h.join(ex.id, { seat: seat.welcome.seat });
    expect(again.welcome).toMatchObject({ role: "roleplayer", nation: "south" });
    expect(await lead.send({ type: "withdrawSeatCode", slot: code.slot })).toMatchObject({ ok: true });
    await expect(h.join(ex.id, { code: fresh.code, name: "Dee" })).rejects.toThrow(/^wrong_code: /);
    expect(await lead.send({ type: "issueSeatCode", role: "roleplayer", nation: "constructor" })).toMatchObject({ ok: false, code: "unknown_nation" });
    await seat.room.leave();
    await again.room.leave();
  });
});
