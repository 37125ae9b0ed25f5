/**
 * mulberry32: a tiny seeded PRNG whose whole state is one 32-bit integer, so it can live in
 * the exercise state and travel through events. Returns the roll in [0, 1) and the next state.
 */
export function nextRandom(rng: number): [value: number, next: number] {
  const next = (rng + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** A stream of rolls that remembers where it got to, for one resolution pass. */
export class RandomStream {
  state: number;
  constructor(seed: number) {
    this.state = seed | 0;
  }
  next(): number {
    const [value, next] = nextRandom(this.state);
    this.state = next;
    return value;
  }
}
