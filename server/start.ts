import type { AddressInfo } from "node:net";
import { configFromEnv, ConfigError, loadEnvFile } from "./config.ts";
import { unknownConcordVariables } from "./config-schema.ts";
import { createConcordServer, wakeExercises, VERSION } from "./app.ts";
import { jsonLogger, announce } from "./log.ts";
import { assertPortFree } from "./port-check.ts";
import { planClientBuild, buildClient, ClientNotBuilt } from "./client-build.ts";
import { createDemoIfEmpty, describeDemo } from "./demo.ts";
import { superviseRooms } from "./scale-out/room-supervisor.ts";
import { ensureRoom } from "./app.ts";

/**
 * `npm start`: one process, embedded SQLite, the built client and the game server on one port.
 * stdout carries JSON log lines only; what a person must read (the demo's link and codes, a
 * configuration fault) goes to stderr.
 */
async function main() {
  const envFile = loadEnvFile();
  const config = configFromEnv();
  const log = jsonLogger(undefined, config.logLevel, { format: config.logFormat });
  if (envFile) log.info("environment file loaded", { file: envFile });
  for (const name of unknownConcordVariables(process.env))
    log.warn("unknown variable ignored (misspelt?)", { variable: name, known: "docs/OPERATIONS.md, .env.example" });
  await assertPortFree(config.port, config.host);
  if (!config.skipClientBuild) {
    // Builds only where vite is installed; a production install serves the client it was given (client-build.ts).
    const plan = planClientBuild(config.clientDir);
    if (plan.action === "fail") throw new ClientNotBuilt(plan.message);
    if (plan.action === "build") {
      log.info(`building the browser client (${plan.reason})`);
      buildClient();
    }
  }
  const { server, service, httpServer } = await createConcordServer(config, log);
  await server.listen(config.port, config.host);
  // PORT=0 takes any free port: say which.
  const port = (httpServer.address() as AddressInfo | null)?.port ?? config.port;
  // Rooms load on demand: only exercises whose turn timer runs are opened now.
  const woken = await wakeExercises(service, log);
  const baseUrl = `http://localhost:${port}`;
  const demo = config.createDemo ? await createDemoIfEmpty(service) : null;
  if (config.redisUrl) superviseRooms(service, log, ensureRoom);
  // Tests and process managers wait for "is running".
  announce(log, `Concord ${VERSION} is running: open ${baseUrl}`, {
    version: VERSION,
    url: baseUrl,
    port,
    store: service.store.kind,
    ...(service.store.kind === "sqlite" ? { dataDir: config.dataDir } : {}),
    exercisesStored: woken.stored,
    roomsOpened: woken.loaded,
    ...(config.redisUrl ? { scaleOut: "redis", publicAddress: config.publicAddress } : {}),
  });
  if (demo) {
    // The facilitator link holds a secret: it goes to the person at the terminal, not into the log.
    log.info("demo exercise created; its facilitator link and join codes are printed on stderr", { exerciseId: demo.id, title: demo.title });
    process.stderr.write(describeDemo(demo, baseUrl) + "\n");
  }
  if (!config.operatorPassword && !isLoopback(config.host)) {
    log.warn("no operator password", {
      host: config.host,
      advice:
        "Anyone who can reach this server can create exercises (20 an hour per address). Set CONCORD_OPERATOR_PASSWORD, or HOST=127.0.0.1 to listen on this machine only.",
    });
  }
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

main().catch((error) => {
  const lines =
    error instanceof ConfigError
      ? error.problems
      : error instanceof ClientNotBuilt || /already in use|needs privileges|pino-pretty/.test(String(error?.message))
        ? [error.message]
        : [String(error?.stack ?? error)];
  process.stderr.write(lines.map((line) => `concord: ${line}\n`).join(""));
  process.exit(1);
});
