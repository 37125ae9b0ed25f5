import { cpus } from "node:os";

/** `met` is null for a figure kept in the table without a target (target NO_TARGET). */
export type BenchResult = {
  name: string;
  value: number;
  baseline: number | null;
  ratio: number | null;
  unit: string;
  target: string;
  met: boolean | null;
  notes?: string;
};

/** The target of a figure shown for information only: `met` is null, and no run fails for it. */
export const NO_TARGET = "none";

/** The slowest samples, slowest first, as a note reads them ("412, 390, 377"). */
export function slowest(samples: number[], count = 3): string {
  return [...samples]
    .sort((a, b) => b - a)
    .slice(0, count)
    .map((v) => v.toFixed(0))
    .join(", ");
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function machine() {
  const cpu = cpus();
  return { cpu: cpu[0]?.model ?? "unknown", cores: cpu.length, node: process.version };
}

/** target like "<= 1.6" or ">= 20", checked against the ratio when there is a baseline, else the value. */
export function result(
  name: string,
  value: number,
  baseline: number | null,
  unit: string,
  target: string,
  against: "ratio" | "value" = baseline === null ? "value" : "ratio",
  notes?: string,
): BenchResult {
  const ratio = baseline === null || baseline === 0 ? null : round(value / baseline);
  if (target === NO_TARGET)
    return { name, value: round(value), baseline: baseline === null ? null : round(baseline), ratio, unit, target, met: null, ...(notes ? { notes } : {}) };
  const subject = against === "ratio" ? (ratio ?? NaN) : value;
  const [op, limit] = target.split(" ") as [string, string];
  const met = op === "<=" ? subject <= Number(limit) : subject >= Number(limit);
  return { name, value: round(value), baseline: baseline === null ? null : round(baseline), ratio, unit, target, met, ...(notes ? { notes } : {}) };
}
