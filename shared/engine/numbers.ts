export function clamp(value: number, min = 0, max = 100): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounds to one decimal so that state stays readable and folds stay exact across runtimes. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function compare(left: number, op: ">=" | "<=" | ">" | "<" | "==", right: number): boolean {
  switch (op) {
    case ">=":
      return left >= right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case "<":
      return left < right;
    case "==":
      return left === right;
  }
}
