import { performance } from "node:perf_hooks";
import { Client, Room as SdkRoom } from "@colyseus/sdk";
import { WebSocket } from "ws";
import { startConcord, startEcho, startColyseusBaseline, stopServer } from "./processes.ts";
import { startReceivers, expectDeliveries, stopReceivers } from "./fanout-receivers.ts";
import { percentile, result, NO_TARGET, type BenchResult } from "./stats.ts";
import { installStringDecoding } from "../client/src/net/string-decoding.ts";

// The SDK rooms below stand in for browsers: they decode the state as the browser client does.
installStringDecoding();

const CONCORD_PORT = 2641;
const FANOUT_SEATS = 30;
/** Receiver processes for the fan-out: one per core, so that they decode in parallel with each other. */
const FANOUT_PROCESSES = 2;
const FANOUT_ROUNDS = 5;
const ECHO_PORT = 2642;
const COLYSEUS_PORT = 2643;

/** Bytes each SDK room receives, counted at the socket. */
const received = new WeakMap<object, number>();
const originalOnMessage = (SdkRoom.prototype as any).onMessageCallback;
(SdkRoom.prototype as any).onMessageCallback = function (this: object, event: MessageEvent) {
  received.set(this, (received.get(this) ?? 0) + ((event.data as ArrayBuffer).byteLength ?? 0));
  return originalOnMessage.call(this, event);
};

type Seat = { room: any; send(command: unknown): Promise<any> };
let counter = 0;
function seat(room: any): Seat {
  const waiting = new Map<string, (r: any) => void>();
  room.onMessage("result", (r: any) => r.id && waiting.get(r.id)?.(r));
  for (const type of ["welcome", "ping", "viewChanged", "joinCodes"]) room.onMessage(type, () => {});
  return {
    room,
    send(command) {
      const id = `b${++counter}`;
      return new Promise((resolve) => {
        waiting.set(id, (r) => (waiting.delete(id), resolve(r)));
        room.send("command", { id, command });
      });
    },
  };
}

const nextChange = (room: any) => new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));

