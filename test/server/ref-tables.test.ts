import { describe, it, expect, afterEach } from "vitest";
import { matchMaker } from "@colyseus/core";
import { setFlagsFromString } from "node:v8";
import { startHarness, type Harness } from "./harness.ts";
import { keepRefTablesSparse } from "../../server/rooms/ref-tables.ts";

// V8's own answer, through its natives syntax (allowed before the function below is compiled).
setFlagsFromString("--allow-natives-syntax");
const hasDictionaryElements = new Function("o", "return %HasDictionaryElements(o)") as (o: object) => boolean;

let h: Harness | null = null;
afterEach(async () => {
  await h?.shutdown();
  h = null;
});

type Tables = { changeTrees: object; refCount: object };
const rootOf = (roomId: string) => (matchMaker.getLocalRoomById(roomId) as unknown as { _serializer: { encoder: { root: Tables } } })._serializer.encoder.root;

describe("the schema encoder's refId tables (ref-tables.ts)", () => {
  it("are dictionaries from a room's start, and stay so as drafts come and go", async () => {
    h = await startHarness({ env: { CONCORD_COMMANDS_PER_SECOND: "100000" } });
    const ex = await h.createExercise();
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const alice = await h.join(ex.id, { code: ex.joinCodes.find((c) => c.nation === "north")!.code, name: "Alice" });
    expect((await control.send({ type: "startExercise" })).ok).toBe(true);
    const root = rootOf(ex.id);
    expect([hasDictionaryElements(root.changeTrees), hasDictionaryElements(root.refCount)]).toEqual([true, true]);
    for (let i = 0; i < 50; i++) {
      const drafted = await alice.send({ type: "draftOrder", order: { kind: "setMission", asset: "n-frigate", mission: "escort" } });
      expect(drafted.ok).toBe(true);
      const draft = [...(alice.room.state as any).perspectives.get("north").drafts.values()].find((d: any) => d.author === "Alice").id;
      expect((await alice.send({ type: "withdrawDraft", draft })).ok).toBe(true);
    }
    expect([hasDictionaryElements(root.changeTrees), hasDictionaryElements(root.refCount)]).toEqual([true, true]);
    // Nothing is left behind by the marker: only live refIds are keys.
    expect(Object.keys(root.changeTrees).every((key) => Number(key) < 2 ** 30)).toBe(true);
  });

  it("names the library when its encoder has no such tables", () => {
    expect(() => keepRefTablesSparse({ encoder: { root: {} } })).toThrow(/@colyseus\/schema/);
  });
});
