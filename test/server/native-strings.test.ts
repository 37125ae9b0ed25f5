import { describe, it, expect } from "vitest";
import { Decoder, encode, Encoder, type MapSchema, schema, t } from "@colyseus/schema";
import { encodeLongStringsNatively, NATIVE_FROM, writeString } from "../../server/rooms/native-strings.ts";

/** The library's own encoder, taken before anything is installed. */
const libraryString = encode.string;

function written(write: typeof writeString, value: string, size = Buffer.byteLength(value) + 8): { bytes: Uint8Array; offset: number; returned: number } {
  const bytes = new Uint8Array(size);
  const it = { offset: 3 };
  const returned = write(bytes as never, value, it);
  return { bytes, offset: it.offset, returned };
}

const samples = [
  "",
  "nordvik",
  "x".repeat(NATIVE_FROM - 1), // still the library's loop
  "x".repeat(NATIVE_FROM),
  "y".repeat(255),
  "z".repeat(256), // str 16
  "w".repeat(70_000), // str 32
  JSON.stringify({ id: "t12", moves: ["Öl läuft aus — 油 spreads 🛢️ towards Sudland's coast.".repeat(3)] }),
  "é".repeat(40) + "中文".repeat(30) + "🙂".repeat(20),
];

describe("long strings written by the platform's UTF-8 encoder", () => {
  it("writes the bytes, the offset and the size the library writes, for every length and script", () => {
    for (const value of samples) {
      const ours = written(writeString, value);
      const library = written(libraryString as typeof writeString, value);
      expect(ours.offset).toBe(library.offset);
      expect(ours.returned).toBe(library.returned);
      expect(Buffer.from(ours.bytes).equals(Buffer.from(library.bytes))).toBe(true);
    }
  });

  it("moves the offset past a buffer too short, so that the encoder sees the overflow and encodes again", () => {
    const value = "q".repeat(500);
    const ours = written(writeString, value, 100);
    expect(ours.offset).toBe(3 + 3 + 500);
  });

  it("writes a lone surrogate as U+FFFD, the length its header announces", () => {
    const value = "a".repeat(NATIVE_FROM) + "\ud800b";
    const ours = written(writeString, value);
    const length = Buffer.byteLength(value);
    expect(ours.offset).toBe(3 + 2 + length);
    expect(Buffer.from(ours.bytes.subarray(5, 5 + length)).toString("utf8")).toBe("a".repeat(NATIVE_FROM) + "\ufffdb");
  });

  it("is what a map of strings is encoded with once installed, and the state decodes the same", () => {
    encodeLongStringsNatively();
    expect(encode.string).toBe(writeString);
    const Docs = schema({ docs: t.map("string") }, "NativeStringsDocs");
    const state = new Docs();
    for (const [i, value] of samples.entries()) state.docs.set(String(i), value);
    const bytes = new Encoder(state).encodeAll();
    const copy = new Docs();
    new Decoder(copy).decode(bytes);
    expect([...(copy.docs as MapSchema<string>).values()]).toEqual(samples);
  });
});
