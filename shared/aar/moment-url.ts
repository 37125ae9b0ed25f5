import type { AfterActionReport } from "./build-aar.ts";

/** The replay viewer at one moment of the exercise (…#exercise=<id>&seq=N), or null when the report does not know where the viewer is. */
export function momentUrl(r: Pick<AfterActionReport, "replayUrl">, seq: number): string | null {
  return r.replayUrl ? `${r.replayUrl}&seq=${seq}` : null;
}
