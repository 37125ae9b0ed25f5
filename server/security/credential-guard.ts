import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

/**
 * Limits how many credentials (join codes, observer codes, seat and facilitator tokens) are
 * compared, per exercise and per client address. Only failures count: a classroom behind one
 * address joins freely, while a guesser gets a handful of tries a minute.
 *
 * Each attempt takes its points *before* the comparison and gives them back when the credential
 * was right, so a thousand guesses sent at once are held to the same budget as a thousand sent
 * one by one. When an exercise's budget is spent, an address that has not failed in the window
 * still gets one comparison a minute: a participant typing the right code gets in while somebody
 * elsewhere hammers the same exercise. A guesser that spreads over K real addresses gets at most
 * `perExercise + K` comparisons a minute; claimed addresses (X-Forwarded-For) count for nothing
 * unless they come through a trusted proxy (see client-address.ts).
 *
 * With REDIS_URL the counts live in Redis, so every process shares them.
 */
export type GuardLimits = { perAddress: number; perExercise: number; windowSeconds: number };

export const DEFAULT_LIMITS: GuardLimits = { perAddress: 10, perExercise: 30, windowSeconds: 60 };

/** The scope of a credential that names no exercise (a join code typed on the start page). */
export const ANY_EXERCISE = "*";

export type Attempt = { allowed: true; succeeded(): Promise<void> } | { allowed: false; retryAfterMs: number };

export class CredentialGuard {
  private readonly perAddress: RateLimiterAbstract;
  private readonly perExercise: RateLimiterAbstract;
  private readonly grace: RateLimiterAbstract;

  constructor(limits: GuardLimits = DEFAULT_LIMITS, redis?: Redis) {
    const make = (keyPrefix: string, points: number) =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `concord:guard:${keyPrefix}`, points, duration: limits.windowSeconds, useRedisPackage: false })
        : new RateLimiterMemory({ keyPrefix, points, duration: limits.windowSeconds });
    this.perAddress = make("address", limits.perAddress);
    this.perExercise = make("exercise", limits.perExercise);
    this.grace = make("grace", 1);
  }

  /** Call before comparing a credential; when allowed, call `succeeded()` if it was right. */
  async attempt(exercise: string, address: string): Promise<Attempt> {
    let addressRes: RateLimiterRes;
    try {
      addressRes = await this.perAddress.consume(address);
    } catch (refused) {
      return { allowed: false, retryAfterMs: retryAfter(refused) };
    }
    const refunds: (() => Promise<unknown>)[] = [() => this.perAddress.reward(address)];
    try {
      await this.perExercise.consume(exercise);
      refunds.push(() => this.perExercise.reward(exercise));
    } catch (refused) {
      // The exercise is being guessed at. An address with no failure in the window still gets
      // its one comparison a minute.
      const clean = addressRes.consumedPoints <= 1;
      const graceKey = `${exercise}|${address}`;
      try {
        if (!clean) throw refused;
        await this.grace.consume(graceKey);
        refunds.push(() => this.grace.reward(graceKey));
      } catch (stillRefused) {
        await this.perAddress.reward(address);
        return { allowed: false, retryAfterMs: retryAfter(stillRefused) };
      }
    }
    return { allowed: true, succeeded: async () => void (await Promise.all(refunds.map((refund) => refund()))) };
  }
}

function retryAfter(refused: unknown): number {
  if (refused instanceof RateLimiterRes) return Math.max(1000, refused.msBeforeNext);
  // The store itself failed (Redis down): refuse rather than compare without a limit.
  return 5000;
}
