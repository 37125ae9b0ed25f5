/** The app's whereabouts live in the URL hash so links can be handed out and reloads rejoin. */
export type Hash = { exercise?: string; facilitator?: string };

export function readHash(): Hash {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  return { exercise: params.get("exercise") ?? undefined, facilitator: params.get("facilitator") ?? undefined };
}

/** Replaces the hash without a navigation (and without keeping the facilitator token in the address bar). */
export function setExerciseHash(exerciseId: string): void {
  history.replaceState(null, "", `${location.pathname}${location.search}#exercise=${encodeURIComponent(exerciseId)}`);
}

export function clearHash(): void {
  history.replaceState(null, "", `${location.pathname}${location.search}`);
}

export function facilitatorLink(token: string, exerciseId: string): string {
  return `${location.origin}/#facilitator=${encodeURIComponent(token)}&exercise=${encodeURIComponent(exerciseId)}`;
}
