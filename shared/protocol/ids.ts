import { z } from "zod";

/**
 * Ids from clients index the state's records (`state.assets[id]`), which are ordinary objects:
 * copying them with a spread is what keeps folding and projecting fast (a prototype-free record
 * is a dictionary and copies 50–100× slower). On an ordinary object an id such as
 * `constructor`, `__proto__` or `toString` would find one of Object's own members, so no id is
 * allowed to be one: every id field of every command, order, effect and scenario is an `IdString`,
 * and an id naming a member of Object.prototype is refused where it arrives, with a sentence
 * saying it names nothing. Events an older build let such ids into are ignored when folded
 * (evolve.ts), so those exercises still open.
 */
export const PROTOTYPE_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function namesPrototypeMember(id: string): boolean {
  return PROTOTYPE_MEMBERS.has(id);
}

/** Every id schema made here, so tests can find each id field in the schemas (without marking the JSON Schema). */
export const ID_SCHEMAS: WeakSet<object> = new WeakSet();

/** An id as clients and authors send it: any string of the given bounds that is not a member of Object.prototype. */
export function idString(schema: z.ZodString = z.string().min(1)) {
  const id = schema.refine((value) => !namesPrototypeMember(value), { message: "is not the id of anything in this exercise", params: { unknownId: true } });
  ID_SCHEMAS.add(id);
  return id;
}

/** Whether any string in a value (an order, an effect) names a member of Object.prototype. */
export function mentionsPrototypeMember(value: unknown, depth = 0): boolean {
  if (depth > 16) return false;
  if (typeof value === "string") return namesPrototypeMember(value);
  if (Array.isArray(value)) return value.some((v) => mentionsPrototypeMember(v, depth + 1));
  if (value && typeof value === "object") return Object.entries(value).some(([k, v]) => namesPrototypeMember(k) || mentionsPrototypeMember(v, depth + 1));
  return false;
}
