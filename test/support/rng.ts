import { nextRandom } from "../../shared/engine/prng.ts";

/** The seeded PRNG of the engine (mulberry32) for tests: a failing seed replays exactly. No Math.random. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed | 0;
  }
  next(): number {
    const [v, n] = nextRandom(this.state);
    this.state = n;
    return v;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}
