import { describe, it, expect, beforeEach, afterEach } from "vitest";
import type { EventStore, ExerciseRecord } from "../../server/store/event-store.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";
import { ScenarioSpec } from "../../shared/scenario/schema.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TEST_SCENARIOS } from "./harness.ts";

const scenario = ScenarioSpec.parse(JSON.parse(readFileSync(join(TEST_SCENARIOS, "tiny.json"), "utf8")));

function record(id: string, codes: Record<string, string> = { north: `N${id.slice(-2)}-AAA`, south: `S${id.slice(-2)}-AAA` }): ExerciseRecord {
  return {
    id,
    title: `Exercise ${id}`,
    scenario,
    seed: 42,
    createdAt: 1000,
    facilitatorTokenHash: "ab".repeat(32),
    joinCodes: codes,
    observerCode: `O${id.slice(-2)}-AAA`,
  };
}

const event = (seq: number, text = `m${seq}`): ExerciseEvent => ({
  type: "messageSent",
  message: { id: `m${seq}`, channel: "team:north", fromNation: "north", author: "A", text, turn: 1, at: 5 },
  seq,
  at: 1000 + seq,
});

/** One suite, every implementation: each store must behave exactly alike. */
export function eventStoreContract(name: string, open: () => Promise<EventStore>, cleanup: () => Promise<void> = async () => {}) {
  describe(`event store contract: ${name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    it("stores and returns an exercise record", async () => {
      await store.createExercise(record("ex-01"));
      expect(await store.getExercise("ex-01")).toEqual(record("ex-01"));
      expect(await store.getExercise("ex-nope")).toBeNull();
    });

    it("gives the exercises of one scenario one copy of it, frozen (server/store/shared-scenarios.ts)", async () => {
      await store.createExercise(record("ex-01"));
      await store.createExercise(record("ex-02"));
      await store.createExercise({ ...record("ex-03"), scenario: { ...scenario, title: "Another scenario" } });
      const [first, second, other] = await Promise.all(["ex-01", "ex-02", "ex-03"].map((id) => store.getExercise(id)));
      expect(first!.scenario).toBe(second!.scenario);
      expect(other!.scenario).not.toBe(first!.scenario);
      expect(other!.scenario.title).toBe("Another scenario");
      // Shared by every room that loads it: a write anywhere inside it throws where it is made.
      expect(Object.isFrozen(first!.scenario.regions[0])).toBe(true);
      expect(() => {
        (first!.scenario.nations[0] as { name: string }).name = "Changed";
      }).toThrow(TypeError);
      // The rest of the record is each reader's own.
      const again = await store.getExercise("ex-01");
      expect(again).not.toBe(first);
      expect(again!.joinCodes).not.toBe(first!.joinCodes);
      expect(again!.scenario).toBe(first!.scenario);
    });

    it("refuses a second exercise with the same id", async () => {
      await store.createExercise(record("ex-01"));
      await expect(store.createExercise(record("ex-01"))).rejects.toThrow();
    });

    it("appends events in sequence and reads them back in order", async () => {
      await store.createExercise(record("ex-01"));
      await store.append("ex-01", [event(1), event(2)]);
      await store.append("ex-01", [event(3)]);
      expect(await store.readEvents("ex-01")).toEqual([event(1), event(2), event(3)]);
      expect(await store.readEvents("ex-01", 2, 2)).toEqual([event(2)]);
      expect(await store.lastSeq("ex-01")).toBe(3);
    });

    it("refuses a gap or a duplicate sequence number and keeps the log unchanged", async () => {
      await store.createExercise(record("ex-01"));
      await store.append("ex-01", [event(1)]);
      await expect(store.append("ex-01", [event(3)])).rejects.toThrow(/seq/);
      await expect(store.append("ex-01", [event(1)])).rejects.toThrow(/seq/);
      await expect(store.append("ex-01", [event(2), event(4)])).rejects.toThrow(/seq/);
      expect(await store.readEvents("ex-01")).toEqual([event(1)]);
    });

    it("keeps the logs of two exercises apart", async () => {
      await store.createExercise(record("ex-01"));
      await store.createExercise(record("ex-02"));
      await store.append("ex-01", [event(1, "first")]);
      await store.append("ex-02", [event(1, "second")]);
      expect((await store.readEvents("ex-02"))[0]).toEqual(event(1, "second"));
      expect((await store.listExercises()).map((e) => [e.id, e.lastSeq])).toEqual([
        ["ex-01", 1],
        ["ex-02", 1],
      ]);
    });

    it("finds the exercise and role behind a join code", async () => {
      await store.createExercise(record("ex-01"));
      expect(await store.findByCode("S01-AAA")).toEqual({ exerciseId: "ex-01", role: "participant", nation: "south" });
      expect(await store.findByCode("o01-aaa")).toEqual({ exerciseId: "ex-01", role: "observer", nation: null });
      expect(await store.findByCode("ZZZ-ZZZ")).toBeNull();
    });

    it("keeps seats by token", async () => {
      await store.createExercise(record("ex-01"));
      const seat = { token: "tok", exerciseId: "ex-01", role: "participant" as const, nation: "north", name: "Alice", createdAt: 7 };
      await store.saveSeat(seat);
      expect(await store.getSeat("tok")).toEqual(seat);
      expect(await store.getSeat("other")).toBeNull();
    });

    it("forgets a removed seat and leaves the others", async () => {
      await store.createExercise(record("ex-01"));
      const alice = { token: "tok-a", exerciseId: "ex-01", role: "participant" as const, nation: "north", name: "Alice", createdAt: 7 };
      const bob = { ...alice, token: "tok-b", name: "Bob" };
      await store.saveSeat(alice);
      await store.saveSeat(bob);
      await store.removeSeat("tok-a");
      await store.removeSeat("never-existed");
      expect(await store.getSeat("tok-a")).toBeNull();
      expect(await store.getSeat("tok-b")).toEqual(bob);
    });

    it("lists an exercise's seats, oldest first, and no other exercise's", async () => {
      await store.createExercise(record("ex-01"));
      await store.createExercise(record("ex-02"));
      const seat = (token: string, exerciseId: string, createdAt: number) => ({
        token,
        exerciseId,
        role: "participant" as const,
        nation: "north",
        name: token,
        createdAt,
      });
      await store.saveSeat(seat("tok-2", "ex-01", 20));
      await store.saveSeat(seat("tok-1", "ex-01", 10));
      await store.saveSeat(seat("tok-x", "ex-02", 15));
      expect((await store.listSeats("ex-01")).map((s) => s.token)).toEqual(["tok-1", "tok-2"]);
      await store.removeSeat("tok-1");
      expect(await store.listSeats("ex-01")).toEqual([seat("tok-2", "ex-01", 20)]);
      expect(await store.listSeats("nope")).toEqual([]);
    });

    it("replaces a nation's or the observers' join code: the old one stops working, the others stay", async () => {
      await store.createExercise(record("ex-01"));
      await store.createExercise(record("ex-02"));
      await store.replaceJoinCode("ex-01", "north", "NEW-NNN");
      await store.replaceJoinCode("ex-01", null, "NEW-OOO");
      expect(await store.findByCode("N01-AAA")).toBeNull();
      expect(await store.findByCode("O01-AAA")).toBeNull();
      expect(await store.findByCode("new-nnn")).toEqual({ exerciseId: "ex-01", role: "participant", nation: "north" });
      expect(await store.findByCode("NEW-OOO")).toEqual({ exerciseId: "ex-01", role: "observer", nation: null });
      expect(await store.findByCode("S01-AAA")).toEqual({ exerciseId: "ex-01", role: "participant", nation: "south" });
      expect(await store.findByCode("N02-AAA")).toEqual({ exerciseId: "ex-02", role: "participant", nation: "north" });
      expect(await store.getExercise("ex-01")).toMatchObject({ joinCodes: { north: "NEW-NNN", south: "S01-AAA" }, observerCode: "NEW-OOO" });
    });

    it("keeps role-player, evaluator and controller codes: found by code, replaced by slot, withdrawn", async () => {
      await store.createExercise(record("ex-01"));
      await store.createExercise(record("ex-02"));
      const rolePlayer = {
        slot: "rp-1",
        code: "RPL-AAA",
        role: "roleplayer" as const,
        nation: "south",
        label: "Varkhan MFA spokesperson",
        nations: null,
        lead: false,
      };
      const evaluator = { slot: "ev-1", code: "EVL-AAA", role: "evaluator" as const, nation: null, label: "Lead evaluator", nations: ["north"], lead: true };
      const controller = { slot: "ct-1", code: "CTL-AAA", role: "controller" as const, nation: null, label: "Ana", nations: ["north", "south"], lead: false };
      await store.saveSeatCode("ex-01", rolePlayer);
      await store.saveSeatCode("ex-01", evaluator);
      await store.saveSeatCode("ex-01", controller);
      expect(await store.findByCode("rpl-aaa")).toEqual({ exerciseId: "ex-01", role: "roleplayer", nation: "south" });
      expect(await store.findByCode("EVL-AAA")).toEqual({ exerciseId: "ex-01", role: "evaluator", nation: null });
      expect(await store.findByCode("CTL-AAA")).toEqual({ exerciseId: "ex-01", role: "controller", nation: null });
      expect((await store.getExercise("ex-01"))!.seatCodes).toEqual([rolePlayer, evaluator, controller]);
      // A new code for a slot: the old one stops opening the exercise, the settings stay.
      await store.saveSeatCode("ex-01", { ...controller, code: "CTL-BBB" });
      expect(await store.findByCode("CTL-AAA")).toBeNull();
      expect(await store.findByCode("CTL-BBB")).toEqual({ exerciseId: "ex-01", role: "controller", nation: null });
      expect((await store.getExercise("ex-01"))!.seatCodes!.find((c) => c.slot === "ct-1")).toEqual({ ...controller, code: "CTL-BBB" });
      await store.removeSeatCode("ex-01", "rp-1");
      expect(await store.findByCode("RPL-AAA")).toBeNull();
      expect((await store.getExercise("ex-01"))!.seatCodes!.map((c) => c.slot).sort()).toEqual(["ct-1", "ev-1"]);
      // The other exercise and the nations' codes are untouched.
      expect((await store.getExercise("ex-02"))!.seatCodes).toBeUndefined();
      expect(await store.findByCode("N01-AAA")).toEqual({ exerciseId: "ex-01", role: "participant", nation: "north" });
      await expect(store.saveSeatCode("ex-nope", rolePlayer)).rejects.toThrow();
    });

    it("keeps what a new role's seat may do, and an older seat without any", async () => {
      await store.createExercise(record("ex-01"));
      const controller = {
        token: "tok-c",
        exerciseId: "ex-01",
        role: "controller" as const,
        nation: null,
        name: "Ana",
        createdAt: 7,
        details: { nations: ["north"] },
      };
      const rolePlayer = {
        token: "tok-r",
        exerciseId: "ex-01",
        role: "roleplayer" as const,
        nation: "south",
        name: "Bo",
        createdAt: 8,
        details: { persona: "Spokesperson" },
      };
      const evaluator = {
        token: "tok-e",
        exerciseId: "ex-01",
        role: "evaluator" as const,
        nation: null,
        name: "Eve",
        createdAt: 9,
        details: { nations: null, lead: true },
      };
      const participant = { token: "tok-p", exerciseId: "ex-01", role: "participant" as const, nation: "north", name: "Alice", createdAt: 10 };
      for (const seat of [controller, rolePlayer, evaluator, participant]) await store.saveSeat(seat);
      expect(await store.getSeat("tok-c")).toEqual(controller);
      expect(await store.getSeat("tok-r")).toEqual(rolePlayer);
      expect(await store.getSeat("tok-e")).toEqual(evaluator);
      expect(await store.getSeat("tok-p")).not.toHaveProperty("details");
      expect((await store.listSeats("ex-01")).map((s) => s.role)).toEqual(["controller", "roleplayer", "evaluator", "participant"]);
    });

    it("creates an exercise with seat codes already issued (a recovered file)", async () => {
      const codes = [{ slot: "rp-1", code: "RPL-CCC", role: "roleplayer" as const, nation: "south", label: "", nations: null, lead: false }];
      await store.createExercise({ ...record("ex-03"), seatCodes: codes });
      expect((await store.getExercise("ex-03"))!.seatCodes).toEqual(codes);
      expect(await store.findByCode("RPL-CCC")).toEqual({ exerciseId: "ex-03", role: "roleplayer", nation: "south" });
    });

    it("stores text exactly, including quotes, emoji and prototype-looking keys", async () => {
      await store.createExercise(record("ex-01"));
      const tricky = event(1, `"quoted" 'single' \\ ✈️ __proto__ {"a":1}`);
      await store.append("ex-01", [tricky]);
      expect(await store.readEvents("ex-01")).toEqual([tricky]);
    });

    it("lists each exercise's last activity, status and archiving, none until recorded", async () => {
      await store.createExercise(record("ex-01"));
      expect((await store.listExercises())[0]).toMatchObject({ id: "ex-01", lastSeq: 0, lastActivityAt: 1000, status: null, archivedAt: null });
      await store.append("ex-01", [event(1), event(2)]);
      await store.setStatus("ex-01", { seq: 2, phase: "running", turn: 1, deadline: 99_000 });
      expect((await store.listExercises())[0]).toMatchObject({
        lastSeq: 2,
        lastActivityAt: 1002,
        status: { seq: 2, phase: "running", turn: 1, deadline: 99_000 },
      });
      await expect(store.setStatus("ex-nope", { seq: 1, phase: "lobby", turn: 0, deadline: null })).rejects.toThrow();
    });

    it("keeps the newest status when an older one arrives late", async () => {
      await store.createExercise(record("ex-01"));
      await store.setStatus("ex-01", { seq: 5, phase: "running", turn: 2, deadline: null });
      await store.setStatus("ex-01", { seq: 3, phase: "running", turn: 1, deadline: 7 });
      expect((await store.listExercises())[0]!.status).toEqual({ seq: 5, phase: "running", turn: 2, deadline: null });
      await store.setStatus("ex-01", { seq: 5, phase: "paused", turn: 2, deadline: null });
      expect((await store.listExercises())[0]!.status).toEqual({ seq: 5, phase: "paused", turn: 2, deadline: null });
    });

    it("archives an exercise and brings it back: listed and read with the time, the log untouched", async () => {
      await store.createExercise(record("ex-01"));
      await store.append("ex-01", [event(1)]);
      await store.setArchived("ex-01", 5000);
      expect((await store.listExercises())[0]!.archivedAt).toBe(5000);
      expect(await store.getExercise("ex-01")).toEqual({ ...record("ex-01"), archivedAt: 5000 });
      expect(await store.readEvents("ex-01")).toEqual([event(1)]);
      await store.setArchived("ex-01", null);
      expect((await store.listExercises())[0]!.archivedAt).toBeNull();
      expect(await store.getExercise("ex-01")).toEqual(record("ex-01"));
      await expect(store.setArchived("ex-nope", 1)).rejects.toThrow();
    });

    it("deletes an exercise with its log, seats and codes, and nothing of another", async () => {
      await store.createExercise(record("ex-01"));
      await store.createExercise(record("ex-02"));
      await store.append("ex-01", [event(1)]);
      await store.append("ex-02", [event(1)]);
      await store.setStatus("ex-01", { seq: 1, phase: "lobby", turn: 0, deadline: null });
      await store.saveSeat({ token: "tok-1", exerciseId: "ex-01", role: "participant", nation: "north", name: "A", createdAt: 1 });
      await store.saveSeat({ token: "tok-2", exerciseId: "ex-02", role: "participant", nation: "north", name: "B", createdAt: 1 });
      await store.deleteExercise("ex-01");
      expect(await store.getExercise("ex-01")).toBeNull();
      expect(await store.readEvents("ex-01")).toEqual([]);
      expect(await store.lastSeq("ex-01")).toBe(0);
      expect(await store.getSeat("tok-1")).toBeNull();
      expect(await store.findByCode("N01-AAA")).toBeNull();
      expect((await store.listExercises()).map((e) => e.id)).toEqual(["ex-02"]);
      expect(await store.getSeat("tok-2")).not.toBeNull();
      expect(await store.findByCode("N02-AAA")).not.toBeNull();
      // The id can be used again from scratch.
      await store.createExercise(record("ex-01"));
      expect((await store.listExercises()).find((e) => e.id === "ex-01")).toMatchObject({ lastSeq: 0, status: null, archivedAt: null });
    });

    it("keeps one cached fold per exercise, never replaced by an older one, and forgets it with the exercise", async () => {
      await store.createExercise(record("ex-01"));
      await store.createExercise(record("ex-02"));
      expect(await store.readSnapshot!("ex-01")).toBeNull();
      await store.writeSnapshot!("ex-01", { seq: 20, version: "v1", data: "a\n{}" });
      await store.writeSnapshot!("ex-01", { seq: 10, version: "v1", data: "older" });
      expect(await store.readSnapshot!("ex-01")).toEqual({ seq: 20, version: "v1", data: "a\n{}" });
      await store.writeSnapshot!("ex-01", { seq: 30, version: "v1", data: "newer" });
      expect(await store.readSnapshot!("ex-01")).toEqual({ seq: 30, version: "v1", data: "newer" });
      // Another version of the fold replaces it whatever its seq: the stored one is of no use to it.
      await store.writeSnapshot!("ex-01", { seq: 5, version: "v2", data: "other code" });
      expect(await store.readSnapshot!("ex-01")).toEqual({ seq: 5, version: "v2", data: "other code" });
      await store.writeSnapshot!("ex-02", { seq: 1, version: "v2", data: "two" });
      await store.deleteExercise("ex-01");
      expect(await store.readSnapshot!("ex-01")).toBeNull();
      expect(await store.readSnapshot!("ex-02")).toEqual({ seq: 1, version: "v2", data: "two" });
    });
  });
}
