import type { Handler, Of } from "./decide.ts";
import { nameOf, WHITE_CELL } from "./actors.ts";

/** The white cell's own channel: exercise control talks among itself, no nation reads it (channels.ts). */
export const CONTROL_CHANNEL = "control";

export const controlMessage: Handler<Of<"controlMessage">> = (b, command, actor) => {
  b.emit({
    type: "messageSent",
    message: { id: b.id("m"), channel: CONTROL_CHANNEL, fromNation: WHITE_CELL, author: nameOf(actor), text: command.text, turn: b.state.turn, at: b.now },
  });
};

/**
 * The controller log: a control room's logbook, one time-stamped line per entry, signed by the
 * controller who wrote it. Accepted in every phase (a log is kept before, during and after).
 */
export const logControlEntry: Handler<Of<"logControlEntry">> = (b, command, actor) => {
  b.emit({ type: "controlLogged", entry: { id: b.id("c"), by: nameOf(actor), text: command.text, turn: b.state.turn, at: b.now } });
};
