import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Client } from "@colyseus/sdk";
import { installStringDecoding } from "../../client/src/net/string-decoding.ts";

// The seats decode strings as the browser client does (client/src/net/session.ts).
installStringDecoding();

/** New seats joined after the room is open (round the playable nations). */
export const JOINS = 12;

export type SeatJoins = { coldMs: number; joins: number[]; leave(): Promise<void> };

/**
 * The length bench's seats: the first one's join (which opens the room, or finds it loaded at
 * start), then JOINS new seats with their nations' codes, one after the other, each timed from
 * the request to its welcome and its first full state. Used by length.bench.ts and server-join.ts.
 */
export async function joinSeats(url: string, exerciseId: string, codes: string[]): Promise<SeatJoins> {
  const client = new Client(url);
  const rooms: { leave(consented?: boolean): Promise<unknown> }[] = [];
  const join = async (code: string, name: string) => {
    const t = performance.now();
    const room = await client.joinById(exerciseId, { code, name });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no welcome and state within 30 s")), 30_000);
      let welcomed = false;
      let stated = false;
      const done = () => welcomed && stated && (clearTimeout(timer), resolve());
      room.onMessage("welcome", () => ((welcomed = true), done()));
      room.onMessage("*", () => undefined);
      room.onStateChange.once(() => ((stated = true), done()));
      room.send("whoami");
    });
    rooms.push(room);
    return performance.now() - t;
  };
  const coldMs = await join(codes[0]!, "First officer");
  const joins: number[] = [];
  for (let i = 0; i < JOINS; i++) joins.push(await join(codes[(i + 1) % codes.length]!, `Officer ${i}`));
  return {
    coldMs,
    joins,
    leave: async () => {
      for (const room of rooms) await room.leave(true);
    },
  };
}

/** A process's resident set, from /proc (Linux). */
export function serverRssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
}
