import { describe, it, expect, afterEach } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import { startServerProcess, type ServerProcess } from "./process.ts";
import { seatFor, within } from "./harness.ts";

const PORT = 2611;
let running: ServerProcess | null = null;
afterEach(async (context) => {
  if (context.task.result?.state === "fail" && running) console.error(`server output:\n${running.output().slice(-4000)}`);
  await running?.stop("SIGKILL");
  running = null;
});

describe("crash recovery", () => {
  it("keeps every acknowledged event through SIGKILL and lets play go on", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "concord-crash-"));
    try {
      running = await startServerProcess(PORT, { DATA_DIR: dataDir });
      const created = await (
        await within(
          fetch(`${running.url}/api/exercises`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ scenarioId: "tiny" }),
          }),
          5000,
          "create exercise",
        )
      ).json();
      const sdk = new Client(running.url);
      const control = await within(sdk.joinById(created.id, { token: created.facilitatorToken, name: "Control" }).then(seatFor), 8000, "facilitator join");
      const alice = await within(sdk.joinById(created.id, { code: created.joinCodes[0].code, name: "Alice" }).then(seatFor), 8000, "participant join");
      expect((await control.send({ type: "startExercise" })).ok).toBe(true);

      // Commands keep flowing while the process is killed; only acknowledged ones must survive.
      const acked: { seq: number; text: string }[] = [];
      let i = 0;
      const flow = (async () => {
        for (;;) {
          const text = `order of the day ${++i}`;
          const reply = await alice.send({ type: "sendMessage", channel: "team:north", text }).catch(() => null);
          if (!reply) return;
          if (reply.ok) acked.push({ seq: reply.seq!, text });
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const waitStart = Date.now();
      while (acked.length < 25) {
        if (Date.now() - waitStart > 10_000) throw new Error(`only ${acked.length} commands acknowledged in 10 s (sent ${i})`);
        await new Promise((r) => setTimeout(r, 5));
      }
      await running.stop("SIGKILL");
      await within(flow, 10_000, "command flow to stop after the kill");
      running = null;

      running = await startServerProcess(PORT, { DATA_DIR: dataDir });
      const res = await within(
        fetch(`${running.url}/api/exercises/${created.id}/events`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } }),
        5000,
        "read the log",
      );
      const { events } = await res.json();
      const bySeq = new Map(events.map((e: any) => [e.seq, e]));
      for (const { seq, text } of acked) expect((bySeq.get(seq) as any)?.message?.text, `acknowledged seq ${seq}`).toBe(text);
      expect(events.map((e: any) => e.seq)).toEqual(events.map((_: unknown, k: number) => k + 1));

      // The same seat comes back with its token and the exercise goes on.
      const sdk2 = new Client(running.url);
      const again = await within(sdk2.joinById(created.id, { seat: alice.welcome.seat }).then(seatFor), 8000, "rejoin with the seat token");
      expect(again.welcome.nation).toBe("north");
      expect(again.room.state.phase).toBe("running");
      const next = await again.send({ type: "sendMessage", channel: "team:north", text: "after the crash" });
      expect(next).toMatchObject({ ok: true, seq: events.length + 1 });
      await again.room.leave();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("shuts down cleanly on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "concord-term-"));
    try {
      running = await startServerProcess(PORT, { DATA_DIR: dataDir });
      const code = await running.stop("SIGTERM");
      running = null;
      expect(code).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("names the port when it is already taken", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "concord-port-"));
    try {
      running = await startServerProcess(PORT, { DATA_DIR: dataDir });
      await expect(startServerProcess(PORT, { DATA_DIR: dataDir })).rejects.toThrow(/Port 2611 is already in use/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
