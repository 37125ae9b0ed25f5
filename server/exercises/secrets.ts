import { randomBytes, randomInt, createHash, timingSafeEqual } from "node:crypto";

/** Letters and digits that cannot be confused when read aloud or written down (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

/** A join code like "KDX-7QF": 25^6 ≈ 244 million combinations, guessing is rate-limited. */
export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** Accepts codes typed in lower case, with spaces, or without the dash. */
export function normalizeCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return compact.length === 6 ? `${compact.slice(0, 3)}-${compact.slice(3)}` : compact;
}

/** 256 bits: unguessable; only its hash is stored. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time comparison of a presented token against a stored hash. */
export function tokenMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(presented), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newExerciseId(): string {
  return `ex-${randomBytes(6).toString("hex")}`;
}

export function newSeed(): number {
  return randomInt(1, 2 ** 31 - 1);
}
