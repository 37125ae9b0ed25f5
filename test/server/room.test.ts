import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, until, type Harness } from "./harness.ts";
import { draftFromWire } from "../../shared/view/draft-wire.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";
import { EN, translate, type Msg } from "../../shared/i18n/index.ts";
import { initialState } from "../../shared/engine/initial-state.ts";
import { foldEvents } from "../../shared/engine/evolve.ts";

let h: Harness;
let ex: CreatedExercise;
const codeOf = (nation: string) => ex.joinCodes.find((c) => c.nation === nation)!.code;

beforeAll(async () => {
  h = await startHarness();
  ex = await h.createExercise();
});
afterAll(async () => h.shutdown());

describe("exercise room", () => {
  it("seats a participant in the nation its join code opens", async () => {
    const alice = await h.join(ex.id, { code: codeOf("north"), name: "Alice" });
    expect(alice.welcome).toMatchObject({ role: "participant", nation: "north", name: "Alice" });
    expect([...alice.room.state.perspectives.keys()]).toEqual(["north"]);
    await alice.room.leave();
  });

  it("accepts join codes typed in lower case without the dash", async () => {
    const bob = await h.join(ex.id, { code: codeOf("south").toLowerCase().replace("-", ""), name: "Bob" });
    expect(bob.welcome.nation).toBe("south");
    await bob.room.leave();
  });

  it("refuses a wrong join code with a reason", async () => {
    await expect(h.join(ex.id, { code: "AAA-AAA", name: "Mallory" })).rejects.toThrow(/^wrong_code: That join code is not valid/);
  });

  it("refuses a participant without a name", async () => {
    await expect(h.join(ex.id, { code: codeOf("north"), name: "  " })).rejects.toThrow(/^name_required: /);
  });

  it("refuses a wrong facilitator token", async () => {
    await expect(h.join(ex.id, { token: "x".repeat(43), name: "Eve" })).rejects.toThrow(/^wrong_token: /);
  });

  it("answers a refusal with its code, its catalogue message and that message in English", async () => {
    const dana = await h.join(ex.id, { code: codeOf("north"), name: "Dana" });
    const refused = (await dana.send({ type: "startExercise" })) as { ok: boolean; code?: string; message?: string; msg?: Msg };
    expect(refused).toMatchObject({ ok: false, code: "not_facilitator", message: "Only exercise control can start the exercise." });
    expect(refused.msg).toEqual({ key: "engine.auth.facilitatorOnly", params: { action: { key: "engine.action.startExercise" } } });
    expect(translate("fr", refused.msg!)).toBe("Seule la direction de l'exercice peut lancer l'exercice.");
    const unreadable = (await dana.send({ type: "sendMessage", channel: "alliance" })) as { ok: boolean; code?: string; message?: string; msg?: Msg };
    expect(unreadable).toMatchObject({ ok: false, code: "invalid_payload", message: "The request could not be carried out: the text is missing." });
    expect(Object.hasOwn(EN, unreadable.msg!.key)).toBe(true);
    await dana.room.leave();
  });

  it("carries a command from one seat to a state change every seat sees", async () => {
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const alice = await h.join(ex.id, { code: codeOf("north"), name: "Alice" });
    const bob = await h.join(ex.id, { code: codeOf("south"), name: "Bob" });
    const reply = await control.send({ type: "startExercise" });
    expect(reply).toMatchObject({ ok: true });
    expect(reply.seq).toBeGreaterThan(0);
    await until(() => alice.room.state.phase === "running" && bob.room.state.phase === "running", "phase running everywhere");
    expect(alice.room.state.turn).toBe(1);
    for (const seat of [control, alice, bob]) await seat.room.leave();
  });

  it("shows team drafts to team-mates, never to another nation", async () => {
    const alice = await h.join(ex.id, { code: codeOf("north"), name: "Alice" });
    const carol = await h.join(ex.id, { code: codeOf("north"), name: "Carol" });
    const bob = await h.join(ex.id, { code: codeOf("south"), name: "Bob" });
    const reply = await alice.send({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } });
    expect(reply.ok).toBe(true);
    await until(() => carol.perspective().drafts.size === 1, "Carol sees Alice's draft");
    // Drafts travel as flat fields (shared/view/draft-wire.ts): read back, the whole order and its plan.
    const draft = draftFromWire([...carol.perspective().drafts.values()][0].toJSON());
    expect(draft).toMatchObject({
      author: "Alice",
      nation: "north",
      order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" },
    });
    expect(draft.plan?.route?.[0]).toBe("n-sea");
    expect(bob.perspective().drafts.size).toBe(0);
    expect(bob.room.state.perspectives.has("north")).toBe(false);
    for (const seat of [alice, carol, bob]) await seat.room.leave();
  });

  it("shows a draft to its team and to exercise control alike, through every change of view", async () => {
    // Each perspective holds its own schema object per draft. One object shared by the team's
    // perspective and exercise control's (tried for #23's round trip) had its fields encoded
    // into the first view only: with @colyseus/schema 5.0.34 the team decoded an empty draft.
    const own = await h.createExercise();
    const code = (nation: string) => own.joinCodes.find((c) => c.nation === nation)!.code;
    const control = await h.join(own.id, { token: own.facilitatorToken, name: "Control" });
    const alice = await h.join(own.id, { code: code("north"), name: "Alice" });
    const bob = await h.join(own.id, { code: code("south"), name: "Bob" });
    expect(await control.send({ type: "startExercise" })).toMatchObject({ ok: true });
    const draftsOf = (seat: typeof control, key: string) =>
      [...(seat.room.state.perspectives.get(key)?.drafts.values() ?? [])].map((d: any) => draftFromWire(d.toJSON()));
    const order = { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" };
    expect(await alice.send({ type: "draftOrder", order })).toMatchObject({ ok: true });
    await until(() => draftsOf(control, "white").length === 1 && draftsOf(alice, "north").length === 1, "the draft at Alice and at exercise control");
    expect(draftsOf(control, "white")).toEqual(draftsOf(alice, "north"));
    expect(draftsOf(alice, "north")[0]).toMatchObject({ author: "Alice", order });
    control.room.send("viewAs", { nation: "north" });
    await until(() => draftsOf(control, "north").length === 1, "the draft through North's eyes");
    expect(draftsOf(control, "north")).toEqual(draftsOf(alice, "north"));
    // A second draft while exercise control looks through North's eyes, and one more after it
    // has gone back: every perspective that shows them holds both, field for field.
    expect(await alice.send({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "presence" } })).toMatchObject({ ok: true });
    await until(() => draftsOf(control, "north").length === 2 && draftsOf(alice, "north").length === 2, "the second draft");
    control.room.send("viewAs", { nation: "south" });
    await until(() => control.room.state.perspectives.has("south") && !control.room.state.perspectives.has("north"), "South's eyes");
    expect(draftsOf(control, "south")).toEqual([]);
    control.room.send("viewAs", {});
    await until(() => draftsOf(control, "white").length === 2, "both drafts back in exercise control's view");
    expect(draftsOf(control, "white")).toEqual(draftsOf(alice, "north"));
    const first = draftsOf(alice, "north").find((d) => d.order.kind === "deployAsset")!;
    expect(await alice.send({ type: "withdrawDraft", draft: first.id })).toMatchObject({ ok: true });
    await until(() => draftsOf(control, "white").length === 1 && draftsOf(alice, "north").length === 1, "the withdrawn draft gone everywhere");
    expect(draftsOf(control, "white")).toEqual(draftsOf(alice, "north"));
    expect(bob.room.state.perspectives.has("north")).toBe(false);
    expect(draftsOf(bob, "south")).toEqual([]);
    for (const seat of [control, alice, bob]) await seat.room.leave();
  });

  it("delivers a command's patch before its result, so the sender's state already shows it", async () => {
    const alice = await h.join(ex.id, { code: codeOf("north"), name: "Alice" });
    // Checked when each result is decoded, not later: a result that overtook its patch would
    // find the state one command behind.
    const drafted: boolean[] = [];
    alice.room.onMessage(
      "result",
      (r: { ok: boolean; seq?: number }) =>
        r.ok && drafted.push(Math.max(alice.room.state.seq, alice.perspective().seq) >= r.seq! && alice.perspective().drafts.size > 0),
    );
    const orders = Array.from({ length: 6 }, () => alice.send({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "patrol" } }));
    const replies = await Promise.all(orders); // sent together: some share one corked flush
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(drafted).toEqual(replies.map(() => true));
    await alice.room.leave();
  });

  it("answers malformed commands with rejections and keeps serving", async () => {
    const alice = await h.join(ex.id, { code: codeOf("north"), name: "Alice" });
    expect(await alice.send({ type: "noSuchCommand" })).toMatchObject({ ok: false, code: "unknown_command" });
    expect(await alice.send({ type: "draftOrder", order: { kind: "deployAsset" } })).toMatchObject({ ok: false, code: "invalid_payload" });
    expect(await alice.send({ type: "sendMessage", channel: "team:north", text: "x".repeat(10_000) })).toMatchObject({ ok: false, code: "invalid_payload" });
    expect(
      await alice.send({ type: "draftOrder", order: { kind: "deployAsset", asset: { __proto__: { polluted: true } }, destination: [], mission: 7 } }),
    ).toMatchObject({ ok: false, code: "invalid_payload" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await alice.send({ type: "sendMessage", channel: "team:north", text: "still here" })).toMatchObject({ ok: true });
    await alice.room.leave();
  });

  it("authorizes every command against the seat's role", async () => {
    const alice = await h.join(ex.id, { code: codeOf("north"), name: "Alice" });
    const watcher = await h.join(ex.id, { code: ex.observerCode, name: "Trainer" });
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    expect(await alice.send({ type: "pauseExercise" })).toMatchObject({ ok: false, code: "not_facilitator" });
    expect(await alice.send({ type: "timerExpired", turn: 1 })).toMatchObject({ ok: false, code: "not_facilitator" });
    expect(await watcher.send({ type: "sendMessage", channel: "alliance", text: "hello" })).toMatchObject({ ok: false, code: "read_only" });
    expect(await watcher.send({ type: "pauseExercise" })).toMatchObject({ ok: false, code: "read_only" });
    expect(await control.send({ type: "commitTurn", turn: 1 })).toMatchObject({ ok: false, code: "not_your_nation" });
    expect(await alice.send({ type: "draftOrder", order: { kind: "recallAsset", asset: "s-med", destination: "s-home" } })).toMatchObject({ ok: false });
    expect(await alice.send({ type: "sendMessage", channel: "team:south", text: "psst" })).toMatchObject({ ok: false, code: "not_your_nation" });
    for (const seat of [alice, watcher, control]) await seat.room.leave();
  });

  it("lets the facilitator look through one nation's eyes", async () => {
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    expect([...control.room.state.perspectives.keys()]).toEqual(["white"]);
    control.room.send("viewAs", { nation: "south" });
    await until(() => control.room.state.perspectives.has("south"), "south perspective");
    await until(() => !control.room.state.perspectives.has("white"), "white perspective gone");
    control.room.send("viewAs", {});
    await until(() => control.room.state.perspectives.has("white"), "white perspective back");
    await control.room.leave();
  });

  it("rejoins the same seat with the seat token after a reload", async () => {
    // An exercise of its own: the shared one has had many seats made with the north code.
    const own = await h.createExercise();
    const alice = await h.join(own.id, { code: own.joinCodes.find((c) => c.nation === "north")!.code, name: "Alice" });
    const token = alice.welcome.seat;
    await alice.room.leave();
    const again = await h.join(own.id, { seat: token });
    expect(again.welcome).toMatchObject({ nation: "north", name: "Alice", seatId: alice.welcome.seatId });
    await again.room.leave();
    await expect(h.join(own.id, { seat: "forged-seat-token" })).rejects.toThrow(/^unknown_seat: .*no longer valid/);
  });

  it("keeps a team to its scenario's seats per nation; a seat token always gets its seat back", async () => {
    const team = await h.createExercise(); // tiny: rules.seatsPerNation = 8
    const code = team.joinCodes.find((c) => c.nation === "north")!.code;
    const seats = [];
    for (let i = 0; i < 8; i++) seats.push(await h.join(team.id, { code, name: `North ${i}` }));
    await expect(h.join(team.id, { code, name: "Ninth" })).rejects.toThrow(/^team_full: Nordmark's team is full: all 8 seats are in use/);
    // Other teams are not affected.
    const south = await h.join(team.id, { code: team.joinCodes.find((c) => c.nation === "south")!.code, name: "South" });
    // A team-mate who reloads comes back to their seat even while the team is full.
    const token = seats[0]!.welcome.seat;
    await seats[0]!.room.leave();
    const ninth = await h.join(team.id, { code, name: "Ninth" });
    await expect(h.join(team.id, { code, name: "Tenth" })).rejects.toThrow(/^team_full: /);
    const back = await h.join(team.id, { seat: token });
    expect(back.welcome).toMatchObject({ nation: "north", name: "North 0" });
    for (const seat of [...seats.slice(1), south, ninth, back]) await seat.room.leave();
  });

  it("lets exercise control remove a seat: it is disconnected with the reason, leaves the roster and its token no longer joins", async () => {
    const team = await h.createExercise();
    const code = team.joinCodes.find((c) => c.nation === "north")!.code;
    const control = await h.join(team.id, { token: team.facilitatorToken, name: "Control" });
    const alice = await h.join(team.id, { code, name: "Alice" });
    const stranger = await h.join(team.id, { code, name: "Stranger" });
    const closed = new Promise<{ code: number; reason?: string }>((resolve) =>
      stranger.room.onLeave((code: number, reason?: string) => resolve({ code, reason })),
    );
    await until(() => control.perspective().seats.size === 3, "three seats on the roster");

    const refused = await alice.send({ type: "removeSeat", seat: control.welcome.seatId });
    expect(refused).toMatchObject({ ok: false, code: "not_facilitator" });
    expect(await control.send({ type: "removeSeat", seat: control.welcome.seatId })).toMatchObject({ ok: false, code: "invalid_target" });
    expect(await control.send({ type: "removeSeat", seat: "no-such-seat" })).toMatchObject({ ok: false, code: "unknown_seat" });
    expect(await control.send({ type: "removeSeat", seat: 42 })).toMatchObject({ ok: false, code: "invalid_payload" });

    expect(await control.send({ type: "removeSeat", seat: stranger.welcome.seatId })).toMatchObject({ ok: true });
    expect(await closed).toEqual({ code: 4403, reason: expect.stringMatching(/^removed: Exercise control removed this seat/) });
    await until(() => control.perspective().seats.size === 2 && !control.perspective().seats.has(stranger.welcome.seatId), "the stranger is off the roster");
    await until(() => !alice.perspective().seats.has(stranger.welcome.seatId), "and off the team's roster");
    await expect(h.join(team.id, { seat: stranger.welcome.seat })).rejects.toThrow(/^unknown_seat: /);
    // Everybody else plays on.
    expect(await alice.send({ type: "sendMessage", channel: "team:north", text: "still here" })).toMatchObject({ ok: true });
    for (const seat of [control, alice]) await seat.room.leave();
  });

  it("gives exercise control a new join code on request: the old one stops working, seats taken with it stay", async () => {
    const team = await h.createExercise();
    const old = team.joinCodes.find((c) => c.nation === "north")!.code;
    const control = await h.join(team.id, { token: team.facilitatorToken, name: "Control" });
    const codes: any[] = [];
    control.room.onMessage("joinCodes", (c: unknown) => codes.push(c));
    const alice = await h.join(team.id, { code: old, name: "Alice" });
    const observer = await h.join(team.id, { code: team.observerCode, name: "Trainer" });
    // The codes are the exercise's keys: nobody but exercise control ever receives them.
    const leaked: unknown[] = [];
    for (const seat of [alice, observer]) {
      seat.room.onMessage("joinCodes", (c: unknown) => leaked.push(c));
      seat.room.send("whoami");
    }
    control.room.send("whoami"); // the codes sent on joining came before this handler
    await until(() => codes.length > 0, "exercise control gets the codes again with whoami");
    expect(codes[0].nations.find((c: { nation: string }) => c.nation === "north").code).toBe(old);

    expect(await alice.send({ type: "newJoinCode", nation: "north" })).toMatchObject({ ok: false, code: "not_facilitator" });
    expect(await control.send({ type: "newJoinCode", nation: "red" })).toMatchObject({ ok: false, code: "unknown_nation" });
    const before = codes.length;
    expect(await control.send({ type: "newJoinCode", nation: "north" })).toMatchObject({ ok: true });
    await until(() => codes.length > before, "the new codes reach exercise control");
    const fresh = codes.at(-1).nations.find((c: { nation: string }) => c.nation === "north").code;
    expect(fresh).not.toBe(old);
    expect(codes.at(-1).nations.find((c: { nation: string }) => c.nation === "south").code).toBe(team.joinCodes.find((c) => c.nation === "south")!.code);
    await expect(h.join(team.id, { code: old, name: "Leaked" })).rejects.toThrow(/^wrong_code: /);
    const bob = await h.join(team.id, { code: fresh, name: "Bob" });
    expect(bob.welcome.nation).toBe("north");
    expect(await alice.send({ type: "sendMessage", channel: "team:north", text: "my seat stays" })).toMatchObject({ ok: true });

    expect(await control.send({ type: "newJoinCode", nation: null })).toMatchObject({ ok: true });
    await expect(h.join(team.id, { code: team.observerCode, name: "Old observer code" })).rejects.toThrow(/^wrong_code: /);
    expect(leaked).toEqual([]);
    for (const seat of [control, alice, bob, observer]) await seat.room.leave();
  });

  it("keeps two exercises apart", async () => {
    const first = await h.createExercise();
    const other = await h.createExercise();
    const a = await h.join(first.id, { code: first.joinCodes.find((c) => c.nation === "north")!.code, name: "A" });
    const b = await h.join(other.id, { code: other.joinCodes[0]!.code, name: "B" });
    await a.send({ type: "sendMessage", channel: "team:north", text: "only in the first exercise" });
    await until(() => [...a.perspective().messages.values()].some((json: string) => json.includes("only in the first")), "message in first exercise");
    expect([...b.perspective().messages.values()].some((json: string) => json.includes("only in the first"))).toBe(false);
    await expect(h.join(other.id, { code: codeOf("north"), name: "Wrong room" })).rejects.toThrow(/not valid/);
    await a.room.leave();
    await b.room.leave();
  });
});

