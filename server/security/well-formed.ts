/**
 * Text from clients is made well-formed at the edge. A lone UTF-16 surrogate ("\ud800") has no
 * UTF-8 encoding: @colyseus/schema writes it out as bytes that are not UTF-8, and every decoder
 * that receives the state (team-mates, observers, exercise control) then logs "definition
 * mismatch" and shows garbage. `String.prototype.toWellFormed()` turns each lone surrogate into
 * U+FFFD and leaves everything else as it was.
 */

// ES2024 (Node >= 20 has both); the project's lib is ES2023.
declare global {
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

/** Deeper payloads are refused: no command nests more than a handful of levels. */
export const MAX_PAYLOAD_DEPTH = 64;
/**
 * A frame or body is at most 64 KB and every value takes at least one byte, so a tree has fewer
 * nodes than that; more means shared references (msgpackr's structured-clone pointers can build
 * a DAG whose walk would be exponential).
 */
export const MAX_PAYLOAD_NODES = 65_536;

/** A refusal says which limit was passed (`limit`, `max`, for the reply's message) and, in English, why (`reason`, for logs). */
export type WellFormed = { ok: true; value: unknown } | { ok: false; reason: string; limit: "depth" | "nodes"; max: number };

/**
 * A copy of `value` with every string, keys included, well-formed. Arrays and plain objects are
 * walked (at most MAX_PAYLOAD_DEPTH levels, MAX_PAYLOAD_NODES values); other objects (Date, Map,
 * Buffer...) are kept as they are, for the schemas to refuse. A key "__proto__" stays an own
 * property, as JSON.parse makes it, never the copy's prototype.
 */
export function wellFormed(value: unknown, maxDepth = MAX_PAYLOAD_DEPTH): WellFormed {
  // Almost every message is already well-formed: check first, copy only when something must change.
  const check = inspect(value, maxDepth);
  if (check === "clean") return { ok: true, value };
  if (check !== "dirty") return check;
  let nodes = 0;
  let refusal: string | null = null;
  let limit: { limit: "depth" | "nodes"; max: number } = { limit: "depth", max: maxDepth };
  const walk = (v: unknown, depth: number): unknown => {
    if (refusal) return undefined;
    if (++nodes > MAX_PAYLOAD_NODES) {
      refusal = `the payload has more than ${MAX_PAYLOAD_NODES} values`;
      limit = { limit: "nodes", max: MAX_PAYLOAD_NODES };
      return undefined;
    }
    if (typeof v === "string") return v.isWellFormed() ? v : v.toWellFormed();
    if (typeof v !== "object" || v === null) return v;
    const isArray = Array.isArray(v);
    if (!isArray && !isPlainObject(v)) return v;
    if (depth >= maxDepth) {
      refusal = `the payload nests deeper than ${maxDepth} levels`;
      limit = { limit: "depth", max: maxDepth };
      return undefined;
    }
    if (isArray) {
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = walk(v[i], depth + 1);
      return out;
    }
    const out: Record<string, unknown> = Object.getPrototypeOf(v) === null ? Object.create(null) : {};
    for (const key of Object.keys(v)) {
      const cleanKey = key.isWellFormed() ? key : key.toWellFormed();
      Object.defineProperty(out, cleanKey, {
        value: walk((v as Record<string, unknown>)[key], depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  const out = walk(value, 0);
  return refusal ? { ok: false, reason: refusal, ...limit } : { ok: true, value: out };
}

/** Whether a value is within the limits and already well-formed ("clean"), needs a copy ("dirty"), or is refused. */
function inspect(value: unknown, maxDepth: number): "clean" | "dirty" | WellFormed {
  let nodes = 0;
  let dirty = false;
  const walk = (v: unknown, depth: number): WellFormed | null => {
    if (++nodes > MAX_PAYLOAD_NODES)
      return { ok: false, reason: `the payload has more than ${MAX_PAYLOAD_NODES} values`, limit: "nodes", max: MAX_PAYLOAD_NODES };
    if (typeof v === "string") {
      if (!v.isWellFormed()) dirty = true;
      return null;
    }
    if (typeof v !== "object" || v === null) return null;
    const isArray = Array.isArray(v);
    if (!isArray && !isPlainObject(v)) return null;
    if (depth >= maxDepth) return { ok: false, reason: `the payload nests deeper than ${maxDepth} levels`, limit: "depth", max: maxDepth };
    if (isArray) {
      for (let i = 0; i < v.length; i++) {
        const refused = walk(v[i], depth + 1);
        if (refused) return refused;
      }
      return null;
    }
    for (const key of Object.keys(v)) {
      if (!key.isWellFormed()) dirty = true;
      const refused = walk((v as Record<string, unknown>)[key], depth + 1);
      if (refused) return refused;
    }
    return null;
  };
  return walk(value, 0) ?? (dirty ? "dirty" : "clean");
}

/** At most `max` UTF-16 units of `text`, well-formed, never ending in half of a surrogate pair. */
export function clipText(text: string, max: number): string {
  let clipped = text.length > max ? text.slice(0, max) : text;
  const last = clipped.charCodeAt(clipped.length - 1);
  if (clipped.length < text.length && last >= 0xd800 && last <= 0xdbff) clipped = clipped.slice(0, -1);
  return clipped.toWellFormed();
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
