import { CloseCode, ServerError, matchMaker, type AuthContext, type Deferred } from "@colyseus/core";
import { ROOM_HEADER } from "../security/client-address.ts";
import { msg } from "../../shared/i18n/message.ts";
import { translate } from "../../shared/i18n/format.ts";
import { serverContext } from "../context.ts";
import { seatPublicId } from "../exercises/seat-service.ts";
import type { SeatRecord } from "../store/event-store.ts";
import { newReference } from "./command-pipeline.ts";
import type { Admission, SeatDesk, SeatedClient } from "./seat-desk.ts";
import { isControlSeat } from "./control-desk.ts";
import { perspectiveOf, type RoomViews } from "./room-views.ts";
import type { BotDriver } from "./bot-driver.ts";
import { skipEmptyPatches } from "./empty-patches.ts";

/** HTTP statuses of join refusals (matchmaking answers over HTTP; the sentence leads with the stable code). */
const JOIN_REFUSED = 403;
const JOIN_THROTTLED = 429;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
/**
 * The join options a seat is decided by, and only as strings: the rest of what a client puts in
 * the (public) matchmaking request never travels on. Remote room calls serialise their
 * arguments as JSON, which a body nested 10,000 deep overflowed (logged as an unreachable room).
 */
const JOIN_FIELDS = ["seat", "token", "code", "name", "persona"] as const;
function joinFields(options: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!isPlainObject(options)) return fields;
  for (const key of JOIN_FIELDS) if (Object.hasOwn(options, key) && typeof options[key] === "string") fields[key] = options[key];
  // The client's protocol version (seat-desk.ts checks it), as a short string whatever was sent.
  if (Object.hasOwn(options, "protocolVersion")) fields.protocolVersion = Number.isSafeInteger(options.protocolVersion) ? String(options.protocolVersion) : "?";
  return fields;
}

/**
 * Every join is checked at matchmaking time, before Colyseus reserves a seat: a request with
 * no valid credential holds nothing, so a flood of them cannot fill the room. The room that
 * holds the exercise (on whichever process) decides, in its admitSeat (SeatDesk.admit); the
 * seat it answers becomes the client's `auth`, and a refusal is thrown as the join's error.
 */
export async function authorizeJoin(options: Record<string, unknown>, context: AuthContext): Promise<SeatRecord> {
  const exerciseId = context.headers.get(ROOM_HEADER);
  if (!exerciseId) throw new ServerError(JOIN_REFUSED, `invalid_join: ${translate("en", msg("server.join.invalid_join"))}`);
  let admission: Admission;
  try {
    admission = await matchMaker.remoteRoomCall(exerciseId, "admitSeat", [joinFields(options), context.ip ?? "unknown"]);
  } catch (error) {
    // The room is gone or its process does not answer: no internal detail reaches the client.
    const reference = newReference();
    serverContext().log.error("join could not reach the exercise's room", { exerciseId, reference, error: String((error as Error)?.message ?? error) });
    throw new ServerError(503, `internal_error: ${translate("en", msg("server.join.unreachable", { reference }))}`);
  }
  if (!admission.ok)
    throw new ServerError(
      admission.code === "flooding" || admission.code === "rate_limited" ? JOIN_THROTTLED : JOIN_REFUSED,
      `${admission.code}: ${admission.message}`,
    );
  return admission.seat;
}

/** Join refusals are thrown on purpose (authorizeJoin) and reach the client; they are not failures. */
export function isJoinRefusal(error: { cause?: { code?: unknown } }): boolean {
  return error.cause?.code === JOIN_REFUSED || error.cause?.code === JOIN_THROTTLED;
}

/** What a seat's comings and goings need of the room. */
export interface SeatJoinsRoom {
  readonly roomId: string;
  readonly seats: SeatDesk;
  readonly views: RoomViews;
  readonly bots: BotDriver;
  broadcastPatch(): void;
  /** Colyseus's reconnection window for a dropped connection. */
  allowReconnection(client: SeatedClient): Deferred;
  /** A seat came or went (the idle countdown looks again). */
  settled(): void;
}

