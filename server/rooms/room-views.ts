import type { Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { ExerciseState } from "../../shared/state/schema.ts";
import { RejectionCode, refuse } from "../../shared/protocol/rejections.ts";
import type { SeatRecord } from "../store/event-store.ts";
import { PerspectiveSchema, type ExerciseRoomState } from "./room-state.ts";
import { PerspectiveProjection } from "./projection.ts";
import { PublicProjection } from "./public-projection.ts";
import { viewerKeys, viewerOf, WHITE, type RoomFeeds } from "./room-feeds.ts";
import type { SeatDesk, SeatedClient } from "./seat-desk.ts";
import { isControlSeat } from "./control-desk.ts";

/**
 * Switching views sends the client a whole perspective: it weighs as much as five ordinary
 * messages, so a console clicking through the nations is fine and a script cannot drown the room.
 */
export const VIEW_SWITCH_COST = 5;

/** Whose eyes a seat looks through when it joins: its nation's, an assigned evaluator's first nation's, or the white cell's. */
export function perspectiveOf(seat: SeatRecord): string {
  if ((seat.role === "participant" || seat.role === "roleplayer") && seat.nation) return seat.nation;
  const assigned = seat.role === "evaluator" ? seat.details?.nations : null;
  return assigned?.[0] ?? WHITE;
}

/** Exercise control and evaluators may switch whose eyes they look through. */
function mayViewAs(seat: SeatRecord): boolean {
  return isControlSeat(seat) || seat.role === "evaluator";
}

/** What the views need of their room. */
export interface RoomViewsRoom {
  state(): ExerciseRoomState;
  clients(): readonly Client[];
  exercise(): ExerciseState;
  feeds(): RoomFeeds;
  seats(): SeatDesk;
  broadcastPatch(): void;
}

/**
 * What each client sees of the exercise: the public state and one perspective per viewer
 * (projection.ts writes them), and the StateView through which a client sees its perspective.
 */
export class RoomViews {
  private readonly publicProjection: PublicProjection;
  private readonly projections = new Map<string, PerspectiveProjection>();
  private readonly sharedViews = new Map<string, StateView>();
  private readonly room: RoomViewsRoom;

  constructor(room: RoomViewsRoom) {
    this.room = room;
    this.publicProjection = new PublicProjection(room.state());
    for (const key of viewerKeys(room.exercise())) {
      const perspective = Object.assign(new PerspectiveSchema(), { viewer: key });
      room.state().perspectives.set(key, perspective);
      this.projections.set(key, new PerspectiveProjection(perspective, viewerOf(key)));
    }
  }

  /**
   * Writes the public state and the perspectives somebody is looking through. A perspective
   * nobody watches is brought up to date when a client starts looking through it.
   */
  project(): void {
    const exercise = this.room.exercise();
    const seats = this.room.seats();
    this.publicProjection.update(exercise, { version: seats.version, value: () => seats.onlineByNation() });
    // A loop, not map/filter: `clients` is an Array subclass, and each array V8 derives from one
    // is built through its species constructor (~5 µs a command, #23 round trip).
    const watched = new Set<string>();
    for (const client of this.room.clients() as SeatedClient[]) {
      const perspective = client.userData?.perspective;
      if (perspective) watched.add(perspective);
    }
    for (const key of viewerKeys(exercise)) if (watched.has(key)) this.projectPerspectiveOf(key);
  }

  projectPerspectiveOf(key: string): void {
    const feeds = this.room.feeds();
    const seats = this.room.seats();
    this.projections
      .get(key)!
      .update(this.room.exercise(), feeds.of(key), { version: seats.version, value: () => seats.rosterFor(key, WHITE) }, feeds.turnsOf(key));
  }

  /** The next projection writes every perspective whole (the state was replaced wholesale). */
  forget(): void {
    for (const projection of this.projections.values()) projection.forget();
  }

  /** The view a joining seat looks through: seats that may switch views get a StateView of their own. */
  viewFor(seat: SeatRecord, perspective: string): StateView {
    return mayViewAs(seat) ? this.ownView(perspective) : this.sharedView(perspective);
  }

  /**
   * Everybody looking through one perspective shares one StateView, so Colyseus encodes each
   * patch once per perspective instead of once per client. Exercise control gets its own view,
   * since it switches perspectives ("View as").
   */
  private sharedView(perspective: string): StateView {
    let view = this.sharedViews.get(perspective);
    if (!view) {
      view = this.ownView(perspective);
      this.sharedViews.set(perspective, view);
    }
    return view;
  }

  private ownView(perspective: string): StateView {
    const view = new StateView();
    view.add(this.room.state().perspectives.get(perspective)!);
    return view;
  }

  /**
   * Exercise control may look through any nation's eyes: exactly that nation's perspective; an
   * evaluator through the white cell's and any nation's, or only the nations it was assigned.
   */
  switchView(client: SeatedClient, message: unknown) {
    const seat = client.auth!;
    const perspectives = this.room.state().perspectives;
    const target = typeof (message as { nation?: unknown })?.nation === "string" ? (message as { nation: string }).nation : WHITE;
    if (!mayViewAs(seat)) return client.send("result", { id: null, ok: false, ...refuse(RejectionCode.NotFacilitator, "server.view.facilitatorOnly") });
    const assigned = seat.role === "evaluator" ? seat.details?.nations : null;
    if (assigned && !assigned.includes(target))
      return client.send("result", { id: null, ok: false, ...refuse(RejectionCode.OutOfScope, "seats.view.notAssigned") });
    const perspective = perspectives.get(target);
    if (!perspective) return client.send("result", { id: null, ok: false, ...refuse(RejectionCode.UnknownNation, "server.seats.unknownNation") });
    client.view!.remove(perspectives.get(client.userData!.perspective)!);
    client.userData!.perspective = target;
    this.projectPerspectiveOf(target);
    // What that projection wrote goes to the seats already watching it; this seat gets the
    // perspective once, whole, from the view's changes in the next patch (not twice).
    this.room.broadcastPatch();
    client.view!.add(perspective);
    client.send("viewChanged", { perspective: target });
  }
}
