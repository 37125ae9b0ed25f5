import { Protocol, type Client, type Room } from "@colyseus/core";
import { decode } from "@colyseus/schema";
// The copy @colyseus/core decodes with (hoisted; not a direct dependency, so the two cannot drift).
import { unpack } from "msgpackr";

/**
 * Room messages are msgpack, which Colyseus decodes with msgpackr before any handler of ours
 * runs (RoomMessages.onData). msgpackr recurses once per nesting level (arrays, maps, records,
 * extensions), so a frame of a few KB nested ~10,000 deep overflows the stack: Colyseus catches
 * the RangeError, prints its stack trace to stderr (every frame, for anyone who can join) and
 * drops the connection. The guard looks at each data/request frame first and refuses the ones
 * that cannot be decoded, so Colyseus never sees them.
 */

const CODE_MASK = 31; // PROTOCOL_CODE_MASK: the low bits of the first byte name the frame
/**
 * The guard decodes the payload inside this many extra levels (one-element arrays), so it fails
 * on anything that would leave Colyseus's own decode, a few stack frames further down, with less
 * than that headroom: no frame passes the guard and then overflows in Colyseus.
 */
const HEADROOM = 64;
/**
 * Every level of nesting takes at least one byte (a container's header), so a payload this
 * short cannot nest deeper than its length, and msgpackr decodes 4,491 levels on Node 24's
 * default stack: such a frame is decoded as it is, without the padding's 64 extra levels (the
 * padding made the guard's decode six times what Colyseus's own costs, ~10 µs a command, #23).
 */
export const SHALLOW_BYTES = 1024;

export type FrameRefusal = {
  /**
   * too_deep: valid msgpack nested deeper than the stack allows (answered: the type was read,
   * the connection is fine). undecodable: not msgpack at all (the connection is closed).
   */
  kind: "too_deep" | "undecodable";
  /** The message type from the frame's header, and the request id for room.request() frames. */
  type: string | number;
  requestId: number | null;
  bytes: number;
  detail: string;
};

/** null when the frame may go on to Colyseus (including frames that carry no msgpack payload). */
export function inspectFrame(buffer: unknown): FrameRefusal | null {
  if (!(buffer instanceof Uint8Array) || buffer.byteLength < 2) return null;
  const code = buffer[0]! & CODE_MASK;
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_REQUEST) return null;
  const it = { offset: 1 };
  let type: string | number;
  let requestId: number | null = null;
  try {
    // Read as Colyseus reads it; a header it cannot read is left to Colyseus, as before.
    if (code === Protocol.ROOM_REQUEST) requestId = decode.number(buffer as Buffer, it);
    type = decode.stringCheck(buffer as Buffer, it) ? decode.string(buffer as Buffer, it) : decode.number(buffer as Buffer, it);
  } catch {
    return null;
  }
  if (!(buffer.byteLength > it.offset)) return null;
  const payload = buffer.subarray(it.offset);
  try {
    unpack(payload.byteLength <= SHALLOW_BYTES ? payload : padded(payload));
    return null;
  } catch (error) {
    const overflow = error instanceof RangeError && /call stack/i.test(error.message);
    const detail = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 120) : String(error).slice(0, 120);
    return {
      kind: overflow ? "too_deep" : "undecodable",
      type: typeof type === "string" ? type.slice(0, 40).toWellFormed() : type,
      requestId,
      bytes: buffer.byteLength,
      detail,
    };
  }
}

function padded(payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(HEADROOM + payload.byteLength);
  frame.fill(0x91, 0, HEADROOM); // fixarray of one element
  frame.set(payload, HEADROOM);
  return frame;
}

/**
 * Puts the guard in front of Colyseus's per-client message listener. Room._onMessage is private
 * in Colyseus's types but is what each connection's "message" listener is bound to at join
 * (Room._onJoin: `client.ref.on("message", this._onMessage.bind(this, client))`); an instance
 * property set before the first join is the one bound. Checked at startup, so a Colyseus upgrade
 * that renames it fails loudly instead of silently dropping the guard.
 */
export function guardFrames(room: Room, refuse: (client: Client, refusal: FrameRefusal) => void): void {
  const target = room as unknown as { _onMessage?: (client: Client, buffer: unknown) => void };
  const original = target._onMessage;
  if (typeof original !== "function")
    throw new Error("Colyseus's Room._onMessage is gone: the frame guard (server/rooms/frame-guard.ts) needs a new hook for this version.");
  target._onMessage = function (this: Room, client: Client, buffer: unknown) {
    const refusal = inspectFrame(buffer);
    if (refusal) return refuse(client, refusal);
    return original.call(this, client, buffer);
  };
}
