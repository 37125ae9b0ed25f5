import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, matchmake, type Harness, type MatchmakeAnswer as Answer } from "./harness.ts";

/**
 * Without TRUST_PROXY, a client's claimed addresses count for nothing: one client is one address,
 * held to 10 wrong guesses a minute over the WebSocket join, the start page and the HTTP API.
 * (The other cases, behind a trusted proxy, are in hostile-seats.test.ts.)
 */

describe("code guessing", () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(async () => h.shutdown());

  it("holds one client to 10 wrong guesses a minute, whatever addresses it claims in X-Forwarded-For", async () => {
    const ex = await h.createExercise();
    const answers: Answer[] = [];
    for (let i = 0; i < 40; i++)
      answers.push(
        await matchmake(
          h,
          `joinById/${ex.id}`,
          { code: `ZZZ-${String(i).padStart(3, "0")}`, name: "Guesser" },
          { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` },
        ),
      );
    expect(answers.filter((a) => a.code === "wrong_code")).toHaveLength(10);
    expect(answers.filter((a) => a.code === "rate_limited")).toHaveLength(30);
    // The start page's code lookup counts against the same address.
    const lookup = await fetch(`${h.url}/api/join`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.1" },
      body: JSON.stringify({ code: "ZZZ-999" }),
    });
    expect(lookup.status).toBe(429);
  });

  it("counts observer-code guesses over HTTP against the same limits (the address above is cooling down)", async () => {
    const ex = await h.createExercise();
    const res = await fetch(`${h.url}/api/exercises/${ex.id}/events`, { headers: { authorization: "Bearer AAA-AAA-AAA-AAA" } });
    expect(res.status).toBe(429); // the address above is still cooling down
    expect(ex.observerCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  });
});
