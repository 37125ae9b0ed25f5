import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, createExercise, joinSeat, codeOf, readAs, brokenInvariants, sleep, Rng, type Server, type Seat } from "./support.ts";

/**
 * Crash campaign: scripted play by two nations and exercise control against a server with the
 * SQLite store, killed with SIGKILL at a seeded random moment, restarted on the same data
 * directory, `rounds` times. After every restart: each acknowledged command is in the log
 * exactly once and no later than its acknowledged seq, the log has no gaps, the state keeps its
 * invariants, every seat rejoins with its seat token and the exercise goes on from where it was.
 * Used by `test/reliability/crash.test.ts` (3 rounds) and `npm run soak` (20 rounds).
 */
export type CampaignResult = { problems: string[]; acknowledged: number; events: number; rounds: string[] };

type Player = { token: string; seat: Seat | null; name: string; command: (n: number, marker: string) => unknown };

export async function crashCampaign(options: { rounds: number; seed: number; port: number; log?: (line: string) => void }): Promise<CampaignResult> {
  const { rounds, seed, port } = options;
  const log = options.log ?? (() => undefined);
  const rng = new Rng(seed);
  const dataDir = mkdtempSync(join(tmpdir(), "concord-crash-campaign-"));
  const env = { CONCORD_STORE: "sqlite", DATA_DIR: dataDir, CONCORD_COMMANDS_PER_SECOND: "1000" };
  const problems: string[] = [];
  const summaries: string[] = [];
  /** marker → the seq the server acknowledged for the command carrying it. */
  const acked = new Map<string, number>();
  let server: Server | null = await startServer(port, env);
  try {
    const url = server.url;
    const ex = await createExercise(url);
    const first = (options: Record<string, unknown>) => joinSeat(url, ex.id, options);
    const players: Player[] = [];
    const add = async (options: Record<string, unknown>, command: Player["command"]) => {
      const seat = await first(options);
      players.push({ token: seat.welcome.seat, seat, name: seat.welcome.name, command });
    };
    await add({ token: ex.facilitatorToken, name: "Control" }, (n, marker) =>
      n % 3 === 0
        ? { type: "adjustState", effects: [{ kind: "stability", region: "island", delta: n % 2 ? 1 : -1 }], rationale: marker }
        : { type: "addNote", text: marker },
    );
    await add({ code: codeOf(ex, "north"), name: "Alice" }, (_n, marker) => ({ type: "sendMessage", channel: "team:north", text: marker }));
    await add({ code: codeOf(ex, "south"), name: "Bob" }, (_n, marker) => ({
      type: "sendMessage",
      channel: rn(rng) ? "alliance" : "team:south",
      text: marker,
    }));
    if (!(await players[0]!.seat!.send({ type: "startExercise" })).ok) throw new Error("could not start the exercise");

    let lastSeq = 0;
    for (let round = 1; round <= rounds; round++) {
      // Every seat (back) in, and the exercise continues: one command each, in sequence.
      for (const p of players) {
        if (!p.seat) p.seat = await rejoin(url, ex.id, p.token);
        (p.seat.room as any).reconnection.maxRetries = 0;
        const marker = `r${round}-${p.name}-resume`;
        const reply = await p.seat.send(p.command(0, marker));
        if (!reply.ok) problems.push(`round ${round}: ${p.name}'s first command after the restart was refused: ${reply.code} ${reply.message}`);
        else {
          if (reply.seq! <= lastSeq) problems.push(`round ${round}: ${p.name} got seq ${reply.seq} after seq ${lastSeq}`);
          lastSeq = reply.seq!;
          acked.set(marker, reply.seq!);
        }
      }
      if (round > 1 && players[1]!.seat!.room.state.phase !== "running")
        problems.push(`round ${round}: phase ${players[1]!.seat!.room.state.phase} after the restart`);

      // Play, each seat as fast as its replies come back, until the kill.
      let killed = false;
      const pending = new Map<string, string>(); // command id → marker
      for (const p of players) {
        p.seat!.room.onMessage("result", (r: { id: string; ok: boolean; seq?: number }) => {
          const marker = pending.get(r.id);
          if (marker && r.ok) acked.set(marker, r.seq!);
        });
      }
      const loops = players.map(async (p, k) => {
        for (let n = 1; !killed; n++) {
          const id = `c${round}-${k}-${n}`;
          const marker = `r${round}-${p.name}-${n}`;
          pending.set(id, marker);
          const before = p.seat!.results.length;
          p.seat!.room.send("command", { id, command: p.command(n, marker) });
          while (!killed && p.seat!.results.length === before) await sleep(2);
          await sleep(rng.int(10));
        }
      });
      const playMs = 150 + rng.int(850);
      await sleep(playMs);
      await server.stop("SIGKILL");
      killed = true;
      await Promise.all(loops);
      await sleep(50); // replies already on the wire still count as acknowledged
      for (const p of players) p.seat = null;

      server = await startServer(port, env);
      const { events } = await readAs<{ events: { seq: number; type: string }[] }>(url, ex, "/events");
      const state = await readAs(url, ex, "/state");
      const texts = events.map((e) => JSON.stringify(e));
      let lost = 0;
      for (const [marker, seq] of acked) {
        const at = texts.map((t, i) => (t.includes(`"${marker}"`) ? i + 1 : 0)).filter(Boolean);
        if (at.length !== 1 || at[0]! > seq) {
          lost++;
          if (lost <= 5) problems.push(`round ${round}: acknowledged ${marker} (seq ${seq}) found at ${JSON.stringify(at)}`);
        }
      }
      problems.push(...brokenInvariants(state, events).map((b) => `round ${round}: ${b}`));
      lastSeq = events.length;
      const line = `crash round ${round}: killed after ${playMs} ms of play; ${acked.size} acknowledged so far, ${events.length} events in the log, ${lost} lost`;
      summaries.push(line);
      log(line);
    }

    // The last word: play goes on after the final restart.
    const alice = await rejoin(url, ex.id, players[1]!.token);
    const reply = await alice.send({ type: "sendMessage", channel: "team:north", text: "after the last crash" });
    if (!reply.ok || reply.seq !== lastSeq + 1) problems.push(`after the last restart: ${JSON.stringify(reply)} (expected seq ${lastSeq + 1})`);
    await alice.room.leave().catch(() => undefined);
    return { problems, acknowledged: acked.size, events: lastSeq + 1, rounds: summaries };
  } catch (error) {
    problems.push(`campaign stopped: ${(error as Error).stack ?? error}\nserver output (tail): ${server?.output().slice(-2000)}`);
    return { problems, acknowledged: acked.size, events: 0, rounds: summaries };
  } finally {
    await server?.stop("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rn = (rng: Rng) => rng.chance(0.5);

/**
 * A seat back in after a restart, as the browser does it: a request that fails on the network
 * (the HTTP client may still hold a keep-alive connection to the killed process) is tried again.
 */
async function rejoin(url: string, exerciseId: string, token: string): Promise<Seat> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await joinSeat(url, exerciseId, { seat: token });
    } catch (error) {
      if (attempt >= 5 || !/fetch failed|ECONNRESET|ECONNREFUSED|socket/i.test(String(error))) throw error;
      await sleep(200 * attempt);
    }
  }
}
