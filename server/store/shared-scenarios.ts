import { createHash } from "node:crypto";
import type { ScenarioSpec } from "../../shared/scenario/schema.ts";

/**
 * One copy of each distinct scenario among the exercises a process has read, frozen.
 *
 * A training centre runs the same scenario for several syndicates at once, and every room that
 * loads holds its exercise's scenario for as long as it is loaded: the Northern Flank is 318 KB
 * of parsed objects (and the scenario's public JSON, which the room derives from it, 57 KB
 * more). Each read from a store used to make a new copy; 40 rooms of the three shipped
 * scenarios held 40 of them (docs/PERFORMANCE.md, "Rooms on demand").
 *
 * A scenario is found by the SHA-256 of its JSON as the store holds it, and kept only while
 * some room or request still holds it (a weak reference). It is frozen through and through:
 * rooms share it, so a rule that wrote to it would change another exercise; frozen, the write
 * throws where it is made.
 */
export class SharedScenarios {
  private readonly byDigest = new Map<string, WeakRef<ScenarioSpec>>();
  private readonly forgotten = new FinalizationRegistry<string>((digest) => {
    if (this.byDigest.get(digest)?.deref() === undefined) this.byDigest.delete(digest);
  });

  /** The scenario stored as `json`, parsed only when no copy of it is held already. */
  fromJson(json: string): ScenarioSpec {
    const digest = createHash("sha256").update(json).digest("base64url");
    const held = this.byDigest.get(digest)?.deref();
    if (held) return held;
    const scenario = deepFreeze(JSON.parse(json) as ScenarioSpec);
    this.byDigest.set(digest, new WeakRef(scenario));
    this.forgotten.register(scenario, digest);
    return scenario;
  }
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/** The process's scenarios: every store reads through the same one, so two stores share too. */
export const sharedScenarios = new SharedScenarios();
