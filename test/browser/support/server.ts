import { createServer } from "node:net";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createConcordServer } from "../../../server/app.ts";
import { configFromEnv, ROOT } from "../../../server/config.ts";
import { silentLogger } from "../../../server/log.ts";
import { clientBuildIsStale, buildClient } from "../../../server/client-build.ts";
import type { CreatedExercise } from "../../../server/exercises/exercise-service.ts";

export const DIST = join(ROOT, "dist");
export const BROWSER_SCENARIOS = join(ROOT, "test", "browser", "fixtures", "scenarios");
export const SERVER_SCENARIOS = join(ROOT, "test", "server", "fixtures", "scenarios");
export const SHIPPED_SCENARIOS = join(ROOT, "scenarios");

/** The shipped scenarios when they exist (nicer screenshots), else the server tests' fixture. */
export function shippedOrFixtureScenarios(): string {
  return existsSync(SHIPPED_SCENARIOS) && readdirSync(SHIPPED_SCENARIOS).some((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
    ? SHIPPED_SCENARIOS
    : SERVER_SCENARIOS;
}

export type RunningServer = {
  url: string;
  port: number;
  createExercise(scenarioId: string): Promise<CreatedExercise>;
  scenarios(): Promise<{ id: string; title: string; regions: number; turns: number }[]>;
  stop(): Promise<void>;
};

/** Builds the browser client once when dist/ is older than client/ or shared/. */
export function ensureClientBuilt(): void {
  if (!clientBuildIsStale(DIST)) return;
  // Vitest sets NODE_ENV=test, which vite build would inherit: build what `npm start` serves.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    buildClient();
  } finally {
    process.env.NODE_ENV = previous;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The real server, in this process: HTTP API, rooms and the built client on one port. */
export async function startConcord(scenariosDir: string): Promise<RunningServer> {
  ensureClientBuilt();
  const port = await freePort();
  const config = configFromEnv({
    PORT: String(port),
    CONCORD_STORE: "memory",
    SCENARIOS_DIR: scenariosDir,
    CLIENT_DIR: DIST,
    CONCORD_DEMO: "0",
  } as NodeJS.ProcessEnv);
  const { server } = await createConcordServer(config, silentLogger);
  await server.listen(port);
  const url = `http://localhost:${port}`;
  return {
    url,
    port,
    async createExercise(scenarioId) {
      const res = await fetch(`${url}/api/exercises`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId }),
      });
      if (res.status !== 201) throw new Error(`creating an exercise failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as CreatedExercise;
    },
    async scenarios() {
      return ((await (await fetch(`${url}/api/scenarios`)).json()) as { scenarios: { id: string; title: string; regions: number; turns: number }[] }).scenarios;
    },
    async stop() {
      await server.gracefullyShutdown(false).catch(() => undefined);
    },
  };
}