/**
 * A seat's connections as Colyseus reports them: joined, dropped (and held for its
 * reconnection), back, gone. Each keeps the roster (SeatDesk), the views (RoomViews) and the
 * bots (a nation's people came back) up to date.
 */
export class SeatJoins {
  private readonly room: SeatJoinsRoom;

  constructor(room: SeatJoinsRoom) {
    this.room = room;
  }

  joined(client: SeatedClient): void {
    const { seats, views, bots } = this.room;
    const seat = client.auth!;
    const perspective = perspectiveOf(seat);
    client.userData = { perspective, seatId: seatPublicId(seat.token), cutOff: false };
    skipEmptyPatches(client);
    seats.arrived(client.userData.seatId);
    views.projectPerspectiveOf(perspective);
    client.view = views.viewFor(seat, perspective);
    seats.markOnline(seat, +1);
    this.welcome(client);
    // One of a bot-played nation's people is here: the nation goes back to its team.
    if (seat.role === "participant" && seat.nation) bots.peopleJoined(seat.nation);
    // What the projection wrote for the new seat goes out now to the seats already in, while the
    // new one is still joining (Colyseus patches joined clients only): its full state, encoded
    // from the state itself, carries it, and the next patch no longer carries the new seat's
    // whole perspective a second time (a megabyte at 100,000 events, encoded and decoded again
    // while the next seat joins; issue #23, Length).
    this.room.broadcastPatch();
    serverContext().log.info("seat joined", { exerciseId: this.room.roomId, role: seat.role, nation: seat.nation, name: seat.name });
    this.room.settled();
  }

  /**
   * Who the seat is, and exercise control's join codes. Sent on join; the client may ask again
   * ("whoami"), since the welcome can race its handler registration.
   */
  welcome(client: SeatedClient): void {
    sendWelcome(client, this.room.roomId);
    if (isControlSeat(client.auth)) void this.room.seats.control.sendJoinCodes([client]);
  }

  async dropped(client: SeatedClient): Promise<void> {
    const { seats } = this.room;
    seats.markOnline(client.auth!, -1);
    // Cut off for flooding: no reconnection token either; the seat may rejoin after its cool-down.
    if (client.userData?.cutOff) return;
    await seats.holdReconnection(client.userData!.seatId, () => this.room.allowReconnection(client));
    this.room.settled();
  }

  reconnected(client: SeatedClient) {
    const { seats, views } = this.room;
    // Removed while its connection was down: the reconnection does not bring the seat back.
    if (seats.isRemoved(client.userData!.seatId)) return seats.turnAway(client);
    skipEmptyPatches(client);
    // Its perspective may not have been watched while it was away.
    views.projectPerspectiveOf(client.userData!.perspective);
    seats.markOnline(client.auth!, +1);
    // A code may have been replaced while it was away.
    if (isControlSeat(client.auth)) void seats.control.sendJoinCodes([client]);
  }

  /** Gone for good; a consented leave was not counted off by a drop. */
  left(client: SeatedClient, code?: number): void {
    if (code === CloseCode.CONSENTED) this.room.seats.markOnline(client.auth!, -1);
    this.room.settled();
  }
}

/** What the console and the game screen need to know of a newer role's seat. */
function welcomeDetails(seat: SeatRecord): Record<string, unknown> {
  const d = seat.details;
  if (!d) return {};
  return { ...(d.persona ? { persona: d.persona } : {}), ...(d.nations !== undefined ? { nations: d.nations } : {}), ...(d.lead ? { lead: true } : {}) };
}

/** Who the seat is and whose eyes it looks through. */
function sendWelcome(client: SeatedClient, exerciseId: string): void {
  const seat = client.auth!;
  client.send("welcome", {
    seat: seat.token,
    // Hashed once, at the join (a "whoami" took a SHA-256 of the token each time).
    seatId: client.userData?.seatId ?? seatPublicId(seat.token),
    role: seat.role,
    nation: seat.nation,
    name: seat.name,
    exerciseId,
    perspective: client.userData!.perspective,
    ...welcomeDetails(seat),
  });
}
