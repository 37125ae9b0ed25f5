import { join } from "node:path";
import { createConcordServer } from "../../server/app.ts";
import { configFromEnv, ROOT } from "../../server/config.ts";
import { silentLogger } from "../../server/log.ts";
import { clientBuildIsStale, buildClient } from "../../server/client-build.ts";
import { MemoryStore } from "../../server/store/memory-store.ts";

/** The real server with the built client, in this process, on its own port. */
export async function startWebServer(port: number, scenariosDir = join(ROOT, "test", "server", "fixtures", "scenarios")) {
  // CONCORD_TEST_CLIENT_DIR points at a client built elsewhere (then nothing is built here).
  const clientDir = process.env.CONCORD_TEST_CLIENT_DIR ?? join(ROOT, "dist");
  if (!process.env.CONCORD_TEST_CLIENT_DIR && clientBuildIsStale(clientDir)) buildClient();
  const config = configFromEnv({ PORT: String(port), CONCORD_STORE: "memory", SCENARIOS_DIR: scenariosDir, CLIENT_DIR: clientDir } as NodeJS.ProcessEnv);
  const store = new MemoryStore();
  const { server } = await createConcordServer(config, silentLogger, store);
  await server.listen(port, "127.0.0.1");
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    async stop() {
      await server.gracefullyShutdown(false);
    },
  };
}
