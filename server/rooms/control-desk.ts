import type { ExerciseState } from "../../shared/state/schema.ts";
import { RejectionCode, refuse, type Rejection } from "../../shared/protocol/rejections.ts";
import type { SeatCommand, JoinCodes, IssuedCode } from "../../shared/protocol/seat-commands.ts";
import { ref } from "../../shared/i18n/message.ts";
import type { SeatRecord, ExerciseRecord } from "../store/event-store.ts";
import { serverContext } from "../context.ts";
import type { SeatDesk, SeatDeskRoom, SeatedClient } from "./seat-desk.ts";

/** Exercise control's seats: the lead controller (the facilitator link) and named controllers. */
export function isControlSeat(seat: { role: string } | undefined): boolean {
  return seat?.role === "facilitator" || seat?.role === "controller";
}

/** The nations a seat controls: every nation for the lead and an unlimited controller. */
function controlledBy(seat: SeatRecord): string[] | null {
  return seat.role === "controller" ? (seat.details?.nations ?? null) : null;
}

/**
 * Exercise control's side of the seats: its seat commands (remove a seat, clear stale ones, a
 * new join code, issue, replace or withdraw a seat code), who among its seats may give which,
 * and the join codes it is sent. The roster itself is the SeatDesk's.
 */
export class ControlDesk {
  /** The seat codes as last read from the store (for the controllers' scope checks). */
  private seatCodes: IssuedCode[] = [];

  private readonly room: SeatDeskRoom;
  private readonly seats: SeatDesk;

  constructor(room: SeatDeskRoom, seats: SeatDesk) {
    this.room = room;
    this.seats = seats;
  }

  /**
   * Exercise control removes a seat or gives out a new code; returns why not, or null. The lead
   * controller may do all of it; a named controller gives out codes for its nations (and, when
   * it controls every nation, evaluator codes), but removing seats and controller codes are
   * the lead's (docs/PROTOCOL.md, "Roles").
   */
  async manage(client: SeatedClient, command: SeatCommand): Promise<Rejection | null> {
    const seat = client.auth!;
    if (!isControlSeat(seat)) return refuse(RejectionCode.NotFacilitator, "server.seats.facilitatorOnly");
    if (seat.role === "controller" && (command.type === "newSeatCode" || command.type === "withdrawSeatCode")) {
      this.seatCodes = (await serverContext().service.store.getExercise(this.room.roomId))?.seatCodes ?? [];
    }
    const refused = seat.role === "controller" ? this.beyondController(seat, command) : null;
    if (refused) return refused;
    try {
      return await this.applySeatCommand(client, command);
    } catch (error) {
      serverContext().log.error("seat change failed", { exerciseId: this.room.roomId, command: command.type, error: String(error) });
      return refuse(RejectionCode.Internal, "server.seats.saveFailed");
    }
  }

  /** Why a named controller may not give this seat command, or null. */
  private beyondController(seat: SeatRecord, command: SeatCommand): Rejection | null {
    if (command.type === "removeSeat" || command.type === "clearStaleSeats") return refuse(RejectionCode.OutOfScope, "seats.desk.leadOnly");
    const scope = controlledBy(seat);
    const within = (nation: string | null) => scope === null || (nation !== null && scope.includes(nation));
    if (command.type === "newJoinCode") return within(command.nation) ? null : this.outside(command.nation, scope);
    const issued = command.type === "issueSeatCode" ? command : this.issuedCode(command.slot);
    if (!issued) return null; // unknown slot: answered by applySeatCommand
    if (issued.role === "controller") return refuse(RejectionCode.OutOfScope, "seats.desk.leadOnly");
    if (issued.role === "roleplayer") return within(issued.nation) ? null : this.outside(issued.nation, scope);
    return scope === null ? null : refuse(RejectionCode.OutOfScope, "seats.desk.evaluatorCodes");
  }

  private outside(nation: string | null, scope: string[] | null): Rejection {
    const named = (r: { id: string }) => this.room.exercise().nations[r.id]?.name ?? r.id;
    // The observers' code opens the white cell's view: not one nation's business.
    if (nation === null) return refuse(RejectionCode.OutOfScope, "seats.scope.exerciseWide", { nations: (scope ?? []).map((n) => ref("nation", n)) }, named);
    return refuse(
      RejectionCode.OutOfScope,
      "seats.scope.outside",
      { nation: ref("nation", nation), nations: (scope ?? []).map((n) => ref("nation", n)) },
      named,
    );
  }

  /** The issued code of a slot, as last sent to exercise control. */
  private issuedCode(slot: string): IssuedCode | undefined {
    return this.seatCodes.find((c) => c.slot === slot);
  }

