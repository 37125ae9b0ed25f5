import { ClientState, Protocol, ResponseStatus, getMessageBytes } from "@colyseus/core";
import { RejectionCode, refuse } from "../../shared/protocol/rejections.ts";
import { serverContext } from "../context.ts";
import { idOf } from "./command-pipeline.ts";
import type { FrameRefusal } from "./frame-guard.ts";
import { SeatBudgets } from "./seat-budget.ts";
import type { SeatedClient } from "./seat-desk.ts";

/** How long a seat cut off for flooding must wait before it may rejoin. */
const FLOOD_COOL_DOWN_MS = 10_000;
const FLOODING = 4429;
/** WebSocket's own "invalid frame payload data": a room message that is not msgpack at all. */
const UNDECODABLE_FRAME = 1007;

/**
 * Every message a seat sends is weighed against its seat's budget as it arrives, before it is
 * queued (seat-budget.ts); a frame that cannot be decoded (frame-guard.ts) is answered here too.
 */
export class MessageGate {
  readonly budgets: SeatBudgets;
  private readonly roomId: string;

  constructor(roomId: string, commandsPerSecond: number) {
    this.roomId = roomId;
    this.budgets = new SeatBudgets(commandsPerSecond, FLOOD_COOL_DOWN_MS);
  }

  /**
   * Whether a message may be handled. A refused message is answered with rate_limited; a flood
   * costs the connection, and what the flooder still has in flight is dropped unanswered.
   */
  admit(client: SeatedClient, message: unknown, cost = 1): boolean {
    const me = client.userData;
    if (!me || me.cutOff) return false;
    const verdict = this.budgets.take(me.seatId, cost);
    if (verdict === "ok") return true;
    client.send("result", { id: idOf(message), ok: false, ...refuse(RejectionCode.RateLimited, "server.room.rateLimited") });
    if (verdict === "disconnect") {
      me.cutOff = true;
      // What the flooder still has in flight is not even decoded (Colyseus does the same when
      // it closes a client itself).
      client.ref.removeAllListeners("message");
      client.leave(FLOODING, "Disconnected for flooding the exercise with messages.");
      serverContext().log.warn("seat cut off for flooding", { exerciseId: this.roomId, seat: me.seatId, nation: client.auth?.nation ?? null });
    }
    return false;
  }

  /**
   * A frame the guard refused. Nested too deep: answered with a result invalid_payload (id null:
   * the id is inside what could not be decoded; a room.request() also gets its response), and
   * the connection serves on. Not msgpack at all: the connection is closed with 1007
   * (UNDECODABLE_FRAME), as Colyseus itself would have dropped it (4002), but with one log line
   * and no stack trace. Either way the frame counts against the seat's message budget.
   */
  refuseFrame(client: SeatedClient, refusal: FrameRefusal): void {
    if (client.state === ClientState.LEAVING || !this.admit(client, undefined)) return;
    serverContext().log.warn("room message refused", {
      exerciseId: this.roomId,
      seat: client.userData?.seatId ?? null,
      kind: refusal.kind,
      type: refusal.type,
      bytes: refusal.bytes,
      detail: refusal.detail,
    });
    if (refusal.kind === "undecodable") {
      client.leave(UNDECODABLE_FRAME, "That message is not valid msgpack.");
      return;
    }
    const refused = refuse(RejectionCode.InvalidPayload, "server.payload.tooDeepToDecode");
    if (refusal.requestId !== null)
      client.enqueueRaw(
        getMessageBytes[Protocol.ROOM_RESPONSE](refusal.requestId, ResponseStatus.ERROR, {
          name: RejectionCode.InvalidPayload,
          message: refused.message,
          code: RejectionCode.InvalidPayload,
          msg: refused.msg,
        }),
      );
    client.send("result", { id: null, ok: false, ...refused });
  }
}
