import type { z } from "zod";
import { randomBytes } from "node:crypto";
import { Command, CommandEnvelope, type Actor } from "../../shared/protocol/commands.ts";
import { RejectionCode, refuse, type Rejection } from "../../shared/protocol/rejections.ts";
import { msg, type Msg } from "../../shared/i18n/message.ts";
import { EN, type MessageKey } from "../../shared/i18n/catalog/index.ts";
import { SeatCommand, SEAT_COMMAND_TYPES } from "../../shared/protocol/seat-commands.ts";
import { wellFormed, clipText } from "../security/well-formed.ts";
import { seatPublicId } from "../exercises/seat-service.ts";
import type { SeatDetails } from "../store/event-store.ts";

/** The one reply to a command: accepted with its sequence number, or refused with a code, the catalogue message and its English sentence. */
export type CommandReply =
  | { id: string | null; ok: true; seq: number }
  | { id: string | null; ok: false; code: string; message: string; msg?: Msg; reference?: string };

/** A short reference for an internal error, quoted to the user and logged with the details. */
export function newReference(): string {
  return `E-${randomBytes(4).toString("hex").toUpperCase()}`;
}

/** Each command's schema by its type: one lookup instead of trying the role unions in turn. */
const SCHEMA_BY_TYPE = new Map<string, z.ZodType<Command>>(
  Command.options.flatMap((union) => union.options.map((o) => [o.shape.type.value as string, o as z.ZodType<Command>] as const)),
);

/**
 * Parses a message off the wire into a command. Payloads come from untrusted peers: anything
 * malformed is answered with a rejection naming what is wrong, never by a disconnect. Every
 * string in the message (keys too) is made well-formed first, before any schema sees it, so a
 * new command's text is covered without doing anything; a payload nested deeper than
 * MAX_PAYLOAD_DEPTH is refused as invalid_payload.
 */
export function parseCommand(message: unknown): { id: string | null; command: Command; actAs?: string } | { id: string | null; rejected: Rejection } {
  const clean = wellFormed(message);
  if (!clean.ok) return { id: idOf(message, true), rejected: payloadRefusal(clean) };
  const raw = clean.value;
  const envelope = CommandEnvelope.safeParse(raw);
  const id = idOf(raw);
  if (!envelope.success) return { id, rejected: refuse(RejectionCode.InvalidPayload, "server.payload.envelope") };
  const type = (envelope.data.command as { type?: unknown } | null)?.type;
  const schema = typeof type === "string" ? SCHEMA_BY_TYPE.get(type) : undefined;
  if (!schema) {
    return { id, rejected: refuse(RejectionCode.UnknownCommand, "server.command.unknown") };
  }
  const parsed = schema.safeParse(envelope.data.command);
  if (!parsed.success) return { id, rejected: unknownId(parsed.error) ?? invalid(parsed.error) };
  return { id: envelope.data.id, command: parsed.data, ...(envelope.data.actAs !== undefined ? { actAs: envelope.data.actAs } : {}) };
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
  if (!clean.ok) return { id: idOf(message, true), rejected: payloadRefusal(clean) };
  const raw = clean.value;
  const command = (raw as { command: { type: string } }).command;
  const id = idOf(raw);
  const parsed = SeatCommand.safeParse(command);
  if (!parsed.success) return { id, rejected: invalid(parsed.error) };
  return { id, command: parsed.data };
}

/** A payload wellFormed refused (too deep, too many values), said plainly. */
export function payloadRefusal(refusal: { limit: "depth" | "nodes"; max: number }): Rejection {
  return refusal.limit === "depth"
    ? refuse(RejectionCode.InvalidPayload, "server.payload.tooDeep", { depth: refusal.max })
    : refuse(RejectionCode.InvalidPayload, "server.payload.tooMany", { count: refusal.max });
}

/** What an id that names nothing (an id schema's refusal, protocol/ids.ts) is unknown as, by its field. */
const UNKNOWN_BY_FIELD: Record<string, RejectionCode> = {
  asset: RejectionCode.UnknownAsset,
  assets: RejectionCode.UnknownAsset,
  destination: RejectionCode.UnknownRegion,
  region: RejectionCode.UnknownRegion,
  regions: RejectionCode.UnknownRegion,
  partner: RejectionCode.UnknownNation,
  partners: RejectionCode.UnknownNation,
  nation: RejectionCode.UnknownNation,
  nations: RejectionCode.UnknownNation,
  host: RejectionCode.UnknownNation,
  to: RejectionCode.UnknownNation,
  with: RejectionCode.UnknownNation,
  parties: RejectionCode.UnknownNation,
  a: RejectionCode.UnknownNation,
  b: RejectionCode.UnknownNation,
  intelSharing: RejectionCode.UnknownNation,
  report: RejectionCode.UnknownReport,
  inject: RejectionCode.UnknownInject,
  draft: RejectionCode.UnknownDraft,
  agreement: RejectionCode.UnknownAgreement,
  request: RejectionCode.UnknownRequest,
};