describe("branching", () => {
  it("starts a new exercise from a prefix of another's log, paused, with its own codes", async () => {
    const source = await h.createExercise();
    const control = await h.join(source.id, { token: source.facilitatorToken, name: "Control" });
    await control.send({ type: "startExercise" });
    const mark = await control.send({ type: "facilitatorMessage", to: "north", text: "before the branch" });
    await control.send({ type: "facilitatorMessage", to: "north", text: "after the branch" });
    const res = await fetch(`${h.url}/api/exercises/${source.id}/branch`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${source.facilitatorToken}` },
      body: JSON.stringify({ seq: mark.seq }),
    });
    expect(res.status).toBe(201);
    const branch = await res.json();
    expect(branch.joinCodes[0].code).not.toBe(source.joinCodes[0]!.code);
    const alice = await h.join(branch.id, { code: branch.joinCodes.find((c: any) => c.nation === "north").code, name: "Alice" });
    const texts = [...alice.perspective().messages.values()].map((json: string) => JSON.parse(json).text);
    expect(texts).toEqual(["before the branch"]);
    expect(alice.room.state.phase).toBe("paused");
    const denied = await fetch(`${h.url}/api/exercises/${source.id}/branch`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${source.observerCode}` },
      body: JSON.stringify({ seq: 1 }),
    });
    expect(denied.status).toBe(403);
    await control.room.leave();
    await alice.room.leave();
  });
});

