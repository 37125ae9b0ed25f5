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
  /**
   * A code for a seat of a newer role (docs/PROTOCOL.md, "Roles"): a role-player of `nation`
   * (any nation, speaking under `label` as persona when given), an evaluator (watching `nations`,
   * or with null the white cell's view; `lead`: the lead evaluator), or a named controller
   * (`label`: whom it is for; `nations`: the nations it controls, null for all). Controller codes
   * are the lead controller's to issue.
   */
  z.object({
    type: z.literal("issueSeatCode"),
    role: z.enum(["roleplayer", "evaluator", "controller"]),
    nation: z.string().min(1).max(64).nullable().default(null),
    label: z.string().trim().max(40).default(""),
    nations: z.array(z.string().min(1).max(64)).min(1).max(20).nullable().default(null),
    lead: z.boolean().default(false),
  }),
  /** A new code for an issued one (`slot`): the old code stops working, its seats stay. */
  z.object({ type: z.literal("newSeatCode"), slot: z.string().min(1).max(64) }),
  /** Withdraws an issued code: it no longer opens the exercise (seats taken with it stay until removed). */
  z.object({ type: z.literal("withdrawSeatCode"), slot: z.string().min(1).max(64) }),
]);
export type SeatCommand = z.infer<typeof SeatCommand>;

export const SEAT_COMMAND_TYPES: ReadonlySet<string> = new Set(SeatCommand.options.map((o) => o.shape.type.value));

/** The join codes as exercise control sees them (room message `joinCodes`, facilitators only). */
export type JoinCodes = {
  nations: { nation: string; name: string; code: string }[];
  observers: string;
  /** Role-player, evaluator and controller codes (controller codes to the lead controller only). */
  seats?: IssuedCode[];
};

/** An issued role-player, evaluator or controller code as the console shows it. */
export type IssuedCode = {
  slot: string;
  code: string;
  role: "roleplayer" | "evaluator" | "controller";
  nation: string | null;
  label: string;
  nations: string[] | null;
  lead: boolean;
};

/** Close code of a seat exercise control removed (in close-codes.ts, which the browser imports without zod). */
export { SEAT_REMOVED } from "./close-codes.ts";
