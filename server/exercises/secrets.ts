import { randomBytes, randomInt, createHash, timingSafeEqual } from "node:crypto";

/** Letters and digits that cannot be confused when read aloud or written down (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

/**
 * A join code like "KDX-7QF": 25^6 ≈ 244 million combinations. Guesses are limited to 30 wrong
 * ones a minute per exercise (credential-guard.ts), so a team's code holds for the days an
 * exercise runs; it is replaced in one click if it leaks.
 */
export function newJoinCode(): string {
  return groupsOf(randomCode(6));
}

/**
 * The observer (trainer) code opens the whole log, so it is longer: "KDX-7QF-M3R-9TA", 25^12 ≈
 * 6·10^16. A year of guessing at the limit (30 a minute, 15.8 million) has a 2.6·10^-10 chance.
 */
export function newObserverCode(): string {
  return groupsOf(randomCode(12));
}

function randomCode(length: number): string {
  let code = "";
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

function groupsOf(compact: string): string {
  return compact.match(/.{1,3}/g)!.join("-");
}

/** Accepts codes typed in lower case, with spaces, or without the dashes. */
export function normalizeCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return compact.length === 6 || compact.length === 12 ? groupsOf(compact) : compact;
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
