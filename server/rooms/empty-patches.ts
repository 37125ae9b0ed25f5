import { Protocol, type Client } from "@colyseus/core";

/**
 * Colyseus sends a state patch to every client whenever anything in the state changed, even
 * to a client whose view holds none of it: a frame of one byte (the patch header alone) that
 * its decoder does nothing with. A team's chat message thus cost a socket write per seat in
 * the exercise; at 300 seats those writes were most of the server's time (#23, Seats). This
 * drops such a frame before it reaches the socket. Only the header-only patch is dropped:
 * every frame that carries a change, and every other message, goes out as before.
 */
/** A reconnected seat may come back as the same client object: wrapped once. */
const wrapped = new WeakSet<Client>();

export function skipEmptyPatches(client: Client): void {
  if (wrapped.has(client)) return;
  wrapped.add(client);
  const raw = client.raw.bind(client);
  client.raw = (data: Uint8Array | Buffer, options?: unknown, cb?: (err?: Error) => void) => {
    if (data.length === 1 && data[0] === Protocol.ROOM_STATE_PATCH) return void cb?.();
    return (raw as (d: Uint8Array | Buffer, o?: unknown, c?: (err?: Error) => void) => void)(data, options, cb);
  };
}
