import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

/**
 * Limits how many credentials (join codes, observer codes, seat and facilitator tokens) are
 * compared, per exercise and per client address. Only failures count: a classroom behind one
 * address joins freely, while a guesser gets a handful of tries a minute.
 *
 * Each attempt takes its points *before* the comparison and gives them back when the credential
 * was right, so a thousand guesses sent at once are held to the same budget as a thousand sent
 * one by one. Claimed addresses (X-Forwarded-For) count for nothing unless they come through a
 * trusted proxy (see client-address.ts), so one guesser is held to `perAddress` a minute and
 * everybody else still gets in; guessers spread over many real addresses are held to
 * `perExercise` wrong guesses a minute in all, after which new code joins to that exercise wait
 * for the window to pass. Callers give codes and tokens different scopes, so guessing at codes
 * never keeps a seat token or exercise control out.
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

  constructor(limits: GuardLimits = DEFAULT_LIMITS, redis?: Redis) {
    const make = (keyPrefix: string, points: number) =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `concord:guard:${keyPrefix}`, points, duration: limits.windowSeconds, useRedisPackage: false })
        : new RateLimiterMemory({ keyPrefix, points, duration: limits.windowSeconds });
    this.perAddress = make("address", limits.perAddress);
    this.perExercise = make("exercise", limits.perExercise);
  }

  /** Call before comparing a credential; when allowed, call `succeeded()` if it was right. */
  async attempt(scope: string, address: string): Promise<Attempt> {
    try {
      await this.perAddress.consume(address);
    } catch (refused) {
      return { allowed: false, retryAfterMs: retryAfter(refused) };
    }
    try {
      await this.perExercise.consume(scope);
    } catch (refused) {
      await this.perAddress.reward(address).catch(() => undefined);
      return { allowed: false, retryAfterMs: retryAfter(refused) };
    }
    return {
      allowed: true,
      succeeded: async () => {
        await Promise.all([this.perAddress.reward(address), this.perExercise.reward(scope)]);
      },
    };
  }
}

function retryAfter(refused: unknown): number {
  if (refused instanceof RateLimiterRes) return Math.max(1000, refused.msBeforeNext);
  // The store itself failed (Redis down): refuse rather than compare without a limit.
  return 5000;
}
