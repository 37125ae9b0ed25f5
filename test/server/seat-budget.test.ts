import { describe, it, expect } from "vitest";
import { SeatBudgets } from "../../server/rooms/seat-budget.ts";

describe("SeatBudgets: every message of a seat draws on one budget", () => {
  it("a burst within the budget passes; beyond it is refused, three times over within a second cuts the seat off", () => {
    const budgets = new SeatBudgets(20, 10_000);
    const t = 1_000_000;
    const verdicts = Array.from({ length: 20 }, () => budgets.take("s1", 1, t));
    expect(new Set(verdicts)).toEqual(new Set(["ok"]));
    expect(budgets.take("s1", 1, t)).toBe("refuse");
    let refusals = 1;
    while (budgets.take("s1", 1, t + 1) === "refuse") refusals++;
    expect(refusals).toBe(40);
    // Another seat has its own budget.
    expect(budgets.take("s2", 1, t + 1)).toBe("ok");
  });

  it("the budget refills with time", () => {
    const budgets = new SeatBudgets(10, 10_000);
    for (let i = 0; i < 10; i++) budgets.take("s", 1, 0);
    expect(budgets.take("s", 1, 0)).toBe("refuse");
    expect(budgets.take("s", 1, 500)).toBe("ok");
  });

  it("a heavier message costs more of the budget", () => {
    const budgets = new SeatBudgets(10, 10_000);
    expect(budgets.take("s", 5, 0)).toBe("ok");
    expect(budgets.take("s", 5, 0)).toBe("ok");
    expect(budgets.take("s", 5, 0)).toBe("refuse");
  });

  it("a seat cut off must cool down before it may rejoin, then starts afresh", () => {
    const budgets = new SeatBudgets(5, 10_000);
    let verdict = "ok";
    while (verdict !== "disconnect") verdict = budgets.take("s", 1, 0);
    expect(budgets.coolingDown("s", 1)).toBe(9_999);
    expect(budgets.coolingDown("other", 1)).toBe(0);
    expect(budgets.coolingDown("s", 10_000)).toBe(0);
    expect(budgets.take("s", 1, 10_000)).toBe("ok");
  });
});
