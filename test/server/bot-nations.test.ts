import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, until, type Harness, type Seat, type Result } from "./harness.ts";
import { draftFromWire } from "../../shared/view/draft-wire.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";
import type { ExerciseEvent } from "../../shared/protocol/events.ts";

let h: Harness;
const codeOf = (ex: CreatedExercise, nation: string) => ex.joinCodes.find((c) => c.nation === nation)!.code;
const events = (ex: CreatedExercise) => h.store.readEvents(ex.id);
let counter = 0;

/** A command in an envelope with `actAs`, as the console sends "commit for this team". */
function sendAs(seat: Seat, nation: string, command: unknown): Promise<Result> {
  const id = `as${++counter}`;
  seat.room.send("command", { id, command, actAs: nation });
  return new Promise((resolve) => {
    const check = () => {
      const reply = seat.results.find((r) => r.id === id);
      if (reply) resolve(reply);
      else setTimeout(check, 10);
    };
    check();
  });
}

beforeAll(async () => {
  // Bots act at once in tests: the delay people see is only a pause.
  h = await startHarness({ env: { CONCORD_BOT_DELAY_MS: "0" } });
});
afterAll(async () => h.shutdown());

describe("bot nations in a live room", () => {
  it("a nation played by a bot drafts and commits on its own, and the turn resolves with its team empty", async () => {
    const ex = await h.createExercise();
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    // Chosen before the start, from the console.
    expect(await control.send({ type: "setNationControl", nation: "south", by: "bot", persona: "cautious" })).toMatchObject({ ok: true });
    await until(() => control.room.state.nations.get("south")?.control === "bot", "south shown as a bot's");
    expect(control.room.state.nations.get("south").persona).toBe("cautious");
    const alice = await h.join(ex.id, { code: codeOf(ex, "north"), name: "Alice" });
    expect((await control.send({ type: "startExercise" })).ok).toBe(true);
    await until(() => control.room.state.nations.get("south")?.committed === true, "the bot commits south's turn", 5000);
    const log = await events(ex);
    const simulated = log.filter((e): e is Extract<ExerciseEvent, { type: "actedFor" }> => e.type === "actedFor");
    expect(simulated.length).toBeGreaterThan(0);
    expect(simulated.every((e) => e.nation === "south" && e.as === "bot" && e.by === "cautious bot")).toBe(true);
    expect(log.find((e) => e.type === "turnCommitted" && e.nation === "south")).toMatchObject({ by: "cautious bot" });
    // Its drafts are marked as a bot's for whoever sees them.
    const drafts = [...control.perspective().drafts.values()].map((d: any) => draftFromWire(d.toJSON()));
    expect(drafts.filter((d) => d.nation === "south").every((d) => d.as === "bot" && d.author === "cautious bot")).toBe(true);
    expect(drafts.some((d) => d.nation === "south")).toBe(true);
    // North commits; south's team is empty and the turn still resolves.
    expect((await alice.send({ type: "commitTurn", turn: 1 })).ok).toBe(true);
    await until(() => control.room.state.turn === 2, "turn 2", 5000);
    expect((await events(ex)).find((e) => e.type === "resolutionStarted")).toMatchObject({ cause: "allCommitted" });
    // The next turn it plays again, by itself.
    await until(() => control.room.state.nations.get("south")?.committed === true, "the bot commits turn 2", 5000);
    for (const seat of [control, alice]) await seat.room.leave();
  });

  it("every nation a bot: turns resolve with nobody at any table", async () => {
    const ex = await h.createExercise();
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    await control.send({ type: "setNationControl", nation: "north", by: "bot", persona: "hawk" });
    await control.send({ type: "setNationControl", nation: "south", by: "bot", persona: "cooperative" });
    await control.send({ type: "startExercise" });
    await until(() => control.room.state.turn >= 3, "two turns played by bots alone", 8000);
    await control.room.leave();
  });

  it("hands the nation back to its people when one of them joins; the bot's drafts stay for them", async () => {
    const ex = await h.createExercise();
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    await control.send({ type: "startExercise" });
    expect(await control.send({ type: "setNationControl", nation: "south", by: "bot", persona: "cooperative" })).toMatchObject({ ok: true });
    await until(() => control.room.state.nations.get("south")?.committed === true, "the bot plays south", 5000);
    const botDrafts = [...control.perspective().drafts.values()].map((d: any) => draftFromWire(d.toJSON())).filter((d) => d.nation === "south");
    expect(botDrafts.length).toBeGreaterThan(0);
    const bob = await h.join(ex.id, { code: codeOf(ex, "south"), name: "Bob" });
    await until(() => control.room.state.nations.get("south")?.control === "people", "south back with its people");
    const log = await events(ex);
    expect(log.filter((e) => e.type === "nationControlSet").at(-1)).toMatchObject({ nation: "south", control: { by: "people" }, by: "server" });
    expect(log.find((e) => e.type === "ruleApplied" && (e.msg as { key: string }).key === "botNations.explain.handedBack")).toBeTruthy();
    // Bob sees the bot's drafts, marked, and may take the commitment back and withdraw them.
    await until(() => bob.perspective().drafts.size === botDrafts.length, "Bob sees the bot's drafts");
    expect((await bob.send({ type: "uncommitTurn", turn: 1 })).ok).toBe(true);
    expect((await bob.send({ type: "withdrawDraft", draft: botDrafts[0].id })).ok).toBe(true);
    // Handed back, the bot no longer plays: south stays uncommitted.
    await new Promise((r) => setTimeout(r, 200));
    expect(control.room.state.nations.get("south").committed).toBe(false);
    for (const seat of [control, bob]) await seat.room.leave();
  });

  it("exercise control commits for a team with nobody online (actAs), and only exercise control may", async () => {
    const ex = await h.createExercise();
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const alice = await h.join(ex.id, { code: codeOf(ex, "north"), name: "Alice" });
    await control.send({ type: "startExercise" });
    expect(await sendAs(alice, "south", { type: "commitTurn", turn: 1 })).toMatchObject({ ok: false, code: "not_facilitator" });
    expect(await sendAs(control, "constructor", { type: "commitTurn", turn: 1 })).toMatchObject({ ok: false, code: "unknown_nation" });
    expect(await sendAs(control, "south", { type: "commitTurn", turn: 1 })).toMatchObject({ ok: true });
    const log = await events(ex);
    expect(log.find((e) => e.type === "actedFor")).toMatchObject({ nation: "south", as: "control", by: "Control", command: "commitTurn" });
    expect(log.find((e) => e.type === "turnCommitted")).toMatchObject({ nation: "south", by: "Control" });
    // South's commitment no longer holds the turn: North's commit resolves it.
    expect((await alice.send({ type: "commitTurn", turn: 1 })).ok).toBe(true);
    await until(() => control.room.state.turn === 2, "turn 2");
    for (const seat of [control, alice]) await seat.room.leave();
  });
});
