import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./config.ts";

/**
 * `npm run dev`: the game server (restarted on change by Node's --watch) and Vite's dev server
 * with hot reload for the client. Ctrl-C stops both.
 */
const node = process.execPath;
const children = [
  spawn(node, ["--watch-path=server", "--watch-path=shared", join(ROOT, "server", "start.ts")], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, CONCORD_SKIP_CLIENT_BUILD: "1" },
  }),
  spawn(join(ROOT, "node_modules", ".bin", "vite"), [], { cwd: ROOT, stdio: "inherit", env: process.env }),
];
process.stdout.write("Development: open the Vite URL printed below (hot reload); the game server runs on port " + (process.env.PORT ?? 2567) + ".\n");
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", (code) => code && code !== 0 && stop());
