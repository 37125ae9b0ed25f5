import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startHarness, type Harness, type Seat } from "./harness.ts";
import type { CreatedExercise } from "../../server/exercises/exercise-service.ts";

/**
 * The improvement plan is exercise control's and the lead evaluator's (issue #19: "editable in
 * the replay viewer by exercise control and the lead evaluator"): the HTTP routes the replay's
 * editor calls accept those two, signed by their names, and refuse every other seat with the
 * catalogue's sentence saying who may.
 */
let h: Harness;
let ex: CreatedExercise;
let lead: Seat;
const seats: Seat[] = [];

async function seatOf(settings: Record<string, unknown>, name: string): Promise<string> {
  const before = new Set(((await h.store.getExercise(ex.id))!.seatCodes ?? []).map((c) => c.slot));
  expect(await lead.send({ type: "issueSeatCode", ...settings })).toMatchObject({ ok: true });
  const code = (await h.store.getExercise(ex.id))!.seatCodes!.find((c) => !before.has(c.slot))!;
  const seat = await h.join(ex.id, { code: code.code, name });
  seats.push(seat);
  return seat.welcome.seat as string;
}

const call = (method: string, path: string, secret: string, body?: unknown) =>
  fetch(`${h.url}/api/exercises/${ex.id}${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const plan = async () =>
  (await (await call("GET", "/aar?format=json", ex.facilitatorToken)).json()).improvementPlan as { id: string; issue: string; by: string; status?: string }[];

beforeAll(async () => {
  h = await startHarness();
  ex = await h.createExercise();
  lead = await h.join(ex.id, { token: ex.facilitatorToken });
  seats.push(lead);
});
afterAll(async () => {
  for (const seat of seats) await seat.room.leave();
  await h.shutdown();
});

describe("who edits the improvement plan over HTTP", () => {
  it("exercise control adds, edits and removes an item", async () => {
    expect((await call("POST", "/improvements", ex.facilitatorToken, { issue: "Slow sharing", recommendation: "Standing arrangement" })).status).toBe(201);
    const item = (await plan()).find((i) => i.issue === "Slow sharing")!;
    expect(item.by).toBe("Exercise control");
    expect((await call("PATCH", `/improvements/${item.id}`, ex.facilitatorToken, { status: "in-progress" })).status).toBe(201);
    expect((await call("DELETE", `/improvements/${item.id}`, ex.facilitatorToken)).status).toBe(201);
    expect((await plan()).some((i) => i.id === item.id)).toBe(false);
  });

  it("the lead evaluator adds, edits and removes an item under its own name, and the exercise says it leads", async () => {
    const eve = await seatOf({ role: "evaluator", label: "Lead evaluator", lead: true }, "Eve");
    const info = await (await call("GET", "", eve)).json();
    expect(info).toMatchObject({ role: "observer", lead: true });
    expect(info.joinCodes).toBeUndefined();
    expect((await call("POST", "/improvements", eve, { issue: "No liaison officer", recommendation: "Post one at the alliance HQ" })).status).toBe(201);
    const item = (await plan()).find((i) => i.issue === "No liaison officer")!;
    expect(item.by).toBe("Eve");
    expect((await call("PATCH", `/improvements/${item.id}`, eve, { status: "complete" })).status).toBe(201);
    expect((await plan()).find((i) => i.id === item.id)!.status).toBe("complete");
    expect((await call("DELETE", `/improvements/${item.id}`, eve)).status).toBe(201);
  });

  it("refuses a non-lead evaluator, a controller, an observer and a participant, saying who may", async () => {
    const kept = await call("POST", "/improvements", ex.facilitatorToken, { issue: "Kept", recommendation: "Kept" });
    expect(kept.status).toBe(201);
    const item = (await plan()).find((i) => i.issue === "Kept")!;
    const secrets = {
      evaluator: await seatOf({ role: "evaluator", label: "Evaluator" }, "Ed"),
      controller: await seatOf({ role: "controller", label: "Bo" }, "Bo"),
      observer: ex.observerCode,
      participant: await (async () => {
        const alice = await h.join(ex.id, { code: ex.joinCodes.find((c) => c.nation === "north")!.code, name: "Alice" });
        seats.push(alice);
        return alice.welcome.seat as string;
      })(),
    };
    const evaluatorInfo = await (await call("GET", "", secrets.evaluator)).json();
    expect(evaluatorInfo.lead).toBeUndefined();
    for (const [role, secret] of Object.entries(secrets)) {
      for (const [method, path, body] of [
        ["POST", "/improvements", { issue: "x", recommendation: "y" }],
        ["PATCH", `/improvements/${item.id}`, { status: "complete" }],
        ["DELETE", `/improvements/${item.id}`, undefined],
      ] as const) {
        const res = await call(method, path, secret, body);
        expect(res.status, `${role} ${method}`).toBe(403);
        expect((await res.json()).error, `${role} ${method}`).toMatchObject({
          code: "not_facilitator",
          message: "Only exercise control and the lead evaluator can edit the improvement plan.",
          msg: { key: "server.http.improvementLeadOnly" },
        });
      }
    }
    expect((await plan()).find((i) => i.id === item.id)).toMatchObject({ issue: "Kept" });
    expect((await plan()).find((i) => i.id === item.id)!.status).not.toBe("complete");
  });
});
