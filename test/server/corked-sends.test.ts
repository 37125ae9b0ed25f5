import { describe, it, expect } from "vitest";
import type { Client } from "@colyseus/core";
import { withCorkedSockets } from "../../server/rooms/corked-sends.ts";

function fakeClient(log: string[], name: string, socket = true): Client {
  return { ref: socket ? { _socket: { cork: () => log.push(`cork ${name}`), uncork: () => log.push(`uncork ${name}`) } } : {} } as unknown as Client;
}

describe("corked sends", () => {
  it("holds each client's frames until the sends are done, then writes them", () => {
    const log: string[] = [];
    withCorkedSockets([fakeClient(log, "a"), fakeClient(log, "b")], () => log.push("send"));
    expect(log).toEqual(["cork a", "cork b", "send", "uncork a", "uncork b"]);
  });

  it("uncorks even when a send throws, so no client is left silent", () => {
    const log: string[] = [];
    expect(() => withCorkedSockets([fakeClient(log, "a")], () => { throw new Error("encode failed"); })).toThrow("encode failed");
    expect(log).toEqual(["cork a", "uncork a"]);
  });

  it("leaves a transport without a socket to cork alone", () => {
    const log: string[] = [];
    withCorkedSockets([fakeClient(log, "a", false)], () => log.push("send"));
    expect(log).toEqual(["send"]);
  });
});