/** A command refused only because an id names nothing gets the "unknown …" code of that field, like any other unknown id. */
function unknownId(error: z.ZodError): Rejection | null {
  const issue = error.issues.length === 1 ? error.issues[0]! : null;
  if (issue?.code !== "custom" || !(issue.params as { unknownId?: boolean } | undefined)?.unknownId) return null;
  const name = [...issue.path].reverse().find((step): step is string => typeof step === "string") ?? "";
  const code = Object.hasOwn(UNKNOWN_BY_FIELD, name) ? UNKNOWN_BY_FIELD[name]! : RejectionCode.InvalidTarget;
  return refuse(code, "server.id.unknown", { field: fieldLabel(issue.path) });
}

function invalid(error: z.ZodError): Rejection {
  return refuse(RejectionCode.InvalidPayload, "server.payload.invalid", { problems: describe(error) });
}

/**
 * What is wrong with a command, field by field, in plain words ("the destination is missing"):
 * zod's issue codes mapped to catalogue messages, the field named by the last word of its path
 * through the field labels (server.label.*). At most three problems.
 */
function describe(error: z.ZodError): Msg[] {
  // Union errors nest the useful issue; flatten to the deepest ones that name a field.
  const issues: { path: PropertyKey[]; issue: z.core.$ZodIssue }[] = [];
  const walk = (list: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of list) {
      if (issue.code === "invalid_union" && issue.errors.length > 0) {
        const best = issue.errors.reduce((a, b) => (a.length <= b.length ? a : b));
        walk(best, [...prefix, ...issue.path]);
      } else issues.push({ path: [...prefix, ...issue.path], issue });
    }
  };
  walk(error.issues, []);
  const problems = issues.slice(0, 3).map(({ path, issue }) => problem(issue, fieldLabel(path)));
  return problems.length > 0 ? problems : [msg("server.field.invalid", { field: msg("server.label.command") })];
}

/** The field's label: the last named (not numbered) step of its path, or "a value". */
export function fieldLabel(path: readonly PropertyKey[]): Msg {
  const name = [...path].reverse().find((step): step is string => typeof step === "string");
  const key = `server.label.${name ?? ""}`;
  return msg(
    name !== undefined && Object.hasOwn(EN, key)
      ? (key as MessageKey)
      : name === undefined && path.length === 0
        ? "server.label.command"
        : "server.label.value",
  );
}

function problem(issue: z.core.$ZodIssue, field: Msg): Msg {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return msg("server.field.missing", { field });
      return msg(issue.expected === "int" ? "server.field.notWhole" : "server.field.wrongType", { field });
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return msg("server.field.tooLong", { field, max });
      if (issue.origin === "array" || issue.origin === "set") return msg("server.field.tooMany", { field, max });
      return msg("server.field.tooBig", { field, max });
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return msg(min <= 1 ? "server.field.empty" : "server.field.tooShort", { field, min });
      if (issue.origin === "array" || issue.origin === "set") return msg("server.field.tooFew", { field, min });
      return msg("server.field.tooSmall", { field, min });
    }
    case "invalid_value":
    case "invalid_union":
      return msg("server.field.notAllowed", { field });
    case "not_multiple_of":
      return msg("server.field.notWhole", { field });
    default:
      return msg("server.field.invalid", { field });
  }
}

/**
 * A seat's public id is a SHA-256 of its token: a hash per command was ~5 % of a command's
 * server time (#23, round trip), so each token's id is kept. Bounded: a server that met more
 * tokens than this starts the cache again.
 */
const publicIds = new Map<string, string>();
const PUBLIC_IDS_KEPT = 10_000;
function publicIdOf(token: string): string {
  let id = publicIds.get(token);
  if (id === undefined) {
    if (publicIds.size >= PUBLIC_IDS_KEPT) publicIds.clear();
    publicIds.set(token, (id = seatPublicId(token)));
  }
  return id;
}

/**
 * Who a seat acts as in the rules. A role-player plays its nation as a simulated move, under
 * its persona; a controller carries the nations it controls; an evaluator whether it leads.
 */
export function actorFor(seat: { role: string; nation: string | null; name: string; details?: SeatDetails; token?: string }): Actor {
  // The seat's public id goes with a participant's commands: feedback is answered once per seat.
  if (seat.role === "participant" && seat.nation)
    return { role: "participant", nation: seat.nation, name: seat.name, ...(seat.token ? { seat: publicIdOf(seat.token) } : {}) };
  if (seat.role === "roleplayer" && seat.nation)
    return {
      role: "participant",
      nation: seat.nation,
      name: seat.name,
      simulated: "roleplayer",
      ...(seat.details?.persona ? { persona: seat.details.persona } : {}),
    };
  if (seat.role === "facilitator") return { role: "facilitator", name: seat.name };
  if (seat.role === "controller") return { role: "controller", name: seat.name, nations: seat.details?.nations ?? null };
  if (seat.role === "evaluator") return { role: "evaluator", name: seat.name, ...(seat.details?.lead ? { lead: true } : {}) };
  return { role: "observer", name: seat.name };
}
