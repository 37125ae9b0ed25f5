import { z } from "zod";
import { randomBytes } from "node:crypto";
import { Command, CommandEnvelope, type Actor } from "../../shared/protocol/commands.ts";
import { RejectionCode, type Rejection } from "../../shared/protocol/rejections.ts";
import { SeatCommand, SEAT_COMMAND_TYPES } from "../../shared/protocol/seat-commands.ts";
import { wellFormed, clipText } from "../security/well-formed.ts";

export type CommandReply = { id: string | null; ok: true; seq: number } | { id: string | null; ok: false; code: string; message: string; reference?: string };

/** A short reference for an internal error, quoted to the user and logged with the details. */
export function newReference(): string {
  return `E-${randomBytes(4).toString("hex").toUpperCase()}`;
}

/** Each command's schema by its type: one lookup instead of trying the role unions in turn. */
const SCHEMA_BY_TYPE = new Map<string, z.ZodType<Command>>(Command.options.flatMap((union) => union.options.map((o) => [o.shape.type.value as string, o as z.ZodType<Command>] as const)));

/**
 * Parses a message off the wire into a command. Payloads come from untrusted peers: anything
 * malformed is answered with a rejection naming what is wrong, never by a disconnect. Every
 * string in the message (keys too) is made well-formed first, before any schema sees it, so a
 * new command's text is covered without doing anything; a payload nested deeper than
 * MAX_PAYLOAD_DEPTH is refused as invalid_payload.
 */
export function parseCommand(message: unknown): { id: string | null; command: Command } | { id: string | null; rejected: Rejection } {
  const clean = wellFormed(message);
  if (!clean.ok) return { id: idOf(message, true), rejected: { code: RejectionCode.InvalidPayload, message: `Refused: ${clean.reason}.` } };
  const raw = clean.value;
  const envelope = CommandEnvelope.safeParse(raw);
  const id = idOf(raw);
  if (!envelope.success) return { id, rejected: { code: RejectionCode.InvalidPayload, message: `Send {id, command}: ${describe(envelope.error)}` } };
  const type = (envelope.data.command as { type?: unknown } | null)?.type;
  const schema = typeof type === "string" ? SCHEMA_BY_TYPE.get(type) : undefined;
  if (!schema) {
    return { id, rejected: { code: RejectionCode.UnknownCommand, message: `Unknown command type ${JSON.stringify(typeof type === "string" ? type.slice(0, 40) : type ?? null)}.` } };
  }
  const parsed = schema.safeParse(envelope.data.command);
  if (!parsed.success) return { id, rejected: { code: RejectionCode.InvalidPayload, message: `Invalid ${type}: ${describe(parsed.error)}` } };
  return { id: envelope.data.id, command: parsed.data };
}

/**
 * The id a reply echoes: the sender's own, if the message carries a string one (at most 64
 * characters; `clean` makes it well-formed, for a message that did not go through wellFormed).
 */
export function idOf(message: unknown, clean = false): string | null {
  const id = (message as { id?: unknown } | null)?.id;
  if (typeof id !== "string") return null;
  return clean ? clipText(id, 64) : id.slice(0, 64);
}

/** Exercise control's seat management (removeSeat, newJoinCode): null when the message is not one. */
export function parseSeatCommand(message: unknown): { id: string | null; command: SeatCommand } | { id: string | null; rejected: Rejection } | null {
  const type = (message as { command?: { type?: unknown } } | null)?.command?.type;
  if (typeof type !== "string" || !SEAT_COMMAND_TYPES.has(type)) return null;
  const clean = wellFormed(message);
  if (!clean.ok) return { id: idOf(message, true), rejected: { code: RejectionCode.InvalidPayload, message: `Refused: ${clean.reason}.` } };
  const raw = clean.value;
  const command = (raw as { command: { type: string } }).command;
  const id = idOf(raw);
  const parsed = SeatCommand.safeParse(command);
  if (!parsed.success) return { id, rejected: { code: RejectionCode.InvalidPayload, message: `Invalid ${command.type}: ${describe(parsed.error)}` } };
  return { id, command: parsed.data };
}

function describe(error: z.ZodError): string {
  // Union errors nest the useful issue; flatten to the deepest ones that name a field.
  const issues: { path: PropertyKey[]; message: string }[] = [];
  const walk = (list: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of list) {
      if (issue.code === "invalid_union" && issue.errors.length > 0) {
        const best = issue.errors.reduce((a, b) => (a.length <= b.length ? a : b));
        walk(best, [...prefix, ...issue.path]);
      } else issues.push({ path: [...prefix, ...issue.path], message: issue.message });
    }
  };
  walk(error.issues, []);
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message))
    .join("; ");
}

export function actorFor(seat: { role: string; nation: string | null; name: string }): Actor {
  if (seat.role === "participant" && seat.nation) return { role: "participant", nation: seat.nation, name: seat.name };
  if (seat.role === "facilitator") return { role: "facilitator", name: seat.name };
  return { role: "observer", name: seat.name };
}
