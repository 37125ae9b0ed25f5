import { WebSocketServer, WebSocket } from "ws";
import { benchArgs, wholeNumberArg } from "./args.ts";

/**
 * The baseline: a bare `ws` server on its own process. It echoes every message; on "fanout:N"
 * it sends N messages to every connected socket (the raw fan-out baseline); on "relay" it sends
 * a small frame to every socket connected on the same path and then a reply to the sender: the frames a command
 * costs in a room of three (a patch to each client, then the result), without the room.
 */
const { positionals } = benchArgs("echo-server", "node bench/echo-server.ts [port]", {}, 1);
const port = wholeNumberArg("echo-server", "port", positionals[0], 2640, 1, 65535);
const wss = new WebSocketServer({ port, host: "127.0.0.1" });
const groups = new WeakMap<WebSocket, string>();
wss.on("connection", (socket, request) => {
  groups.set(socket, request.url ?? "/");
  socket.on("message", (data, isBinary) => {
    const text = isBinary ? null : data.toString();
    if (text?.startsWith("fanout:")) {
      const count = Number(text.slice(7));
      const payload = Buffer.alloc(200, 1);
      for (let i = 0; i < count; i++) for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(payload);
      return;
    }
    if (text === "relay") {
      const patch = Buffer.alloc(24, 2);
      const group = groups.get(socket);
      for (const client of wss.clients) if (client.readyState === WebSocket.OPEN && groups.get(client) === group) client.send(patch);
      socket.send("result");
      return;
    }
    socket.send(data, { binary: isBinary });
  });
});
wss.on("listening", () => process.stdout.write(`echo listening ${port}\n`));
