import { createHash, timingSafeEqual } from "node:crypto";

/** Compares two secrets in constant time (hashing first makes the lengths equal). */
export function tokenMatchesPlain(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
