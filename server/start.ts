import { configFromEnv, ConfigError } from "./config.ts";
import { createConcordServer, restoreExercises, VERSION } from "./app.ts";
import { jsonLogger } from "./log.ts";
import { assertPortFree } from "./port-check.ts";
import { planClientBuild, buildClient, ClientNotBuilt } from "./client-build.ts";
import { createDemoIfEmpty, describeDemo } from "./demo.ts";
import { superviseRooms } from "./scale-out/room-supervisor.ts";
import { ensureRoom } from "./app.ts";

/** `npm start`: one process, embedded SQLite, the built client and the game server on one port. */
async function main() {
  const config = configFromEnv();
  await assertPortFree(config.port, config.host);
  if (process.env.CONCORD_SKIP_CLIENT_BUILD !== "1") {
    // Builds only where vite is installed; a production install serves the client it was given (client-build.ts).
    const plan = planClientBuild(config.clientDir);
    if (plan.action === "fail") throw new ClientNotBuilt(plan.message);
    if (plan.action === "build") {
      process.stdout.write(`Building the browser client (${plan.reason})…\n`);
      buildClient();
    }
  }
  const log = jsonLogger();
  const { server, service } = await createConcordServer(config, log);
  await server.listen(config.port, config.host);
  const restored = await restoreExercises(service, log);
  const baseUrl = `http://localhost:${config.port}`;
  const demo = config.createDemo ? await createDemoIfEmpty(service) : null;
  if (demo) await restoreExercises(service, log);
  if (config.redisUrl) superviseRooms(service, log, ensureRoom);
  const where = service.store.kind === "sqlite" ? ` (${config.dataDir})` : "";
  const cluster = config.redisUrl ? `; scale-out via Redis, public address ${config.publicAddress ?? "(not set)"}` : "";
  process.stdout.write(`\nConcord ${VERSION} is running: open ${baseUrl}\n  store: ${service.store.kind}${where}; exercises restored: ${restored}${cluster}\n`);
  if (demo) process.stdout.write(describeDemo(demo, baseUrl) + "\n");
  if (!config.operatorPassword && !isLoopback(config.host)) {
    log.warn("no operator password", { host: config.host, advice: "Anyone who can reach this server can create exercises (20 an hour per address). Set CONCORD_OPERATOR_PASSWORD, or HOST=127.0.0.1 to listen on this machine only." });
  }
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

main().catch((error) => {
  const message = error instanceof ConfigError || error instanceof ClientNotBuilt || /already in use|needs privileges/.test(String(error?.message)) ? error.message : String(error?.stack ?? error);
  process.stderr.write(`concord: ${message}\n`);
  process.exit(1);
});
