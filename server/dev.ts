import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT, loadEnvFile } from "./config.ts";
import { parseEnv } from "./config-schema.ts";
import { SERVER_ENV, SERVER_NODE_FLAGS } from "./node-flags.ts";

/**
 * `npm run dev`: the game server (restarted on change by Node's --watch) and Vite's dev server
 * with hot reload for the client. Ctrl-C stops both.
 */
const node = process.execPath;
loadEnvFile();
const dev = parseEnv(process.env, ["dev"]);
if (!dev.ok) {
  process.stderr.write(dev.faults.map((line) => `concord: ${line}\n`).join(""));
  process.exit(1);
}
// The dev client is served by Vite on its own port and calls the game server directly: a second origin.
const vitePort = process.env.VITE_PORT ?? "5173";
const corsOrigins = process.env.CONCORD_CORS_ORIGINS ?? `http://localhost:${vitePort},http://127.0.0.1:${vitePort}`;
const children = [
  spawn(node, [...SERVER_NODE_FLAGS, "--watch-path=server", "--watch-path=shared", join(ROOT, "server", "start.ts")], {
    cwd: ROOT,
    stdio: "inherit",
    // Readable log lines in a terminal (pino-pretty) unless CONCORD_LOG_FORMAT says otherwise.
    env: {
      ...process.env,
      ...SERVER_ENV,
      CONCORD_SKIP_CLIENT_BUILD: "1",
      CONCORD_CORS_ORIGINS: corsOrigins,
      CONCORD_LOG_FORMAT: process.env.CONCORD_LOG_FORMAT ?? "pretty",
    },
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
