import { decode, registerType } from "@colyseus/schema";

type Bytes = Parameters<typeof decode.string>[0];
type Iterator = Parameters<typeof decode.string>[1];

const utf8 = new TextDecoder();
const libraryString = decode.string;

/**
 * Decodes the state's long strings (the JSON records: injects, reports, messages …) with the
 * platform's TextDecoder instead of the schema library's loop, which appends one character at a
 * time: V8 keeps such a string as a rope of one 32-byte node per character, so each 170-byte
 * record cost a client ~6 KB of heap (and its garbage collector the work) until read.
 * Strings of up to 31 bytes (msgpack "fixstr", field values such as ids and statuses) and
 * anything unusual still go through the library's own decoder; the wire format is unchanged.
 */
export function readString(bytes: Bytes, it: Iterator): string {
  const prefix = bytes[it.offset];
  if ((prefix !== 0xd9 && prefix !== 0xda && prefix !== 0xdb) || !ArrayBuffer.isView(bytes)) return libraryString(bytes, it);
  it.offset++;
  const length = prefix === 0xd9 ? decode.uint8(bytes, it) : prefix === 0xda ? decode.uint16(bytes, it) : decode.uint32(bytes, it);
  // A length running past the buffer is cut at its end, as the library does.
  const end = Math.min(it.offset + length, bytes.length);
  const text = utf8.decode((bytes as Uint8Array).subarray(it.offset, end));
  it.offset = end;
  return text;
}

let installed = false;

/** Installs the decoder for every room this page (or process) joins; call before joining. */
export function installStringDecoding(): void {
  if (installed) return;
  installed = true;
  registerType("string", { decode: readString });
}
