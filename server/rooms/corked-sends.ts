import type { Client } from "@colyseus/core";

type Corkable = { cork(): void; uncork(): void };

/**
 * Runs `send` with the given clients' sockets corked, so that what one flush owes such a client
 * (its patch, then its reply and any pings) leaves in one write instead of one system call per
 * frame. `ref._socket` is the ws transport's net.Socket; a transport without one is simply
 * not corked.
 */
export function withCorkedSockets(clients: Iterable<Client>, send: () => void): void {
  const corked: Corkable[] = [];
  for (const client of clients) {
    const socket = (client.ref as { _socket?: Partial<Corkable> } | undefined)?._socket;
    if (typeof socket?.cork !== "function" || typeof socket.uncork !== "function") continue;
    socket.cork();
    corked.push(socket as Corkable);
  }
  try {
    send();
  } finally {
    for (const socket of corked) socket.uncork();
  }
}
