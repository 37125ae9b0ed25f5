import { createServer } from "node:net";

/** Resolves when the port can be bound, so a busy port gives one clear line instead of a stack trace. */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE")
        reject(new Error(`Port ${port} is already in use. Stop the other program or start Concord with PORT=<another port> npm start.`));
      else if (error.code === "EACCES") reject(new Error(`Port ${port} needs privileges this user does not have. Use PORT=<a port above 1024>.`));
      else reject(error);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