  private async applySeatCommand(client: SeatedClient, command: SeatCommand): Promise<Rejection | null> {
    const { service, log } = serverContext();
    const nations = this.room.exercise().nations;
    if (command.type === "issueSeatCode") {
      const refused = seatCodeRefusal(command, nations);
      if (refused) return refused;
      const issued = await service.seats.issueSeatCode(this.room.roomId, {
        role: command.role,
        nation: command.role === "roleplayer" ? command.nation : null,
        label: command.label,
        nations: command.role === "roleplayer" ? null : command.nations,
        lead: command.role === "evaluator" && command.lead,
      });
      log.info("seat code issued", { exerciseId: this.room.roomId, role: issued.role, slot: issued.slot, nation: issued.nation, by: client.auth!.name });
      await this.sendJoinCodes(this.seats.controlClients());
      return null;
    }
    if (command.type === "newSeatCode" || command.type === "withdrawSeatCode") {
      const current = (await service.store.getExercise(this.room.roomId))?.seatCodes?.find((c) => c.slot === command.slot);
      if (!current) return refuse(RejectionCode.InvalidTarget, "seats.desk.unknownCode");
      if (command.type === "newSeatCode") await service.seats.issueSeatCode(this.room.roomId, current);
      else await service.store.removeSeatCode(this.room.roomId, current.slot);
      log.info(command.type === "newSeatCode" ? "seat code replaced" : "seat code withdrawn", {
        exerciseId: this.room.roomId,
        role: current.role,
        slot: current.slot,
        by: client.auth!.name,
      });
      await this.sendJoinCodes(this.seats.controlClients());
      return null;
    }
    if (command.type === "newJoinCode") {
      const { nation } = command;
      if (nation !== null && !nations[nation]?.playable) return refuse(RejectionCode.UnknownNation, "server.seats.unknownNation");
      await service.seats.newJoinCode(this.room.roomId, nation);
      log.info("join code replaced", { exerciseId: this.room.roomId, for: nation ?? "observers", by: client.auth!.name });
      await this.sendJoinCodes(this.seats.controlClients());
      return null;
    }
    if (command.type === "clearStaleSeats") {
      const { nation } = command;
      if (nation !== null && !nations[nation]?.playable) return refuse(RejectionCode.UnknownNation, "server.seats.unknownNation");
      const stale = this.seats.staleSeats(nation);
      for (const entry of stale) await this.seats.forgetSeat(entry);
      log.info("stale seats cleared", { exerciseId: this.room.roomId, for: nation ?? "all", seats: stale.length });
      return null;
    }
    const entry = this.seats.seat(command.seat);
    if (!entry) return refuse(RejectionCode.UnknownSeat, "server.seats.unknownSeat");
    if (command.seat === client.userData!.seatId) return refuse(RejectionCode.InvalidTarget, "server.seats.ownSeat");
    await this.seats.forgetSeat(entry);
    log.info("seat removed", { exerciseId: this.room.roomId, seat: entry.id, role: entry.role, nation: entry.nation });
    return null;
  }

  /** The join codes, to exercise control only: they are the exercise's keys. Never rejects. */
  async sendJoinCodes(clients: SeatedClient[]): Promise<void> {
    if (clients.length === 0) return;
    let record: ExerciseRecord | null;
    try {
      record = await serverContext().service.store.getExercise(this.room.roomId);
    } catch (error) {
      // The console keeps the codes it had; the next change or reconnection sends them again.
      serverContext().log.error("join codes could not be read", { exerciseId: this.room.roomId, error: String(error) });
      return;
    }
    if (!record) return;
    this.seatCodes = (record.seatCodes ?? []).map((c) => ({ ...c }));
    const codes: JoinCodes = {
      nations: Object.entries(record.joinCodes).map(([nation, code]) => ({
        nation,
        name: record.scenario.nations.find((n) => n.id === nation)?.name ?? nation,
        code,
      })),
      observers: record.observerCode,
      seats: this.seatCodes,
    };
    // Controller codes are the lead's: a controller does not see another's key.
    const forControllers: JoinCodes = { ...codes, seats: this.seatCodes.filter((c) => c.role !== "controller") };
    for (const client of clients) client.send("joinCodes", client.auth?.role === "facilitator" ? codes : forControllers);
  }
}

/** What is wrong with a code exercise control asks for: an unknown nation, a role-player without one. */
function seatCodeRefusal(command: Extract<SeatCommand, { type: "issueSeatCode" }>, nations: ExerciseState["nations"]): Rejection | null {
  const known = (id: string) => Object.hasOwn(nations, id);
  if (command.role === "roleplayer")
    return command.nation !== null && known(command.nation) ? null : refuse(RejectionCode.UnknownNation, "seats.desk.rolePlayerNation");
  if (command.nations && !command.nations.every(known)) return refuse(RejectionCode.UnknownNation, "server.seats.unknownNation");
  return null;
}
