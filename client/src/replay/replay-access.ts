import { t } from "../i18n.ts";
import { ApiError, lookupCode, request, serverBase } from "../net/http.ts";

/** A problem the replay can say in the seat's language: its words come from the catalogue. */
export class ReplayProblem extends Error {
  readonly said: string;
  constructor(said: string) {
    super(said);
    this.said = said;
  }
}

/** What to show for a failure: the catalogue's sentence, never an exception's or a server's own words. */
export function replayProblem(failure: unknown): string {
  return failure instanceof ReplayProblem ? failure.said : t("replay.error.other");
}

/** A refusal from the server, said in the seat's language (the server's own sentence never reaches the screen). */
function refusal(status: number, code: string | undefined): ReplayProblem {
  if (status === 404 || code === "not_found") return new ReplayProblem(t("replay.error.notFound"));
  if (status === 401 || status === 403) return new ReplayProblem(t("replay.error.denied"));
  return new ReplayProblem(t("replay.error.server", { status }));
}

/**
 * The replay viewer opens an exercise's log with the observer (trainer) code or the facilitator
 * token, or a seat token (a named controller's or evaluator's; `lead`: the lead evaluator's, who
 * edits the improvement plan). The secret stays in this tab (sessionStorage) and in request headers, never in history.
 */
export type ReplayAccess = { exerciseId: string; secret: string; role: "facilitator" | "observer"; lead?: boolean };

const KEY = "concord.replay";

/** A failed call said as a ReplayProblem: unreachable, or the refusal's status and code. */
function problemOf(failure: unknown): ReplayProblem {
  if (failure instanceof ReplayProblem) return failure;
  if (failure instanceof ApiError) return failure.status === 0 ? new ReplayProblem(t("replay.error.unreachable")) : refusal(failure.status, failure.code);
  return new ReplayProblem(t("replay.error.other"));
}

/** The replay's calls carry the observer code or facilitator token as the bearer (net/http.ts). */
export async function requestJson<T>(path: string, secret: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  try {
    return await request<T>(path, { method: init.method ?? "GET", body: init.body, token: secret });
  } catch (failure) {
    throw problemOf(failure);
  }
}

/** The moment a deep link points to (#…&seq=N, as the AAR and the hot wash write it), if any. */
export function seqFromHash(hash: string): number | undefined {
  const raw = new URLSearchParams(hash.replace(/^#/, "")).get("seq");
  return raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

/** Reads access from the URL hash (#exercise=…&token=… or #code=…, and the moment &seq=N) or from this tab's memory. */
export function accessFromLocation(): { exerciseId?: string; token?: string; code?: string; seq?: number } {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const seq = seqFromHash(window.location.hash);
  const found = { exerciseId: hash.get("exercise") ?? undefined, token: hash.get("token") ?? undefined, code: hash.get("code") ?? undefined, seq };
  // The secret leaves the address bar (and history); the exercise and the moment stay, so the link still says where it points.
  if (found.token || found.code)
    history.replaceState(
      null,
      "",
      `${window.location.pathname}${found.exerciseId ? `#exercise=${found.exerciseId}${seq !== undefined ? `&seq=${seq}` : ""}` : ""}`,
    );
  return found;
}

export function rememberAccess(access: ReplayAccess): void {
  sessionStorage.setItem(KEY, JSON.stringify(access));
}

export function rememberedAccess(): ReplayAccess | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? "null");
  } catch {
    return null;
  }
}

/** Turns an observer code, or a facilitator token and exercise id, into access to one exercise. */
export async function resolveAccess(input: { code?: string; token?: string; exerciseId?: string }): Promise<ReplayAccess> {
  if (input.code) {
    const data = await lookupCode(input.code).catch((failure: unknown) => {
      throw failure instanceof ApiError && failure.status !== 0 && failure.status < 500 ? new ReplayProblem(t("replay.error.badCode")) : problemOf(failure);
    });
    if (data.role !== "observer") throw new ReplayProblem(t("replay.error.nationCode"));
    return { exerciseId: data.exerciseId, secret: input.code, role: "observer" };
  }
  if (input.token && input.exerciseId) {
    const info = await requestJson<{ role: "facilitator" | "observer"; lead?: boolean }>(`/api/exercises/${encodeURIComponent(input.exerciseId)}`, input.token);
    return { exerciseId: input.exerciseId, secret: input.token, role: info.role, ...(info.lead ? { lead: true } : {}) };
  }
  throw new ReplayProblem(t("replay.error.missing"));
}

/**
 * A URL the browser can open itself (a link, a download), which cannot carry the Authorization
 * header: the secret is traded for a one-time ticket valid for 60 s (POST …/tickets), to be used
 * right away, on the same server.
 */
export async function ticketedUrl(access: ReplayAccess, path: string): Promise<string> {
  const { ticket } = await requestJson<{ ticket: string }>(`/api/exercises/${encodeURIComponent(access.exerciseId)}/tickets`, access.secret, {
    method: "POST",
  });
  return `${serverBase()}${path}${path.includes("?") ? "&" : "?"}ticket=${encodeURIComponent(ticket)}`;
}
