/**
 * The schema encoder keeps every object of the state in two plain objects indexed by its
 * refId (`Root.changeTrees` and `Root.refCount`, @colyseus/schema). A refId is never reused, so
 * as drafts, feed lines and records come and go those indexes climb while the live ones stay a
 * few hundred: V8 keeps such an object's elements as a growing array full of holes, copying it
 * as it grows, until it decides the array is sparse enough for a dictionary. In a Northern Flank
 * room that took the first ~2,000 drafts, during which attaching a new object cost 10–17 µs
 * instead of 2 (#23, the command's round trip; measured by timing `Root.add` in a room driven
 * through the harness). An index of 2^30 or more marks an object's elements as a dictionary for
 * good (V8: "requires slow elements"), even once deleted: the tables start that way.
 */
const DICTIONARY_FOR_GOOD = 2 ** 30;

type RefTables = { changeTrees: Record<number, unknown>; refCount: Record<number, unknown> };

/** Call after `setState` (the state setter makes a new serializer, with a new encoder and root). */
export function keepRefTablesSparse(serializer: unknown): void {
  const root = (serializer as { encoder?: { root?: Partial<RefTables> } }).encoder?.root;
  if (!root || typeof root.changeTrees !== "object" || typeof root.refCount !== "object")
    throw new Error(
      "keepRefTablesSparse: the schema encoder's root has no changeTrees and refCount tables (server/rooms/ref-tables.ts needs a look for this @colyseus/schema)",
    );
  for (const table of [root.changeTrees, root.refCount]) {
    table[DICTIONARY_FOR_GOOD] = undefined;
    delete table[DICTIONARY_FOR_GOOD];
  }
}