describe("branching at a point that is not a consistent state", () => {
  const branchAt = (id: string, token: string, seq: number) =>
    fetch(`${h.url}/api/exercises/${id}/branch`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ seq }),
    });
  const stateOf = async (id: string, upTo?: number) => {
    const record = (await h.store.getExercise(id))!;
    return foldEvents(initialState(record.scenario, id, record.seed), await h.store.readEvents(id, 1, upTo));
  };

  it("refuses a sequence number beyond the log, naming the last event", async () => {
    const source = await h.createExercise();
    const control = await h.join(source.id, { token: source.facilitatorToken, name: "Control" });
    await control.send({ type: "startExercise" });
    const last = await h.store.lastSeq(source.id);
    const res = await branchAt(source.id, source.facilitatorToken, last + 10);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("seq_beyond_log");
    expect(body.error.message).toContain(`ends at event ${last}`);
    expect((await branchAt(source.id, source.facilitatorToken, last)).status).toBe(201);
    await control.room.leave();
  });

  it("moves a point inside a turn's resolution back to just before it, so the orders are paid once", async () => {
    const source = await h.createExercise();
    const control = await h.join(source.id, { token: source.facilitatorToken, name: "Control" });
    const north = await h.join(source.id, { code: source.joinCodes.find((c) => c.nation === "north")!.code, name: "Nora" });
    const south = await h.join(source.id, { code: source.joinCodes.find((c) => c.nation === "south")!.code, name: "Sam" });
    await control.send({ type: "startExercise" });
    expect(await north.send({ type: "draftOrder", order: { kind: "deployAsset", asset: "n-frigate", destination: "s-sea", mission: "patrol" } })).toMatchObject(
      { ok: true },
    );
    await north.send({ type: "commitTurn", turn: 1 });
    await south.send({ type: "commitTurn", turn: 1 });
    const events = await h.store.readEvents(source.id);
    const resolution = events.find((e) => e.type === "resolutionStarted")!.seq;
    const paid = events.find((e) => e.type === "orderExecuted")!.seq;
    const res = await branchAt(source.id, source.facilitatorToken, paid + 1);
    expect(res.status).toBe(201);
    const branch = await res.json();
    expect(branch.branchedAt).toBe(resolution - 1);
    // The branch is the moment before the resolution: the draft still to execute, nothing paid yet.
    const before = await stateOf(source.id, resolution - 1);
    const branched = await stateOf(branch.id);
    expect(Object.values(branched.drafts).map((d) => d.order.kind)).toEqual(["deployAsset"]);
    expect(branched.nations["north"]!.budget).toBe(before.nations["north"]!.budget);
    // Resolving it there gives what the source got: the deployment paid once.
    const branchControl = await h.join(branch.id, { token: branch.facilitatorToken, name: "Control" });
    expect((await branchControl.send({ type: "forceResolve", turn: 1 })).ok).toBe(true);
    const resolvedInSource = await stateOf(source.id);
    expect((await stateOf(branch.id)).nations["north"]!.budget).toBe(resolvedInSource.nations["north"]!.budget);
    for (const seat of [control, north, south, branchControl]) await seat.room.leave();
  });
});

