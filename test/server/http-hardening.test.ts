import JSZip from "jszip";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConcordServer } from "../../server/app.ts";
import { configFromEnv, ConfigError } from "../../server/config.ts";
import { jsonLogger } from "../../server/log.ts";
import { MemoryStore } from "../../server/store/memory-store.ts";
import { installCorsPolicy } from "../../server/http/cors.ts";
import { DownloadTickets, TICKET_SECONDS, memoryTicketStore } from "../../server/http/download-tickets.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";
import { TEST_SCENARIOS, TEST_PORT, bootOnTestPort, seatFor } from "./harness.ts";

/** A store that fails on one exercise, with an error text that must not reach the client. */
const BROKEN = "ex-broken";
class FailingStore extends MemoryStore {
  override async getExercise(id: string) {
    if (id === BROKEN) throw new Error("SQLITE_CORRUPT: /var/lib/concord/concord.db page 7 is malformed");
    return super.getExercise(id);
  }
}

const url = `http://localhost:${TEST_PORT}`;
const store = new FailingStore();
const logged: Record<string, unknown>[] = [];
let colyseus: ColyseusTestServer;
let clientDir: string;

beforeAll(async () => {
  // A stand-in for the Vite build: what matters here is how the server serves it.
  clientDir = mkdtempSync(join(tmpdir(), "concord-client-"));
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), '<!doctype html><title>Concord</title><script type="module" src="/assets/main-abc123.js"></script>');
  writeFileSync(join(clientDir, "replay.html"), "<!doctype html><title>Replay</title>");
  writeFileSync(join(clientDir, "assets", "main-abc123.js"), "export {};\n");
  const config = configFromEnv({ CONCORD_STORE: "memory", SCENARIOS_DIR: TEST_SCENARIOS, CLIENT_DIR: clientDir, CONCORD_DEMO: "0" } as NodeJS.ProcessEnv);
  const log = jsonLogger((line) => logged.push(JSON.parse(line)), "error");
  const { server } = await createConcordServer(config, log, store);
  colyseus = await bootOnTestPort(server);
});
afterAll(async () => {
  await colyseus?.shutdown();
  rmSync(clientDir, { recursive: true, force: true });
});

const createExercise = async (): Promise<CreatedExercise> => (await post("/api/exercises", { scenarioId: "tiny" })).json();
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const phaseOf = async (ex: CreatedExercise) =>
  (await (await fetch(`${url}/api/exercises/${ex.id}/state`, { headers: bearer(ex.facilitatorToken) })).json()).phase;

