import { z } from "zod";

/**
 * Exercise control's seat management. These are not moves of the game: they change who may
 * join, not the exercise's state, so they travel as commands but stay out of the exercise log.
 */
export const SeatCommand = z.discriminatedUnion("type", [
  /** Disconnects a seat for good: its token no longer joins (a stranger on the roster, a duplicate). */
  z.object({ type: z.literal("removeSeat"), seat: z.string().min(1).max(64) }),
  /** A new join code for a nation, or (null) for observers: the old code stops working. */
  z.object({ type: z.literal("newJoinCode"), nation: z.string().min(1).max(64).nullable() }),
  /**
   * Forgets every participant and observer seat that is not connected now (of one nation, or
   * with null of all): the ghosts a code leaves when people rejoin with it instead of their seat.
   */
  z.object({ type: z.literal("clearStaleSeats"), nation: z.string().min(1).max(64).nullable() }),
]);
export type SeatCommand = z.infer<typeof SeatCommand>;

export const SEAT_COMMAND_TYPES: ReadonlySet<string> = new Set(SeatCommand.options.map((o) => o.shape.type.value));

/** The join codes as exercise control sees them (room message `joinCodes`, facilitators only). */
export type JoinCodes = { nations: { nation: string; name: string; code: string }[]; observers: string };

/** Close code of a seat exercise control removed (in close-codes.ts, which the browser imports without zod). */
export { SEAT_REMOVED } from "./close-codes.ts";
