import { describe, it, expect } from "vitest";
import { Protocol } from "@colyseus/core";
import { pack, unpack } from "msgpackr";
import { inspectFrame, SHALLOW_BYTES } from "../../server/rooms/frame-guard.ts";

const COMMAND = [0xa7, ...Buffer.from("command")];
const frame = (payload: number[] | Uint8Array) => Uint8Array.from([Protocol.ROOM_DATA, ...COMMAND, ...payload]);
const nested = (depth: number) => [...new Array(depth).fill(0x91), 0xc0];

describe("the frame guard", () => {
  it("lets an ordinary command through", () => {
    expect(inspectFrame(frame(pack({ id: "c1", command: { type: "draftOrder", order: { kind: "setMission" } } })))).toBeNull();
  });

  it("refuses a frame nested deeper than the stack allows, whatever its length", () => {
    expect(inspectFrame(frame(nested(10_000)))?.kind).toBe("too_deep");
  });

  it("refuses a short frame that is not msgpack, as it refuses a long one", () => {
    const short = inspectFrame(frame([0xc1, 0x00]));
    const long = inspectFrame(frame([0xc1, ...new Array(SHALLOW_BYTES + 10).fill(0)]));
    expect(short).toMatchObject({ kind: "undecodable", type: "command" });
    expect(long).toMatchObject({ kind: "undecodable", type: "command" });
  });

  it("decodes a short frame without the padding only because it cannot be deep: four times its length still decodes", () => {
    // A payload of SHALLOW_BYTES nests at most SHALLOW_BYTES deep; the shortcut is safe while
    // msgpackr decodes far deeper than that on this Node's stack.
    expect(() => unpack(Buffer.from(nested(4 * SHALLOW_BYTES)))).not.toThrow();
    expect(inspectFrame(frame(nested(SHALLOW_BYTES - 1)))).toBeNull();
  });
});