describe("improvement plan", () => {
  it("records items through the room's log and shows them in the after-action report", async () => {
    const ex2 = await h.createExercise();
    const post = (body: unknown, secret = ex2.facilitatorToken) =>
      fetch(`${h.url}/api/exercises/${ex2.id}/improvements`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify(body),
      });
    const created = await post({ issue: "Sharing took two turns", recommendation: "Pre-agree a sharing protocol", nation: "north", due: "2031-06-01" });
    expect(created.status).toBe(201);
    expect((await post({ issue: "x", recommendation: "y", nation: "atlantis" })).status).toBe(400);
    expect((await post({ issue: "x", recommendation: "y" }, ex2.observerCode)).status).toBe(403);
    const aar = await (await fetch(`${h.url}/api/exercises/${ex2.id}/aar?format=json`, { headers: { authorization: `Bearer ${ex2.observerCode}` } })).json();
    expect(aar.improvementPlan).toEqual([expect.objectContaining({ issue: "Sharing took two turns", nation: "north", due: "2031-06-01" })]);
    const removed = await fetch(`${h.url}/api/exercises/${ex2.id}/improvements/${aar.improvementPlan[0].id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${ex2.facilitatorToken}` },
    });
    expect(removed.status).toBe(201);
    const md = await (await fetch(`${h.url}/api/exercises/${ex2.id}/aar?format=md`, { headers: { authorization: `Bearer ${ex2.observerCode}` } })).text();
    // The empty plan keeps its one-row placeholder, under every HSEEP column.
    expect(md).toContain(`| (none yet) |${"  |".repeat(8)}`);
  });
});
