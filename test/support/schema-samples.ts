import type { z } from "zod";

/**
 * Builds plausible values for any zod schema, so a fuzzer covers every command the protocol
 * defines, including commands added later, without anyone editing it. String fields are filled
 * from `pick(path)` (the caller maps field names to real ids of the state), and the generator
 * also returns where each string and each record key sits, so a test can put a hostile value
 * into every id field in turn.
 */
export type Path = (string | number)[];
export type Sample = { value: unknown; strings: Path[]; recordKeys: Path[] };

export type Picker = {
  /** A plausible string for the field at this path (its last named segment says what it is). */
  string(path: Path): string;
  number(path: Path, min: number, max: number, int: boolean): number;
};

type Def = { type: string; [key: string]: any };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * One sample per "variant": sample k takes option k (mod its length) of every union, so that
 * each option of each union (every effect kind, every order kind) appears in some sample.
 */
export function samplesOf(schema: z.ZodType, picker: Picker): Sample[] {
  const width = Math.max(1, maxUnionWidth(schema, new Set()));
  const out: Sample[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < width; k++) {
    const strings: Path[] = [];
    const recordKeys: Path[] = [];
    const value = generate(schema, [], k, picker, strings, recordKeys, 0);
    const key = JSON.stringify(value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ value, strings, recordKeys });
  }
  return out;
}

function maxUnionWidth(schema: unknown, visiting: Set<unknown>): number {
  if (visiting.has(schema)) return 1;
  visiting.add(schema);
  const def = defOf(schema);
  let width = 1;
  const children: unknown[] = [];
  switch (def.type) {
    case "union":
      width = def.options.length;
      children.push(...def.options);
      break;
    case "object":
      children.push(...Object.values(def.shape));
      break;
    case "array":
      children.push(def.element);
      break;
    case "record":
      children.push(def.valueType);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
      children.push(def.innerType);
      break;
    case "pipe":
      children.push(def.in);
      break;
    case "lazy":
      children.push(def.getter());
      break;
  }
  for (const child of children) width = Math.max(width, maxUnionWidth(child, visiting));
  visiting.delete(schema);
  return width;
}

function generate(schema: unknown, path: Path, k: number, picker: Picker, strings: Path[], recordKeys: Path[], depth: number): unknown {
  const def = defOf(schema);
  if (depth > 12) return undefined;
  switch (def.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        const value = generate(child, [...path, key], k, picker, strings, recordKeys, depth + 1);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case "string":
      strings.push(path);
      return picker.string(path);
    case "number": {
      const bag = schema as { minValue?: number | null; maxValue?: number | null; isInt?: boolean };
      const min = Number.isFinite(bag.minValue) ? bag.minValue! : -1e6;
      const max = Number.isFinite(bag.maxValue) ? bag.maxValue! : 1e6;
      return picker.number(path, min, max, Boolean(bag.isInt) || (def.checks ?? []).some((c: any) => c._zod?.def?.format === "safeint"));
    }
    case "boolean":
      return k % 2 === 0;
    case "literal":
      return def.values[0];
    case "enum": {
      const values = Object.values(def.entries as Record<string, unknown>);
      return values[k % values.length];
    }
    case "array": {
      const element = generate(def.element, [...path, 0], k, picker, strings, recordKeys, depth + 1);
      return element === undefined ? [] : [element];
    }
    case "record": {
      const keyPath = [...path, "<key>"];
      recordKeys.push(path);
      const key = picker.string(keyPath);
      const value = generate(def.valueType, [...path, key], k, picker, strings, recordKeys, depth + 1);
      return { [key]: value };
    }
    case "union":
      return generate(def.options[k % def.options.length], path, k, picker, strings, recordKeys, depth + 1);
    case "optional":
    case "nonoptional":
    case "readonly":
      return generate(def.innerType, path, k, picker, strings, recordKeys, depth + 1);
    case "nullable":
      return generate(def.innerType, path, k, picker, strings, recordKeys, depth + 1);
    case "default":
    case "prefault":
      return generate(def.innerType, path, k, picker, strings, recordKeys, depth + 1);
    case "pipe":
      return generate(def.in, path, k, picker, strings, recordKeys, depth + 1);
    case "lazy":
      return generate(def.getter(), path, k, picker, strings, recordKeys, depth + 1);
    case "unknown":
    case "any":
      return null;
    default:
      throw new Error(`schema-samples: no generator for zod type "${def.type}" at ${path.join(".") || "(root)"}; add one here`);
  }
}

/** A deep copy of `value` with the string at `path` replaced. */
export function withStringAt(value: unknown, path: Path, replacement: string): unknown {
  const copy = structuredClone(value);
  let node: any = copy;
  for (const segment of path.slice(0, -1)) node = node[segment];
  node[path.at(-1)!] = replacement;
  return copy;
}

/** A deep copy of `value` whose record at `path` has its (only) key renamed. */
export function withRecordKeyAt(value: unknown, path: Path, key: string): unknown {
  const copy = structuredClone(value);
  let node: any = copy;
  for (const segment of path.slice(0, -1)) node = node[segment];
  const last = path.at(-1)!;
  const record = path.length === 0 ? copy : node[last];
  const entries = Object.entries(record as object);
  const rebuilt: Record<string, unknown> = {};
  // defineProperty: assigning "__proto__" would set the prototype instead of a key.
  for (const [, v] of entries) Object.defineProperty(rebuilt, key, { value: v, enumerable: true, writable: true, configurable: true });
  if (path.length === 0) return rebuilt;
  node[last] = rebuilt;
  return copy;
}

/** The last named (non-index) segment of a path: the field's name. */
export function fieldName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string" && path[i] !== "<key>") return path[i] as string;
  return "";
}