describe("security headers", () => {
  it("serves every page and static file with a CSP without inline scripts, no framing, nosniff and no referrer", async () => {
    for (const path of ["/", "/replay.html", "/assets/main-abc123.js", "/some/client/route"]) {
      const res = await fetch(`${url}${path}`);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain("unsafe-inline");
      expect(csp, path).not.toContain("unsafe-eval");
      expect(csp, path).toContain("img-src 'self' data:");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("upgrade-insecure-requests");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("x-powered-by"), path).toBeNull();
    }
  });

  it("has pages revalidated, hashed assets cached, and nothing of the API or matchmaking stored", async () => {
    for (const path of ["/", "/replay.html", "/some/client/route"]) expect((await fetch(`${url}${path}`)).headers.get("cache-control"), path).toBe("no-cache");
    expect((await fetch(`${url}/assets/main-abc123.js`)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const ex = await createExercise();
    const responses = {
      "/health": await fetch(`${url}/health`),
      "/api/scenarios": await fetch(`${url}/api/scenarios`),
      "POST /api/exercises": await post("/api/exercises", { scenarioId: "tiny" }),
      "/api/exercises/:id": await fetch(`${url}/api/exercises/${ex.id}`, { headers: bearer(ex.facilitatorToken) }),
      "/api/exercises/:id (refused)": await fetch(`${url}/api/exercises/${ex.id}`),
      "/api/nope": await fetch(`${url}/api/nope`),
      // A seat reservation, answered by Colyseus itself.
      "/matchmake/joinById": await post(`/matchmake/joinById/${ex.id}`, { code: ex.observerCode }),
    };
    expect(responses["/matchmake/joinById"].status).toBe(200);
    expect(await responses["/matchmake/joinById"].json()).toHaveProperty("sessionId");
    for (const [what, res] of Object.entries(responses)) {
      expect(res.headers.get("cache-control"), what).toBe("no-store");
      expect(res.headers.get("x-powered-by"), what).toBeNull();
    }
  });

  it("gives the HTML after-action report a policy that allows no script and no loads", async () => {
    const ex = await createExercise();
    const res = await fetch(`${url}/api/exercises/${ex.id}/aar?format=html`, { headers: bearer(ex.facilitatorToken) });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<style>");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).not.toContain("script-src");
    expect(csp).not.toContain("'self'");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

describe("CORS", () => {
  const evil = { origin: "https://evil.example" };

  it("answers cross-origin requests, matchmaking included, without any CORS header by default", async () => {
    const ex = await createExercise();
    const answers = [
      await post(`/matchmake/joinById/${ex.id}`, { code: ex.observerCode }, evil),
      await fetch(`${url}/matchmake/joinById/${ex.id}`, { method: "OPTIONS", headers: { ...evil, "access-control-request-method": "POST" } }),
      await fetch(`${url}/api/exercises/${ex.id}`, { headers: { ...evil, ...bearer(ex.facilitatorToken) } }),
      await fetch(`${url}/api/exercises`, { method: "OPTIONS", headers: { ...evil, "access-control-request-method": "POST" } }),
    ];
    for (const res of answers) {
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("echoes exactly the origins an operator lists in CONCORD_CORS_ORIGINS", async () => {
    const ex = await createExercise();
    installCorsPolicy(configFromEnv({ CONCORD_CORS_ORIGINS: "https://exercise.example.org, http://localhost:5173" } as NodeJS.ProcessEnv).corsOrigins);
    try {
      const allowed = await post(`/matchmake/joinById/${ex.id}`, { code: ex.observerCode }, { origin: "https://exercise.example.org" });
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://exercise.example.org");
      expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
      expect(allowed.headers.get("vary")).toContain("Origin");
      const preflight = await fetch(`${url}/api/exercises/${ex.id}/tickets`, {
        method: "OPTIONS",
        headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
      });
      expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
      expect(preflight.headers.get("access-control-allow-headers")).toContain("Authorization");
      const other = await fetch(`${url}/api/scenarios`, { headers: evil });
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      installCorsPolicy([]);
    }
  });

  it("refuses a CONCORD_CORS_ORIGINS entry that is not an http(s) origin, naming the variable", () => {
    for (const wrong of [
      "*",
      "evil.example",
      "https://ok.example,ftp://files.example",
      "https://exercise.example.org/path",
      "https://user@exercise.example.org",
    ]) {
      expect(() => configFromEnv({ CONCORD_CORS_ORIGINS: wrong } as NodeJS.ProcessEnv), wrong).toThrow(ConfigError);
      expect(() => configFromEnv({ CONCORD_CORS_ORIGINS: wrong } as NodeJS.ProcessEnv), wrong).toThrow(/CONCORD_CORS_ORIGINS/);
    }
    expect(configFromEnv({} as NodeJS.ProcessEnv).corsOrigins).toEqual([]);
    expect(configFromEnv({ CONCORD_CORS_ORIGINS: "https://A.example/,http://localhost:5173" } as NodeJS.ProcessEnv).corsOrigins).toEqual([
      "https://a.example",
      "http://localhost:5173",
    ]);
  });
});

describe("credentials in headers, download tickets in links", () => {
  it("no longer accepts a credential in ?token=, and says to use the Authorization header", async () => {
    const ex = await createExercise();
    for (const path of [
      `/api/exercises/${ex.id}/aar?format=md&token=${ex.observerCode}`,
      `/api/exercises/${ex.id}/events?token=${ex.facilitatorToken}`,
      `/api/exercises?token=x`,
    ]) {
      const res = await fetch(`${url}${path}`);
      expect(res.status, path).toBe(401);
      const { error } = await res.json();
      expect(error.code).toBe("token_in_url");
      expect(error.message).toContain("Authorization: Bearer");
    }
  });

  it("trades a credential for a ticket that opens one download of that exercise", async () => {
    const ex = await createExercise();
    const other = await createExercise();
    expect((await post(`/api/exercises/${ex.id}/tickets`, {})).status).toBe(401);
    const seat = await seatFor(await colyseus.sdk.joinById(ex.id, { code: ex.joinCodes[0]!.code, name: "Alice" }));
    expect((await post(`/api/exercises/${ex.id}/tickets`, {}, bearer(seat.welcome.seat))).status).toBe(403); // participants do not read the report
    await seat.room.leave();

    const issued = await post(`/api/exercises/${ex.id}/tickets`, {}, bearer(ex.observerCode));
    expect(issued.status).toBe(201);
    const { ticket, expiresAt } = await issued.json();
    expect(Buffer.from(ticket, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan((TICKET_SECONDS - 5) * 1000);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(TICKET_SECONDS * 1000);

    const download = await fetch(`${url}/api/exercises/${ex.id}/aar?format=md&download=1&ticket=${ticket}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(await download.text()).toContain("After-action report");
    const again = await fetch(`${url}/api/exercises/${ex.id}/aar?format=md&ticket=${ticket}`);
    expect(again.status).toBe(401);
    expect((await again.json()).error.code).toBe("ticket_invalid");

    const forOther = (await (await post(`/api/exercises/${ex.id}/tickets`, {}, bearer(ex.facilitatorToken))).json()).ticket;
    expect((await fetch(`${url}/api/exercises/${other.id}/aar?format=md&ticket=${forOther}`)).status).toBe(401);
    const forEvents = (await (await post(`/api/exercises/${ex.id}/tickets`, {}, bearer(ex.facilitatorToken))).json()).ticket;
    const events = await fetch(`${url}/api/exercises/${ex.id}/events?ticket=${forEvents}`);
    expect(events.status).toBe(200);
    expect(await events.json()).toMatchObject({ exerciseId: ex.id, events: expect.any(Array) });
  });

  it("keeps a ticket for its exercise and role, for 60 s", async () => {
    let now = 1_000_000;
    const store = memoryTicketStore(() => now);
    const tickets = new DownloadTickets(store, () => now);
    const observer = (await tickets.issue("ex-a", "observer")).ticket;
    expect(await tickets.redeem(observer, "ex-b")).toBeNull();
    expect(await tickets.redeem(observer, "ex-a")).toBe("observer");
    expect(await tickets.redeem(observer, "ex-a")).toBeNull(); // one download
    expect(await tickets.redeem((await tickets.issue("ex-a", "facilitator")).ticket, "ex-a")).toBe("facilitator");
    const late = (await tickets.issue("ex-a", "observer")).ticket;
    now += TICKET_SECONDS * 1000;
    expect(await tickets.redeem(late, "ex-a")).toBeNull();
    await tickets.issue("ex-b", "observer");
    expect(store.size).toBe(1); // expired ones are swept
  });
});

describe("the improvement-plan endpoint", () => {
  it("records only improvement items: a body naming another command does not run it", async () => {
    const ex = await createExercise();
    const control = bearer(ex.facilitatorToken);
    const lobby = await phaseOf(ex);
    expect((await post(`/api/exercises/${ex.id}/improvements`, { type: "startExercise" }, control)).status).toBe(400);
    expect(await phaseOf(ex)).toBe(lobby);

    const seat = await seatFor(await colyseus.sdk.joinById(ex.id, { token: ex.facilitatorToken }));
    expect((await seat.send({ type: "startExercise" })).ok).toBe(true);
    await seat.room.leave();
    for (const body of [{ type: "endExercise" }, { type: "pauseExercise" }, { type: "advanceTurn" }]) {
      expect((await post(`/api/exercises/${ex.id}/improvements`, body, control)).status).toBe(400);
      expect(await phaseOf(ex)).toBe("running");
    }
    const recorded = await post(
      `/api/exercises/${ex.id}/improvements`,
      { type: "endExercise", issue: "Slow sharing", recommendation: "Standing arrangement" },
      control,
    );
    expect(recorded.status).toBe(201);
    expect(await phaseOf(ex)).toBe("running");
    const aar = await (await fetch(`${url}/api/exercises/${ex.id}/aar?format=json`, { headers: control })).json();
    expect(aar.improvementPlan).toEqual([expect.objectContaining({ issue: "Slow sharing", recommendation: "Standing arrangement", nation: null })]);
  });
});

describe("internal errors", () => {
  it("answer with a reference that is also in the log, and no internal text", async () => {
    const res = await fetch(`${url}/api/exercises/${BROKEN}`, { headers: bearer("anything") });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "internal_error", reference: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(body.error.message).toContain(body.error.reference);
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|concord\.db|malformed/);
    const entry = logged.find((l) => l.reference === body.error.reference);
    expect(entry).toMatchObject({ level: "error", path: `/api/exercises/${BROKEN}` });
    expect(String(entry!.error)).toContain("SQLITE_CORRUPT");
  });
});

describe("CSV over HTTP", () => {
  it("neutralises a formula in the after-action report's CSV", async () => {
    const ex = await createExercise();
    const seat = await seatFor(await colyseus.sdk.joinById(ex.id, { token: ex.facilitatorToken }));
    await seat.send({ type: "startExercise" });
    const fired = await seat.send({
      type: "fireInject",
      inject: { number: "X.1", type: "information", from: "White cell", to: ["north"], title: "+Breaking: cable cut", body: "…" },
    });
    expect(fired.ok).toBe(true);
    await seat.room.leave();
    const csv = await (await fetch(`${url}/api/exercises/${ex.id}/aar?format=csv&table=injects`, { headers: bearer(ex.facilitatorToken) })).text();
    expect(csv).toContain(",'+Breaking: cable cut,");
    expect(csv).not.toMatch(/(^|,)\+Breaking/m);
    // The whole CSV export is a zip with one file per table, each neutralised the same way.
    const response = await fetch(`${url}/api/exercises/${ex.id}/aar?format=csv`, { headers: bearer(ex.facilitatorToken) });
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="?aar-.+-\d{4}-\d{2}-\d{2}-csv\.zip"?$/);
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    expect(Object.keys(zip.files).sort()).toEqual([
      "adjudications.csv",
      "dissemination.csv",
      "feedback-comments.csv",
      "feedback-ratings.csv",
      "improvement-plan.csv",
      "injects.csv",
      "metrics.csv",
      "notes.csv",
      "objectives.csv",
      "observations.csv",
      "ratings.csv",
      "timeline.csv",
    ]);
    expect(await zip.file("injects.csv")!.async("string")).toContain(",'+Breaking: cable cut,");
    for (const name of Object.keys(zip.files)) expect(await zip.file(name)!.async("string")).not.toMatch(/(^|,)"?\+Breaking/m);
    expect((await fetch(`${url}/api/exercises/${ex.id}/aar?format=csv&table=nope`, { headers: bearer(ex.facilitatorToken) })).status).toBe(404);
  });
});
