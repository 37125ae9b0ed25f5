import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, until, matchmake, type Harness, type MatchmakeAnswer as Answer } from "./harness.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";
import { matchMaker } from "@colyseus/core";

/**
 * What a hostile seat or an outsider can do to a room: guess codes, flood matchmaking, open many
 * connections with one token, fill the roster with ghosts, or send a command the rules cannot
 * handle. Each case fails without its fix (main at bd5597a). The server trusts loopback as its
 * proxy here, so each test's attackers come from addresses of their own (X-Forwarded-For).
 */

const northCode = (ex: CreatedExercise) => ex.joinCodes.find((c) => c.nation === "north")!.code;

let h: Harness;
beforeAll(async () => (h = await startHarness({ env: { TRUST_PROXY: "loopback" } })));
afterAll(async () => h.shutdown());

describe("code guessing behind a trusted proxy", () => {
  it("compares at most 30 wrong guesses a minute per exercise from many addresses; a valid code from another address still gets in", async () => {
    const ex = await h.createExercise();
    const answers: Answer[] = [];
    // Twenty clients behind the proxy, three guesses each.
    for (let round = 0; round < 3; round++) {
      for (let client = 0; client < 20; client++)
        answers.push(await matchmake(h, `joinById/${ex.id}`, { code: `ZZZ-${round}${client}`, name: "Guesser" }, { "x-forwarded-for": `203.0.113.${client}` }));
    }
    expect(answers.filter((a) => a.code === "wrong_code")).toHaveLength(30);
    expect(answers.filter((a) => a.code === "rate_limited")).toHaveLength(30);
    // Exercise control and a returning seat are not kept out by guesses at codes.
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    expect(control.welcome.role).toBe("facilitator");
    // Another exercise is untouched.
    const other = await h.createExercise();
    const alice = await h.join(other.id, { code: northCode(other), name: "Alice" });
    expect(alice.welcome.nation).toBe("north");
    await control.room.leave();
    await alice.room.leave();
  });

  it("lets a valid code in while one client hammers the same exercise", async () => {
    const ex = await h.createExercise();
    const hammering = (async () => {
      for (let i = 0; i < 60; i++) await matchmake(h, `joinById/${ex.id}`, { code: `QQQ-${i}`, name: "Guesser" }, { "x-forwarded-for": "198.51.100.7" });
    })();
    const reservation = await matchmake(h, `joinById/${ex.id}`, { code: northCode(ex), name: "Alice" }, { "x-forwarded-for": "192.0.2.55" });
    await hammering;
    expect(reservation.status, reservation.text).toBe(200);
    expect(JSON.parse(reservation.text).sessionId).toBeTruthy();
  });
});

describe("matchmaking open to anyone", () => {
  it("refuses client-side create and joinOrCreate, and creates no room", async () => {
    const ex = await h.createExercise();
    const before = (await matchMaker.query({ name: "exercise" })).length;
    for (const method of ["create", "joinOrCreate", "join"]) {
      const answer = await matchmake(h, `${method}/exercise`, { exerciseId: ex.id });
      expect(answer.status, `${method}: ${answer.text}`).toBe(403);
      expect(answer.code).toBe("invalid_method");
    }
    expect((await matchMaker.query({ name: "exercise" })).length).toBe(before);
  });

  it("1,000 unauthenticated joinById requests reserve nothing: exercise control gets in within a second", async () => {
    const ex = await h.createExercise();
    const bodies = [{}, { code: "" }, { seat: "nope" }, { token: "x" }, { name: "nobody" }];
    const started = Date.now();
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) => matchmake(h, `joinById/${ex.id}`, bodies[i % bodies.length], { "x-forwarded-for": `198.18.${batch}.${i}` })),
      );
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    const room = matchMaker.getLocalRoomById(ex.id) as unknown as { _reservedSeats: Record<string, unknown> };
    expect(Object.keys(room._reservedSeats)).toHaveLength(0);
    const t0 = Date.now();
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    expect(Date.now() - t0).toBeLessThan(1000);
    await control.room.leave();
  });

  it("holds a seat to a few connections: one token cannot open 200", async () => {
    const ex = await h.createExercise();
    const alice = await h.join(ex.id, { code: northCode(ex), name: "Alice" });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => matchmake(h, `joinById/${ex.id}`, { seat: alice.welcome.seat }, { "x-forwarded-for": "198.19.0.1" })),
    );
    const granted = answers.filter((a) => a.status === 200).length;
    expect(granted).toBeLessThanOrEqual(3);
    expect(answers.some((a) => a.code === "too_many_connections")).toBe(true);
    // Everybody else still gets in.
    const bob = await h.join(ex.id, { code: northCode(ex), name: "Bob" });
    expect(bob.welcome.name).toBe("Bob");
    await alice.room.leave();
    await bob.room.leave();
  });
});

describe("a participant on a bad network", () => {
  it("who drops and reloads again and again always gets the seat back (dropped connections' holds are let go)", async () => {
    const ex = await h.createExercise();
    let alice = await h.join(ex.id, { code: northCode(ex), name: "Alice" });
    const token = alice.welcome.seat;
    const room = matchMaker.getLocalRoomById(ex.id) as unknown as { clients: { sessionId: string; ref: { terminate(): void } }[] };
    for (let reload = 0; reload < 8; reload++) {
      room.clients.find((c) => c.sessionId === alice.room.sessionId)!.ref.terminate(); // the network drops
      alice = await h.join(ex.id, { seat: token }); // the page reloads with its seat token
      expect(alice.welcome.name).toBe("Alice");
    }
    await alice.room.leave();
  });
});

