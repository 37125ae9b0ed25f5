import { describe, it, expect } from "vitest";
import { decode, encode } from "@colyseus/schema";
import { installStringDecoding, readString } from "../../client/src/net/string-decoding.ts";

/** The library's own decoder, taken before anything is installed. */
const libraryString = decode.string;

/** Encodes with the schema library's own encoder, as the server does, followed by a marker byte. */
function wire(value: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.byteLength(value) + 8);
  const it = { offset: 0 };
  encode.string(bytes as any, value, it);
  bytes[it.offset] = 0x7f; // the next field's first byte: must be where the decoder stops
  return bytes.subarray(0, it.offset + 1);
}

const samples = [
  "",
  "nordvik",
  "x".repeat(31), // the longest fixstr: still the library's loop
  "x".repeat(32), // the shortest str 8
  "y".repeat(255),
  "z".repeat(256), // str 16
  "w".repeat(70_000), // str 32
  JSON.stringify({ id: "i12", title: "Tanker aground in the Central Sea", body: "Öl läuft aus — 油 spreads 🛢️ towards Sudland's coast." }),
  "é".repeat(40) + "中文".repeat(30) + "🙂".repeat(20),
];

describe("string decoding for the state's JSON records", () => {
  it("decodes every length and script exactly as the library does, and stops where it does", () => {
    for (const value of samples) {
      const bytes = wire(value);
      const ours = { offset: 0 };
      const library = { offset: 0 };
      expect(readString(bytes as any, ours)).toBe(value);
      expect(libraryString(bytes as any, library)).toBe(value);
      expect(ours.offset).toBe(library.offset);
      expect(bytes[ours.offset]).toBe(0x7f);
    }
  });

  it("reads a buffer cut short up to its end, as the library does", () => {
    const bytes = wire("q".repeat(100)).subarray(0, 60);
    const ours = { offset: 0 };
    const library = { offset: 0 };
    expect(readString(bytes as any, ours)).toBe("q".repeat(58));
    expect(libraryString(bytes as any, library)).toBe("q".repeat(58));
    expect(ours.offset).toBe(library.offset);
  });

  it("is what the schema decoder uses once installed", () => {
    installStringDecoding();
    expect(decode.string).toBe(readString);
  });
});
