import { WebSocketServer, WebSocket } from "ws";

/**
 * The baseline: a bare `ws` server on its own process. It echoes every message, and on
 * "fanout:N" sends N messages to every connected socket (the raw fan-out baseline).
 */
const port = Number(process.argv[2] ?? 2640);
const wss = new WebSocketServer({ port, host: "127.0.0.1" });
wss.on("connection", (socket) => {
  socket.on("message", (data, isBinary) => {
    const text = isBinary ? null : data.toString();
    if (text?.startsWith("fanout:")) {
      const count = Number(text.slice(7));
      const payload = Buffer.alloc(200, 1);
      for (let i = 0; i < count; i++) for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(payload);
      return;
    }
    socket.send(data, { binary: isBinary });
  });
});
wss.on("listening", () => process.stdout.write(`echo listening ${port}\n`));
