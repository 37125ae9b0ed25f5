import { describe, it, expect, afterAll } from "vitest";
import { Redis } from "ioredis";
import { randomBytes } from "node:crypto";
import { CredentialGuard, type Attempt } from "../../server/security/credential-guard.ts";

/**
 * The guessing limits on their own: only failures count, concurrent guesses cannot slip past
 * the count, the exercise's budget holds across addresses, and with Redis every process shares
 * the counts.
 */
const REDIS_URL = process.env.CONCORD_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7";
const limits = { perAddress: 10, perExercise: 30, windowSeconds: 60 };
const fresh = () => `ex-${randomBytes(4).toString("hex")}`;

/** Runs n attempts at once; each one that is allowed fails (a wrong guess). */
async function guesses(guard: CredentialGuard, n: number, scope: string, address: (i: number) => string): Promise<number> {
  const attempts: Attempt[] = await Promise.all(Array.from({ length: n }, (_, i) => guard.attempt(scope, address(i))));
  return attempts.filter((a) => a.allowed).length;
}

for (const kind of ["memory", "redis"] as const) {
  describe(`credential guard (${kind})`, () => {
    const redis = kind === "redis" ? new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true }) : undefined;
    const guard = () => new CredentialGuard(limits, redis);
    afterAll(async () => void (await redis?.quit()));

    if (redis)
      it("needs Redis", async () => {
        await redis.connect().catch((error: Error) => {
          throw new Error(`Redis is not reachable at ${REDIS_URL} (${error.message}). Start redis-server or set CONCORD_TEST_REDIS_URL.`);
        });
      });

    it("holds 100 concurrent wrong guesses from one address to 10", async () => {
      const address = fresh();
      expect(await guesses(guard(), 100, fresh(), () => address)).toBe(10);
    });

    it("holds guesses from many addresses to 30 per exercise, and leaves other exercises alone", async () => {
      const g = guard();
      const scope = fresh();
      const tag = fresh();
      expect(await guesses(g, 80, scope, (i) => `${tag}-${i}`)).toBe(30);
      expect(await guesses(g, 5, fresh(), (i) => `${tag}-other-${i}`)).toBe(5);
    });

    it("counts only failures: a right credential gives its points back", async () => {
      const g = guard();
      const scope = fresh();
      const address = fresh();
      for (let i = 0; i < 50; i++) {
        const attempt = await g.attempt(scope, address);
        expect(attempt.allowed, `right credential ${i}`).toBe(true);
        if (attempt.allowed) await attempt.succeeded();
      }
    });

    if (kind === "redis") {
      it("shares the counts between processes (two guards on one Redis)", async () => {
        const scope = fresh();
        const address = fresh();
        const [a, b] = [guard(), guard()];
        expect(await guesses(a, 6, scope, () => address)).toBe(6);
        expect(await guesses(b, 6, scope, () => address)).toBe(4);
      });
    }
  });
}
