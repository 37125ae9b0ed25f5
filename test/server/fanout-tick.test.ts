import { describe, it, expect, vi, afterEach } from "vitest";
import type { Client } from "@colyseus/core";
import { FanoutTick } from "../../server/rooms/fanout-tick.ts";

/**
 * A socket that counts corks as a Writable does: frames written while corked wait, and the
 * last uncork writes them all in one go (one entry in `writes`).
 */
function fakeSocket() {
  const socket = {
    corked: 0,
    buffered: [] as string[],
    writes: [] as string[][],
    get writableLength() {
      return socket.buffered.length;
    },
    cork() {
      socket.corked++;
    },
    uncork() {
      if (socket.corked === 0) return;
      if (--socket.corked === 0 && socket.buffered.length > 0) socket.writes.push(socket.buffered.splice(0));
    },
    write(frame: string) {
      if (socket.corked > 0) socket.buffered.push(frame);
      else socket.writes.push([frame]);
    },
  };
  return socket;
}
type FakeSocket = ReturnType<typeof fakeSocket>;
const clientOf = (socket: FakeSocket) => ({ ref: { _socket: socket } }) as unknown as Client;

function room(count: number, seats: number) {
  const sockets = Array.from({ length: count }, fakeSocket);
  const clients = sockets.map(clientOf);
  const fanout = new FanoutTick({ clients: () => clients, seats, tickMs: 25, chunk: 2 });
  return { sockets, clients, fanout };
}

afterEach(() => vi.useRealTimers());

describe("fan-out tick", () => {
  it("writes the sender's patch and reply at once and a bystander's frames of several flushes in one write at the tick", () => {
    vi.useFakeTimers();
    const {
      sockets: [alice, bob, control],
      clients,
      fanout,
    } = room(3, 3);
    fanout.send([clients[0]!], () => {
      for (const s of [alice!, bob!, control!]) s.write("patch 1");
      alice!.write("reply 1");
    });
    expect(alice!.writes).toEqual([["patch 1", "reply 1"]]);
    expect(bob!.writes).toEqual([]);
    fanout.send([clients[1]!], () => {
      for (const s of [bob!, control!]) s.write("patch 2");
      bob!.write("reply 2");
    });
    // Bob's own command: what he was owed from the first flush goes first, then his patch and reply, in one write.
    expect(bob!.writes).toEqual([["patch 1", "patch 2", "reply 2"]]);
    expect(control!.writes).toEqual([]);
    vi.advanceTimersByTime(25);
    vi.runAllTimers();
    expect(control!.writes).toEqual([["patch 1", "patch 2"]]);
    expect(control!.corked).toBe(0);
  });

  it("writes the repliers first, then their team-mates, then everyone else", () => {
    const { sockets, clients, fanout } = room(4, 10);
    const [control, observer, alice, bob] = sockets as [FakeSocket, FakeSocket, FakeSocket, FakeSocket];
    const order: string[] = [];
    for (const [name, socket] of [
      ["control", control],
      ["observer", observer],
      ["alice", alice],
      ["bob", bob],
    ] as const) {
      const uncork = socket.uncork;
      socket.uncork = () => {
        const before = socket.writes.length;
        uncork();
        if (socket.writes.length > before) order.push(name);
      };
    }
    fanout.send([clients[2]!], () => {
      for (const s of sockets) s.write("patch");
      alice.write("reply");
    }, [clients[3]!]);
    expect(order).toEqual(["alice", "bob", "control", "observer"]);
  });

  it("writes every socket at once under the threshold, as before", () => {
    vi.useFakeTimers();
    const {
      sockets: [alice, bob],
      clients,
      fanout,
    } = room(2, 3);
    fanout.send([clients[0]!], () => {
      alice!.write("patch");
      bob!.write("patch");
      alice!.write("reply");
      bob!.write("ping");
    });
    expect(alice!.writes).toEqual([["patch", "reply"]]);
    expect(bob!.writes).toEqual([["patch", "ping"]]);
    expect([alice!.corked, bob!.corked]).toEqual([0, 0]);
  });

  it("leaves a socket it wrote nothing to uncorked", () => {
    vi.useFakeTimers();
    const {
      sockets: [alice, bob],
      clients,
      fanout,
    } = room(2, 1);
    fanout.send([clients[0]!], () => alice!.write("reply"));
    expect(bob!.corked).toBe(0);
    bob!.write("later");
    expect(bob!.writes).toEqual([["later"]]);
  });

  it("lets the sockets go a chunk per turn of the event loop, and holds frames written meanwhile for the next tick", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate"] });
    const { sockets, fanout } = room(5, 1);
    fanout.send([], () => sockets.forEach((s) => s.write("patch 1")));
    vi.advanceTimersByTime(25);
    // The first chunk (2 sockets) is written; the rest wait for the next turn.
    expect(sockets.map((s) => s.writes.length)).toEqual([1, 1, 0, 0, 0]);
    fanout.send([], () => sockets.forEach((s) => s.write("patch 2")));
    vi.runAllTimers();
    expect(sockets[0]!.writes).toEqual([["patch 1"], ["patch 2"]]);
    // Not yet let go when the second flush came: both patches in one write.
    expect(sockets[4]!.writes).toEqual([["patch 1", "patch 2"]]);
    expect(sockets.every((s) => s.corked === 0)).toBe(true);
  });

  it("writes what it holds when the room goes", () => {
    vi.useFakeTimers();
    const {
      sockets: [alice],
      fanout,
    } = room(1, 1);
    fanout.send([], () => alice!.write("patch"));
    expect(alice!.writes).toEqual([]);
    fanout.dispose();
    expect(alice!.writes).toEqual([["patch"]]);
  });
});
