import { describe, it, expect, beforeAll, afterAll } from "vitest";
import express from "express";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { logger as colyseusLog } from "@colyseus/core";
import { startHarness, type Harness } from "./harness.ts";
import { jsonLogger } from "../../server/log.ts";
import { mountHealth } from "../../server/http/health.ts";
import { loggedPath } from "../../server/http/access-log.ts";
import { MemoryStore } from "../../server/store/memory-store.ts";
import { SqliteStore } from "../../server/store/sqlite-store.ts";

type Line = Record<string, unknown> & { level: string; message: string };

describe("a running server: logs, /metrics, /health", () => {
  let h: Harness;
  const lines: Line[] = [];
  beforeAll(async () => {
    h = await startHarness({ log: jsonLogger((line) => lines.push(JSON.parse(line)), "debug") });
  });
  afterAll(async () => h?.shutdown());

  it("writes an access line per request, Colyseus's routes included, with no secret in any line", async () => {
    const ex = await h.createExercise();
    const ticket = "TICKET-SECRET-123";
    const code = ex.joinCodes[0]!.code;
    await fetch(`${h.url}/api/exercises/${ex.id}/aar?format=md&ticket=${ticket}&lang=fr`);
    await fetch(`${h.url}/api/join`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code, name: "Ada" }) });
    await fetch(`${h.url}/api/exercises/${ex.id}`, { headers: { authorization: `Bearer ${ex.facilitatorToken}` } });
    await fetch(`${h.url}/matchmake/joinById/${ex.id}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: "ZZZ-ZZZ", name: "Eve" }),
    });
    await fetch(`${h.url}/health`);
    await new Promise((r) => setTimeout(r, 50));
    const access = lines.filter((l) => l.message === "http");
    const aar = access.find((l) => String(l.path).startsWith(`/api/exercises/${ex.id}/aar`));
    expect(aar).toMatchObject({
      level: "info",
      method: "GET",
      path: `/api/exercises/${ex.id}/aar?format=md&ticket=[redacted]&lang=fr`,
      status: expect.any(Number),
      ms: expect.any(Number),
      address: expect.any(String),
    });
    expect(access.find((l) => l.path === "/api/join")).toMatchObject({ method: "POST", status: 200 });
    expect(access.find((l) => String(l.path).startsWith("/matchmake/joinById/"))).toMatchObject({ method: "POST" });
    // A load balancer's probes are there at debug level only.
    expect(access.find((l) => l.path === "/health")).toMatchObject({ level: "debug", status: 200 });
    const everything = JSON.stringify(lines);
    for (const secret of [ticket, code, code.replace("-", ""), ex.facilitatorToken, ex.observerCode, "ZZZ-ZZZ"]) expect(everything).not.toContain(secret);
  });

  it("keeps only harmless query values", () => {
    expect(loggedPath("/api/x?token=abc&format=csv&code=ABC-DEF&novel=1")).toBe("/api/x?token=[redacted]&format=csv&code=[redacted]&novel=[redacted]");
    expect(loggedPath("/api/x")).toBe("/api/x");
  });

  it("puts Colyseus's own lines into the same JSON stream", () => {
    colyseusLog.warn("❌ room %s has been disposed.", "abc", { extra: 1 });
    expect(lines.at(-1)).toMatchObject({ level: "warn", component: "colyseus", message: expect.stringContaining("room abc has been disposed.") });
  });

  it("redacts secrets a call site logs by mistake", () => {
    const collected: string[] = [];
    const log = jsonLogger((line) => collected.push(line));
    log.info("seat joined", { exerciseId: "ex-1", token: "seat-secret", facilitatorToken: "f-secret", authorization: "Bearer x", name: "Ada" });
    expect(JSON.parse(collected[0]!)).toMatchObject({
      level: "info",
      message: "seat joined",
      exerciseId: "ex-1",
      token: "[redacted]",
      facilitatorToken: "[redacted]",
      authorization: "[redacted]",
      name: "Ada",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(collected[0]).not.toMatch(/secret|Bearer/);
  });

  it("serves Prometheus metrics: rooms and seats online, commands by type and outcome, latency and append histograms, event loop, process", async () => {
    const ex = await h.createExercise();
    const control = await h.join(ex.id, { token: ex.facilitatorToken, name: "Control" });
    const north = await h.join(ex.id, { code: ex.joinCodes[0]!.code, name: "Ada" });
    expect((await north.send({ type: "startExercise" })).code).toBe("not_facilitator");
    expect((await control.send({ type: "startExercise" })).ok).toBe(true);
    const res = await fetch(`${h.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}"=,.+]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
    expect(value('concord_commands_total{type="startExercise",outcome="accepted"}')).toBe(1);
    expect(value('concord_commands_total{type="startExercise",outcome="not_facilitator"}')).toBe(1);
    expect(value('concord_command_duration_seconds_count{type="startExercise"}')).toBe(2);
    expect(value('concord_command_duration_seconds_bucket{le="+Inf",type="startExercise"}')).toBe(2);
    expect(value('concord_store_append_duration_seconds_count{store="memory"}')).toBeGreaterThanOrEqual(1);
    expect(value("concord_rooms_online")).toBeGreaterThanOrEqual(1);
    expect(value("concord_seats_online")).toBe(2);
    expect(value("concord_event_loop_delay_seconds_count")).toBeGreaterThan(0);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
    await control.room.leave();
    await north.room.leave();
  });

  it("lets two /health readers read the same event-loop delay (reading resets nothing)", async () => {
    // More than a second of history (one-second windows), a 60 ms stall of the event loop,
    // then two readers one after the other.
    await new Promise((r) => setTimeout(r, 1200));
    const until = performance.now() + 60;
    while (performance.now() < until);
    await new Promise((r) => setTimeout(r, 30));
    const first = (await (await fetch(`${h.url}/health`)).json()).eventLoopDelay;
    await fetch(`${h.url}/metrics`);
    const second = (await (await fetch(`${h.url}/health`)).json()).eventLoopDelay;
    expect(first.maxMs).toBeGreaterThanOrEqual(50);
    expect(second.maxMs).toBeGreaterThanOrEqual(50);
    expect(second.samples).toBeGreaterThanOrEqual(first.samples);
    expect(first.windowSeconds).toBe(10);
    const short = (await (await fetch(`${h.url}/health?window=1`)).json()).eventLoopDelay;
    expect(short.windowSeconds).toBe(1);
    expect(short.samples).toBeLessThanOrEqual(second.samples);
    const wrong = await fetch(`${h.url}/health?window=0`);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.code).toBe("invalid_window");
  });

  it("answers /ready 200 while the store answers", async () => {
    const res = await fetch(`${h.url}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", store: { kind: "memory", ok: true }, redis: null });
  });
});

describe("/ready", () => {
  it("answers 503 when the SQLite store is down, and says so in the log", async () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-ready-"));
    const lines: Line[] = [];
    const store = await SqliteStore.open(join(dir, "concord.db"), { lock: false });
    const h = await startHarness({ store, log: jsonLogger((line) => lines.push(JSON.parse(line)), "info") });
    try {
      expect((await fetch(`${h.url}/ready`)).status).toBe(200);
      await store.close();
      const res = await fetch(`${h.url}/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "unavailable", store: { kind: "sqlite", ok: false, problem: "unreachable" } });
      expect(lines.find((l) => l.message === "not ready")).toMatchObject({ level: "warn", store: "the SQLite store is closed" });
      // Alive all the same: /health is for the process, /ready for what it depends on.
      expect((await fetch(`${h.url}/health`)).status).toBe(200);
    } finally {
      await h.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers 503 when Redis does not answer or refuses", async () => {
    const serve = async (redis: { ping(): Promise<unknown> }) => {
      const app = express();
      mountHealth(app, { store: new MemoryStore(), redis, version: "test", startedAt: Date.now(), log: jsonLogger(() => {}) });
      const server = app.listen(0, "127.0.0.1");
      await new Promise((r) => server.once("listening", r));
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
    };
    const refusing = await serve({ ping: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379")) });
    const silent = await serve({ ping: () => new Promise(() => {}) });
    const fine = await serve({ ping: async () => "PONG" });
    try {
      const a = await fetch(`${refusing.url}/ready`);
      expect(a.status).toBe(503);
      expect(await a.json()).toMatchObject({ store: { ok: true }, redis: { ok: false, problem: "unreachable" } });
      const b = await fetch(`${silent.url}/ready`);
      expect(b.status).toBe(503);
      expect(await b.json()).toMatchObject({ redis: { ok: false, problem: "timeout" } });
      expect((await fetch(`${fine.url}/ready`)).status).toBe(200);
    } finally {
      await Promise.all([refusing.close(), silent.close(), fine.close()]);
    }
  });
});
