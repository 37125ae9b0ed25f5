/**
 * The facilitator keys this browser has used (the exercise library lists their exercises). A
 * key is the facilitator link's secret: it stays in this browser's localStorage, like the seat
 * tokens, and travels only in request bodies and Authorization headers, never in a URL.
 */
export type FacilitatorKey = { id: string; token: string; savedAt: number };

const KEY = "concord.facilitatorKeys";
/** The server looks up at most this many at once (server/http/library-api.ts). */
const MAX_KEYS = 200;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function facilitatorKeys(): FacilitatorKey[] {
  try {
    const keys = JSON.parse(storage()?.getItem(KEY) ?? "[]");
    return Array.isArray(keys) ? keys.filter((k) => typeof k?.id === "string" && typeof k?.token === "string") : [];
  } catch {
    return [];
  }
}

export function rememberFacilitatorKey(id: string, token: string): void {
  const others = facilitatorKeys().filter((k) => k.id !== id);
  storage()?.setItem(KEY, JSON.stringify([{ id, token, savedAt: Date.now() }, ...others].slice(0, MAX_KEYS)));
}

export function forgetFacilitatorKey(id: string): void {
  storage()?.setItem(KEY, JSON.stringify(facilitatorKeys().filter((k) => k.id !== id)));
}

export function facilitatorKeyFor(id: string): string | null {
  return facilitatorKeys().find((k) => k.id === id)?.token ?? null;
}
