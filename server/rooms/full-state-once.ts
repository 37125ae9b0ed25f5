import type { Client, Room } from "@colyseus/core";

type FullStateSender = { sendFullState(client: Client): void };

/**
 * A view made for a new seat lists everything it shows as changes to send (`view.changes`), for
 * the next patch, and the seat's full state sends all of it already: the next patch carried the
 * seat's whole perspective a second time (a megabyte at 100,000 events, encoded on the server
 * and decoded in the page while the next seat joined; issue #23, Length). After a full state,
 * the view's changes are dropped. Safe because a shared view gets changes only when it is made
 * (for the seat whose full state this is), and a seat's own view when it switches perspective,
 * which a joined seat does and whose changes the next patch sends as before.
 * (Colyseus's `sendFullState` is private in its types, hence the wrapping.)
 */
export function dropViewChangesAfterFullState(room: Room): void {
  const target = room as unknown as FullStateSender;
  const send = target.sendFullState.bind(room);
  target.sendFullState = (client: Client) => {
    send(client);
    client.view?.changes.clear();
  };
}
