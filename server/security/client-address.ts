import type { IncomingMessage, Server } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * Who is on the other end of a request. Colyseus takes a client's address from X-Real-IP or
 * X-Forwarded-For whoever sends them, so a guesser could claim a new address per attempt.
 * Before Colyseus or express sees a request or a WebSocket upgrade, these headers are replaced:
 * `x-real-ip` is set to the socket's address, or, when the socket is a trusted proxy
 * (TRUST_PROXY), to the first address in X-Forwarded-For that is not one; every other
 * forwarding header a client sent is dropped.
 *
 * The same pass names the exercise a matchmaking request is for (`x-concord-room`, from the path
 * `/matchmake/joinById/<id>`), since Colyseus does not hand the room id to a static onAuth.
 */
export const CLIENT_ADDRESS_HEADER = "x-real-ip";
export const ROOM_HEADER = "x-concord-room";
const SPOOFABLE = ["x-forwarded-for", "x-client-ip", "x-real-ip", "forwarded", "cf-connecting-ip", "true-client-ip"];

export type TrustProxy = (address: string, hop: number) => boolean;

/** Parses TRUST_PROXY: empty trusts nobody; otherwise addresses, CIDRs or loopback/linklocal/uniquelocal, comma-separated. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const list = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) return () => false;
  return proxyaddr.compile(list);
}

export function clientAddressOf(req: IncomingMessage, trust: TrustProxy): string {
  const socketAddress = req.socket?.remoteAddress ?? "unknown";
  if (!trust(socketAddress, 0)) return socketAddress;
  return proxyaddr(req as Parameters<typeof proxyaddr>[0], trust);
}

function normalize(req: IncomingMessage, trust: TrustProxy): void {
  const address = clientAddressOf(req, trust);
  for (const name of SPOOFABLE) delete req.headers[name];
  delete req.headers[ROOM_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  const room = /^\/matchmake\/joinById\/([A-Za-z0-9_-]{1,64})(?:[/?]|$)/.exec(req.url ?? "");
  if (room) req.headers[ROOM_HEADER] = room[1]!;
}

/**
 * Runs before every listener of the server, for plain requests and WebSocket upgrades. Colyseus
 * re-registers the server's request listeners (to read bodies first), so listener order cannot
 * be relied on: the event itself is intercepted.
 */
export function installClientAddress(server: Server, trust: TrustProxy): void {
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === "request" || event === "upgrade") normalize(args[0] as IncomingMessage, trust);
    return emit(event, ...args);
  }) as Server["emit"];
}

/** The address normalize() recorded, for express handlers. */
export function requestAddress(req: { headers: IncomingMessage["headers"]; socket?: { remoteAddress?: string } }): string {
  const header = req.headers[CLIENT_ADDRESS_HEADER];
  return (typeof header === "string" && header) || req.socket?.remoteAddress || "unknown";
}
