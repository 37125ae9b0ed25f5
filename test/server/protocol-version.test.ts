import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, matchmake, type Harness } from "./harness.ts";
import { PROTOCOL_VERSION } from "../../shared/protocol/version.ts";
import { protocolRefusal } from "../../server/rooms/seat-desk.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";

let h: Harness;
let ex: CreatedExercise;
beforeAll(async () => {
  h = await startHarness();
  ex = await h.createExercise();
});
afterAll(async () => h?.shutdown());

const code = () => ex.joinCodes[0]!.code;

describe("protocol version on join", () => {
  it("refuses a page of another protocol with protocol_mismatch, before any credential is looked at", async () => {
    for (const protocolVersion of [PROTOCOL_VERSION + 1, PROTOCOL_VERSION - 1, 0, String(PROTOCOL_VERSION), null, 2.5, { v: PROTOCOL_VERSION }]) {
      const answer = await matchmake(h, `joinById/${ex.id}`, { code: code(), name: "Alice", protocolVersion });
      expect(answer.status, JSON.stringify(protocolVersion)).toBe(403);
      expect(answer.code, JSON.stringify(protocolVersion)).toBe("protocol_mismatch");
      expect(answer.text).toMatch(/Reload the page/);
    }
    // Even with a wrong code: a stale page is told to reload, not that its code is wrong.
    expect((await matchmake(h, `joinById/${ex.id}`, { code: "ZZZ-ZZZ", name: "Alice", protocolVersion: PROTOCOL_VERSION + 1 })).code).toBe("protocol_mismatch");
  });

  it("says which versions differ, for the operator's logs", () => {
    const refusal = protocolRefusal(String(PROTOCOL_VERSION + 1));
    expect(refusal).toMatchObject({
      ok: false,
      code: "protocol_mismatch",
      msg: { key: "serving.protocolMismatch", params: { client: String(PROTOCOL_VERSION + 1), server: PROTOCOL_VERSION } },
    });
    expect(refusal && !refusal.ok && refusal.message).toContain(`protocol ${PROTOCOL_VERSION + 1} here, ${PROTOCOL_VERSION} on the server`);
  });

  it("admits a page of this protocol, through the SDK as the browser joins", async () => {
    const seat = await h.join(ex.id, { code: code(), name: "Bob", protocolVersion: PROTOCOL_VERSION });
    expect(seat.welcome.role).toBe("participant");
    // And again with its seat token, as a reload or the rejoin loop does.
    const again = await h.join(ex.id, { seat: seat.welcome.seat, protocolVersion: PROTOCOL_VERSION });
    expect(again.welcome.seatId).toBe(seat.welcome.seatId);
  });

  it("refuses a mismatched join through the SDK with an error whose message leads with the code", async () => {
    await expect(h.join(ex.id, { code: code(), name: "Carol", protocolVersion: PROTOCOL_VERSION + 1 })).rejects.toThrow(/^protocol_mismatch: /);
  });

  it("does not refuse a join that names no version (scripts and the SDK used directly)", async () => {
    const seat = await h.join(ex.id, { code: code(), name: "Dan" });
    expect(seat.welcome.role).toBe("participant");
  });
});
