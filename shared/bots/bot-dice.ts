import { RandomStream } from "../engine/prng.ts";

/**
 * A bot's dice: a stream of its own, seeded by the exercise's seed, its nation and what it is
 * deciding (the turn it plans, or the request it answers), so one bot's choices never shift
 * another's and the same exercise plays the same way. The seed is FNV-1a over
 * `${seed}:${nation}:${key}`, as the playtest's (shared/playtest/play-exercise.ts) is for a turn.
 */
export function botDice(seed: number, nation: string, key: number | string): () => number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}:${nation}:${key}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  const stream = new RandomStream(hash | 0);
  return () => stream.next();
}
