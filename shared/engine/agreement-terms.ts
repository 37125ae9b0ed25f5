import type { Agreement, ExerciseState } from "../state/schema.ts";
import type { MouScope } from "../scenario/schema.ts";

/** Whether an agreement binds its parties this turn: accepted and not past its last turn. */
export function inForce(state: Pick<ExerciseState, "turn">, agreement: Agreement): boolean {
  return agreement.status === "accepted" && (agreement.expiresTurn === null || agreement.expiresTurn >= state.turn);
}

/** The agreements in force of a kind that bind every one of these nations, by id. */
export function agreementsBinding(state: ExerciseState, kind: Agreement["kind"], nations: readonly string[]): Agreement[] {
  return Object.values(state.agreements)
    .filter((a) => a.kind === kind && inForce(state, a) && nations.every((n) => a.parties.includes(n)))
    .sort((x, y) => (x.id < y.id ? -1 : 1));
}

/** Whether two nations share an MOU in force that opens this cooperation. */
export function shareMou(state: ExerciseState, a: string, b: string, scope: MouScope): boolean {
  return agreementsBinding(state, "mou", [a, b]).some((m) => m.scope === scope);
}

/**
 * Whether a nation once had a lawful basis to be in a host's region and lost it: consent that
 * the host revoked, or a SOFA with the host that was terminated or ran out. Only then are its
 * forces made to leave (forces a scenario places abroad from the start stay where they are).
 */
export function lostBasis(state: ExerciseState, nation: string, region: string): boolean {
  const host = state.regions[region]?.owner ?? null;
  if (host === null || host === nation) return false;
  const revoked = Object.values(state.consentRequests).some((c) => c.requester === nation && c.region === region && c.status === "revoked");
  const endedSofa = Object.values(state.agreements).some(
    (a) =>
      a.kind === "sofa" &&
      a.parties.includes(nation) &&
      a.parties.includes(host) &&
      !inForce(state, a) &&
      (a.status === "terminated" || a.status === "expired" || (a.status === "accepted" && a.expiresTurn !== null)),
  );
  return revoked || endedSofa;
}