export async function runNetBench({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const concord = await startConcord(CONCORD_PORT, { SCENARIOS_DIR: "scenarios", CONCORD_LOG_LEVEL: "warn" });
  const echo = await startEcho(ECHO_PORT);
  const colyseus = await startColyseusBaseline(COLYSEUS_PORT);
  try {
    const url = `http://127.0.0.1:${CONCORD_PORT}`;
    const created = await (
      await fetch(`${url}/api/exercises`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId: "northern-flank" }),
      })
    ).json();
    const sdk = new Client(url);
    const code = (n: string) => created.joinCodes.find((c: any) => c.nation === n).code;
    const control = seat(await sdk.joinById(created.id, { token: created.facilitatorToken, name: "Control" }));
    const alice = seat(await sdk.joinById(created.id, { code: code("nordvik"), name: "Alice" }));
    const bob = seat(await sdk.joinById(created.id, { code: code("nordvik"), name: "Bob" }));
    await control.send({ type: "startExercise" });
    // The baseline of #23: the same three seats in a tutorial-style Colyseus room (colyseus-room.ts).
    const plain = new Client(`http://127.0.0.1:${COLYSEUS_PORT}`);
    const plainAlice = seat(await plain.create("flank", { nation: "nordvik", name: "Alice" }));
    const plainBob = seat(await plain.joinById(plainAlice.room.roomId, { nation: "nordvik", name: "Bob" }));
    const plainControl = seat(await plain.joinById(plainAlice.room.roomId, { nation: "", name: "Control" }));

    // 1. Command round trip, the framework's floor and the two bare-ws baselines, interleaved
    // round by round, so that all four see the same machine: on a shared VM the speed drifts by
    // tens of percent within a minute, and four back-to-back loops would compare different moments.
    const socket = new WebSocket(`ws://127.0.0.1:${ECHO_PORT}`);
    await new Promise((r) => socket.once("open", r));
    const relayed = await Promise.all(
      [0, 1, 2].map(async () => {
        const s = new WebSocket(`ws://127.0.0.1:${ECHO_PORT}/relay`);
        await new Promise((r) => s.once("open", r));
        return s;
      }),
    );
    const [sender, mate] = relayed as [WebSocket, WebSocket, WebSocket];
    const payload = Buffer.alloc(120, 7);
    // Alice drafts or withdraws an order; done when her reply AND Bob's patch are in. A draft's
    // bytes at Bob (its patch: he gets no reply) are kept for the wire row.
    const draftBytes = { concord: [] as number[], colyseus: [] as number[] };
    const drafter = (sender: Seat, mate: Seat, lastDraft: () => string, bytes: number[]) => {
      let draftId: string | null = null;
      return async () => {
        const command = draftId
          ? { type: "withdrawDraft", draft: draftId }
          : { type: "draftOrder", order: { kind: "setMission", asset: "nv-frigate-1", mission: "patrol" } };
        const patched = nextChange(mate.room);
        const before = received.get(mate.room) ?? 0;
        const t = performance.now();
        const [reply] = await Promise.all([sender.send(command), patched]);
        const elapsed = performance.now() - t;
        if (!reply.ok) throw new Error(`bench command refused: ${reply.message ?? reply.code}`);
        if (!draftId) bytes.push((received.get(mate.room) ?? 0) - before);
        // The sender's patch precedes its reply on its socket, so its state holds the new draft.
        draftId = draftId ? null : lastDraft();
        return elapsed;
      };
    };
    const probes = {
      command: drafter(
        alice,
        bob,
        () => [...alice.room.state.perspectives.get("nordvik").drafts.values()].find((d: any) => d.author === "Alice").id,
        draftBytes.concord,
      ),
      // The same command in the tutorial-style Colyseus room: the baseline Concord must not lose to.
      colyseus: drafter(plainAlice, plainBob, () => [...plainAlice.room.state.drafts.keys()].at(-1)!, draftBytes.colyseus),
      // The framework's own floor: a room message answered at once ("whoami" → "welcome").
      roomEcho: async () => {
        const t = performance.now();
        await new Promise<void>((resolve) => {
          const off = alice.room.onMessage("welcome", () => (off(), resolve()));
          alice.room.send("whoami");
        });
        return performance.now() - t;
      },
      echo: async () => {
        const t = performance.now();
        await new Promise<void>((resolve) => {
          socket.once("message", () => resolve());
          socket.send(payload);
        });
        return performance.now() - t;
      },
      // The same frames without the room: a small frame to each of three sockets, then a reply to the sender.
      relay: async () => {
        const t = performance.now();
        await Promise.all([
          new Promise<void>((resolve) => {
            const on = (_data: Buffer, isBinary: boolean) => !isBinary && (sender.off("message", on), resolve());
            sender.on("message", on);
          }),
          new Promise<void>((resolve) => mate.once("message", () => resolve())),
          Promise.resolve(sender.send("relay")),
        ]);
        return performance.now() - t;
      },
    };
    // Long enough a warm-up for V8 to optimise the room's pipeline (the echo needs none).
    const warmup = quick ? 400 : 1000;
    const iterations = quick ? 1000 : 3000;
    const samples = { command: [] as number[], colyseus: [] as number[], roomEcho: [] as number[], echo: [] as number[], relay: [] as number[] };
    for (let i = 0; i < warmup + iterations; i++) {
      for (const name of ["command", "colyseus", "roomEcho", "echo", "relay"] as const) {
        const elapsed = await probes[name]();
        if (i >= warmup) samples[name].push(elapsed);
      }
    }
    for (const s of relayed) s.close();
    const { command: rtt, colyseus: plainRtt, roomEcho, echo: echoRtt, relay: relayRtt } = samples;
    await Promise.all([plainAlice, plainBob, plainControl].map((s) => s.room.leave().catch(() => undefined)));

    // 3. Bytes per action at a nation client and at the white cell, against the full state as JSON.
    const actions: unknown[] = [];
    for (let i = 0; i < (quick ? 20 : 60); i++) {
      actions.push({ type: "adjustState", effects: [{ kind: "stability", region: "holm", delta: i % 2 ? 1 : -1 }], rationale: "bench" });
      actions.push({ type: "setTurnTimer", seconds: 600 + (i % 2) });
      actions.push({ type: "adjustState", effects: [{ kind: "readiness", nation: "nordvik", delta: i % 2 ? 1 : -1 }], rationale: "bench" });
      actions.push({ type: "adjustState", effects: [{ kind: "trust", a: "nordvik", b: "kaldmark", delta: i % 2 ? 1 : -1 }], rationale: "bench" });
    }
    const perActionNation: number[] = [];
    const perActionWhite: number[] = [];
    for (const action of actions) {
      const beforeNation = received.get(bob.room) ?? 0;
      const beforeWhite = received.get(control.room) ?? 0;
      const patched = Promise.all([nextChange(bob.room), nextChange(control.room)]);
      await control.send(action);
      await Promise.race([patched, new Promise((r) => setTimeout(r, 200))]);
      perActionNation.push((received.get(bob.room) ?? 0) - beforeNation);
      perActionWhite.push((received.get(control.room) ?? 0) - beforeWhite);
    }
    const state = await (await fetch(`${url}/api/exercises/${created.id}/state`, { headers: { authorization: `Bearer ${created.facilitatorToken}` } })).text();
    // The white cell's reply message is included in its bytes; subtract nothing: it is on the wire too.
    const medianNation = percentile(perActionNation, 50);
    const medianWhite = percentile(perActionWhite, 50);

    // 4. Inject fan-out to 30 seats vs a raw ws send loop to 30 sockets. The receivers live in
    // child processes (bench/fanout-seats.ts), as seats live in separate browsers; the baseline's
    // sockets are spread over the same number of processes.
    const fanNations = Array.from({ length: FANOUT_SEATS }, (_, i) => ["nordvik", "kaldmark", "sarnia", "valdoria"][i % 4]!);
    const seatsOf = (p: number) => fanNations.map((nation, i) => ({ nation, code: code(nation), name: `P${i}` })).filter((_, i) => i % FANOUT_PROCESSES === p);
    const concordReceivers = await Promise.all(
      Array.from({ length: FANOUT_PROCESSES }, (_, p) => startReceivers({ type: "concord", url, exerciseId: created.id, seats: seatsOf(p) })),
    );
    const rawReceivers = await Promise.all(
      Array.from({ length: FANOUT_PROCESSES }, (_, p) => startReceivers({ type: "raw", url: `ws://127.0.0.1:${ECHO_PORT}`, sockets: seatsOf(p).length })),
    );
    const injects = quick ? 40 : 120;
    // Pipelined like the raw loop below: exercise control fires every inject without waiting; done
    // when every seat holds all of them.
    const fire = async (count: number, label: string) => {
      const seen = await expectDeliveries(concordReceivers, count);
      const t = performance.now();
      const replies = [];
      for (let i = 0; i < count; i++)
        replies.push(
          control.send({
            type: "fireInject",
            inject: {
              number: `${label}.${i}`,
              type: "information",
              from: "Bench",
              to: "all",
              title: `Bench inject ${label} ${i}`,
              body: "Fan-out measurement.",
            },
          }),
        );
      await Promise.all([seen.all, ...replies]);
      return performance.now() - t;
    };
    const rawFire = async (count: number) => {
      const seen = await expectDeliveries(rawReceivers, count);
      const t = performance.now();
      socket.send(`fanout:${count}`); // the echo server also sends to this, its 31st socket
      await seen.all;
      return performance.now() - t;
    };
    await fire(10, "W"); // warm-up
    await rawFire(10);
    // One burst is at the mercy of a GC pause or a descheduled process (single bursts read
    // 0.4-1.3x here): bursts alternate with the baseline's, and each side's median counts.
    const concordMs: number[] = [];
    const rawMs: number[] = [];
    for (let round = 0; round < FANOUT_ROUNDS; round++) {
      concordMs.push(await fire(injects, `B${round}`));
      rawMs.push(await rawFire(injects));
    }
    const concordFanout = (injects * FANOUT_SEATS) / (percentile(concordMs, 50) / 1000);
    const rawFanout = (injects * FANOUT_SEATS) / (percentile(rawMs, 50) / 1000);
    await Promise.all([...concordReceivers, ...rawReceivers].map(stopReceivers));
    socket.close();
    // Left before the server is killed, or the SDK would try to reconnect them and say so.
    await Promise.all([control, alice, bob].map((s) => s.room.leave().catch(() => undefined)));

    return [
      // The echo ratios stay in the table without a target (#23): the frames alone cost more than 1.6× here.
      result(
        "roundtrip.command_to_patch_p50",
        percentile(rtt, 50),
        percentile(echoRtt, 50),
        "ms",
        NO_TARGET,
        "ratio",
        "command sent → reply at the sender and patch applied at a team-mate, vs bare ws echo",
      ),
      result("roundtrip.command_to_patch_p99", percentile(rtt, 99), percentile(echoRtt, 99), "ms", NO_TARGET, "ratio"),
      result(
        "roundtrip.command_vs_frame_relay_p50",
        percentile(rtt, 50),
        percentile(relayRtt, 50),
        "ms",
        "<= 2",
        "ratio",
        "the command round trip vs a bare ws server sending the same frames (one to each of three sockets, then a reply): the cost of the room itself (#23)",
      ),
      result("roundtrip.command_vs_frame_relay_p99", percentile(rtt, 99), percentile(relayRtt, 99), "ms", "<= 3", "ratio", "the same at p99 (#23)"),
      result(
        "roundtrip.command_vs_colyseus_room_p50",
        percentile(rtt, 50),
        percentile(plainRtt, 50),
        "ms",
        "<= 1.2",
        "ratio",
        "the command round trip vs the same command in a tutorial-style Colyseus room (bench/colyseus-room.ts: one Schema state, rules in onMessage, broadcastPatch() after each message; no log, no validation, no per-nation view), three clients, interleaved (#23)",
      ),
      result("roundtrip.command_vs_colyseus_room_p99", percentile(rtt, 99), percentile(plainRtt, 99), "ms", NO_TARGET, "ratio", "the same at p99"),
      result(
        "wire.draft_patch_bytes_at_teammate_median",
        percentile(draftBytes.concord, 50),
        percentile(draftBytes.colyseus, 50),
        "bytes",
        "<= 100",
        "value",
        "bytes a team-mate receives for a draft (its patch), median; baseline: the same draft in the tutorial-style Colyseus room (#23)",
      ),
      result(
        "roundtrip.room_message_echo_p50",
        percentile(roomEcho, 50),
        percentile(echoRtt, 50),
        "ms",
        NO_TARGET,
        "ratio",
        "a room message answered at once (whoami → welcome): the framework's floor, no command pipeline; vs bare ws echo",
      ),
      result(
        "wire.bytes_per_single_entity_action_median",
        medianNation,
        null,
        "bytes",
        "<= 32",
        "value",
        "median bytes received by a nation client per action (region, timer, readiness, trust changes)",
      ),
      result(
        "wire.full_state_json_vs_action",
        state.length,
        medianNation,
        "bytes",
        ">= 1000",
        "ratio",
        "full white-cell state as JSON divided by the median bytes per action",
      ),
      result(
        "wire.nation_stream_vs_white_cell",
        medianNation,
        medianWhite,
        "bytes",
        "<= 1.2",
        "ratio",
        "per-nation filtered stream vs the white cell's (unfiltered) stream for the same actions",
      ),
      result(
        "fanout.inject_to_30_clients",
        concordFanout,
        rawFanout,
        "deliveries/s",
        ">= 0.7",
        "ratio",
        `injects fired back to back by exercise control until all 30 seats (in ${FANOUT_PROCESSES} receiver processes) hold every one, vs a raw ws send loop of 200-byte messages to 30 sockets in as many processes; median of ${FANOUT_ROUNDS} alternating bursts each`,
      ),
    ];
  } finally {
    await stopServer(concord);
    echo.kill("SIGKILL");
    colyseus.kill("SIGKILL");
  }
}
