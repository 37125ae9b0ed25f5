import { encode, registerType } from "@colyseus/schema";

/**
 * Strings from this many UTF-16 units on are written by the platform's UTF-8 encoder; shorter
 * ones (ids, names, most fields) stay with the library's loop, which costs less than a view.
 */
export const NATIVE_FROM = 64;

type Bytes = Parameters<typeof encode.string>[0];
type Iterator = Parameters<typeof encode.string>[2];

const utf8 = new TextEncoder();
const libraryString = encode.string;

/**
 * The schema encoder writes every string one UTF-16 unit at a time in JavaScript
 * (`utf8Write`). The JSON documents of a perspective (a team's turn cards, 650 KB at 100,000
 * events; its messages, reports) made that loop the server's largest cost during a seat's join
 * (1.7 s of 5 s busy for 13 joins, issue #23, Length). This writes the same msgpack string
 * (the header for Buffer.byteLength, then the bytes) with TextEncoder. For well-formed text the
 * bytes are the library's own; a lone surrogate becomes U+FFFD, which is what the header's
 * length (Buffer.byteLength) already counted, where the library's loop wrote another length.
 * Writes past the buffer's end are dropped, as the library's are, and the offset still moves
 * by the whole length: the encoder sees the overflow and encodes again in a bigger buffer.
 */
export function writeString(bytes: Bytes, value: string, it: Iterator): number {
  if (typeof value !== "string" || value.length < NATIVE_FROM || !ArrayBuffer.isView(bytes)) return libraryString(bytes, value, it);
  const length = Buffer.byteLength(value, "utf8");
  let size: number;
  if (length < 0x20) {
    bytes[it.offset++] = length | 0xa0;
    size = 1;
  } else if (length < 0x100) {
    bytes[it.offset++] = 0xd9;
    bytes[it.offset++] = length;
    size = 2;
  } else if (length < 0x10000) {
    bytes[it.offset++] = 0xda;
    bytes[it.offset++] = length & 255;
    bytes[it.offset++] = (length >> 8) & 255;
    size = 3;
  } else if (length < 0x100000000) {
    bytes[it.offset++] = 0xdb;
    bytes[it.offset++] = length & 255;
    bytes[it.offset++] = (length >> 8) & 255;
    bytes[it.offset++] = (length >> 16) & 255;
    bytes[it.offset++] = (length >> 24) & 255;
    size = 5;
  } else throw new Error("String too long");
  const buffer = bytes as Uint8Array;
  if (it.offset < buffer.byteLength) utf8.encodeInto(value, buffer.subarray(it.offset));
  it.offset += length;
  return size + length;
}

/**
 * Installs the encoder for every room of this process (the client's twin:
 * client/src/net/string-decoding.ts). Map entries of type "string" are encoded through
 * `encode.string` looked up when they are written, so it reaches every `t.map("string")` of the
 * state, where the long documents are; a schema's own string fields keep the encoder they were
 * declared with. Idempotent.
 */
export function encodeLongStringsNatively(): void {
  registerType("string", { encode: writeString });
}