describe("ghost seats", () => {
  it("a code makes at most seatsPerNation stored seats beyond those connected; exercise control clears the stale ones", async () => {
    const ex = await h.createExercise(); // tiny: seatsPerNation 8
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    for (let i = 0; i < 8; i++) {
      const seat = await h.join(ex.id, { code: northCode(ex), name: `Ghost ${i}` });
      await seat.room.leave();
    }
    await expect(h.join(ex.id, { code: northCode(ex), name: "Ghost 9" })).rejects.toThrow(/^too_many_seats: /);
    expect((await h.store.listSeats(ex.id)).filter((s) => s.nation === "north")).toHaveLength(8);
    await until(() => control.perspective().seats.size === 9, "the ghosts on the roster");
    expect(await control.send({ type: "clearStaleSeats", nation: "north" })).toMatchObject({ ok: true });
    expect((await h.store.listSeats(ex.id)).filter((s) => s.nation === "north")).toHaveLength(0);
    await until(() => control.perspective().seats.size === 1, "only exercise control left on the roster");
    const alice = await h.join(ex.id, { code: northCode(ex), name: "Alice" });
    expect(alice.welcome.name).toBe("Alice");
    await alice.room.leave();
    await control.room.leave();
  });
});

describe("commands the rules cannot handle", () => {
  it("ids that name prototype members are refused or harmless, and the turn still resolves", async () => {
    const ex = await h.createExercise();
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const alice = await h.join(ex.id, { code: northCode(ex), name: "Alice" });
    await control.send({ type: "startExercise" });
    for (const partner of ["constructor", "__proto__", "toString"]) {
      const reply = await alice.send({ type: "draftOrder", order: { kind: "fundCapacityBuilding", partner, amount: 5 } });
      expect(reply).toMatchObject({ ok: false, code: "unknown_nation" });
    }
    expect(await control.send({ type: "skipInject", inject: "constructor" })).toMatchObject({ ok: false, code: "unknown_inject" });
    expect(await control.send({ type: "forceResolve", turn: 1 })).toMatchObject({ ok: true });
    for (const path of ["state", "aar?format=json", "events"]) {
      const res = await fetch(`${h.url}/api/exercises/${ex.id}/${path}`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } });
      expect(res.status, path).toBe(200);
    }
    await alice.room.leave();
    await control.room.leave();
  });

  it("ids that name prototype members in HTTP paths and queries name nothing", async () => {
    const ex = await h.createExercise();
    const auth = { authorization: `Bearer ${ex.facilitatorToken}` };
    for (const id of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const state = await fetch(`${h.url}/api/exercises/${ex.id}/state?nation=${id}`, { headers: auth });
      expect(state.status, `state?nation=${id}`).toBe(404);
      expect((await state.json()).error.code).toBe("unknown_nation");
      const exercise = await fetch(`${h.url}/api/exercises/${id}`, { headers: auth });
      expect(exercise.status, `exercises/${id}`).toBe(404);
      const removal = await fetch(`${h.url}/api/exercises/${ex.id}/improvements/${id}`, { method: "DELETE", headers: auth });
      expect(removal.status, `improvements/${id}`).toBe(400);
    }
    expect((await fetch(`${h.url}/api/exercises/${ex.id}/aar?format=json`, { headers: auth })).status).toBe(200);
  });

  it("a resolution that throws appends nothing, answers internal_error with a reference and tells exercise control", async () => {
    const ex = await h.createExercise();
    // A log written by a build that knew an order this one does not: the rules cannot execute it.
    const draft = { type: "orderDrafted", draft: "d900", nation: "north", author: "Alice", order: { kind: "teleportAsset", asset: "n-frigate" } };
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    await control.send({ type: "startExercise" });
    const seq = await h.store.lastSeq(ex.id);
    await h.store.append(ex.id, [{ ...draft, seq: seq + 1, at: Date.now() } as never]);
    // The room takes the log as the truth again, as it does after a restart.
    await (matchMaker.getLocalRoomById(ex.id) as unknown as { reloadFromStore(): Promise<void> }).reloadFromStore();
    const back = control;
    const alerts: { code: string; reference: string; message: string }[] = [];
    back.room.onMessage("controlAlert", (a: (typeof alerts)[number]) => alerts.push(a));
    const reply = await back.send({ type: "forceResolve", turn: 1 });
    expect(reply).toMatchObject({ ok: false, code: "internal_error" });
    expect((reply as { reference?: string }).reference).toMatch(/^E-[0-9A-F]{8}$/);
    expect(await h.store.lastSeq(ex.id)).toBe(seq + 1);
    await until(() => alerts.length > 0, "the alert to exercise control");
    expect(alerts[0]).toMatchObject({ code: "resolution_failed", reference: (reply as { reference?: string }).reference });
    // The room keeps serving, and exercise control can withdraw the order at fault and go on.
    expect(await back.send({ type: "withdrawDraft", draft: "d900" })).toMatchObject({ ok: true });
    expect(await back.send({ type: "forceResolve", turn: 1 })).toMatchObject({ ok: true });
    await back.room.leave();
  });
});
