import { Encoder } from "@colyseus/schema";

type SchemaSerializerFields = { encoder: Encoder; fullEncodeBuffer: Uint8Array };
type Growable = { ensureCapacity(buffer: Uint8Array, offset: number): Uint8Array };

/**
 * Keeps a big exercise's views whole on the wire (issue #23: 5,000 assets).
 *
 * When a seat starts watching a perspective, the schema encoder writes everything the view
 * newly shows (`view.changes`) into its shared buffer, checking for room once per collection,
 * with `Encoder.BUFFER_SIZE` (512 KB) of headroom: the white cell's 5,000 assets are one
 * collection of 1.2 MB, so the writes past the buffer's end were dropped and exercise control's
 * console decoded garbage (`decode.utf8Read(): Invalid byte …`) and held a corrupt picture.
 * A view's new content is never larger than a full state, and a seat's full state is encoded at
 * its join, before that patch: so the headroom kept here is the largest full state encoded so
 * far, and the full-state buffer is kept twice that size, so that joins do not overflow and
 * re-encode either. Call after `setState` (the state setter makes a new serializer).
 */
export function keepViewsWhole(serializer: unknown): void {
  const s = serializer as Partial<SchemaSerializerFields>;
  const encoder = s.encoder;
  if (!encoder || !(s.fullEncodeBuffer instanceof Uint8Array)) throw new Error("keepViewsWhole: not a schema serializer with a full-state buffer");
  let largest = 0;
  const grown = (buffer: Uint8Array, keep: number, size: number): Uint8Array => {
    const bigger = new Uint8Array(Math.ceil(size / Encoder.BUFFER_SIZE) * Encoder.BUFFER_SIZE);
    bigger.set(buffer.subarray(0, keep));
    if (buffer === encoder.sharedBuffer) encoder.sharedBuffer = bigger;
    if (buffer === s.fullEncodeBuffer) s.fullEncodeBuffer = bigger;
    return bigger;
  };
  (encoder as unknown as Growable).ensureCapacity = (buffer, offset) => {
    const headroom = Math.max(Encoder.BUFFER_SIZE, largest);
    return offset + headroom <= buffer.byteLength ? buffer : grown(buffer, offset, offset + headroom);
  };
  const encodeAllView = encoder.encodeAllView.bind(encoder);
  encoder.encodeAllView = (view, sharedOffset, it, bytes = encoder.sharedBuffer) => {
    const target = bytes.byteLength < largest * 2 ? grown(bytes, sharedOffset, largest * 2) : bytes;
    const out = encodeAllView(view, sharedOffset, it, target);
    largest = Math.max(largest, out.byteLength);
    return out;
  };
}
