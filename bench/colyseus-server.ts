import { defineServer, defineRoom } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { benchArgs, wholeNumberArg } from "./args.ts";
import { FlankRoom } from "./colyseus-room.ts";

/**
 * The tutorial-style Colyseus room (colyseus-room.ts) on its own process, as Concord's server
 * and the echo server run on theirs: `node bench/colyseus-server.ts [port]`.
 */
const { positionals } = benchArgs("colyseus-server", "node bench/colyseus-server.ts [port]", {}, 1);
const port = wholeNumberArg("colyseus-server", "port", positionals[0], 2643, 1, 65535);
const server = defineServer({ greet: false, transport: new WebSocketTransport(), rooms: { flank: defineRoom(FlankRoom) } });
await server.listen(port, "127.0.0.1");
process.stdout.write(`colyseus listening ${port}\n`);
