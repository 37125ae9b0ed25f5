import { ApiError, type ScenarioSummary, type CreatedExercise, type CodeLookup } from "./api.ts";

/** The start page's calls: scenarios, creating an exercise, resolving a join code (same origin). */
export { ApiError, type ScenarioSummary, type CreatedExercise, type CodeLookup };

async function call<T>(method: string, path: string, body?: unknown, bearer?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method, headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, "offline", "Cannot reach the exercise server. Check your network connection and try again.");
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const message = data?.error?.message ?? `The server answered ${res.status}.`;
    if (res.status === 429) throw new ApiError(429, "rate_limited", `Too many attempts: ${message}`);
    throw new ApiError(res.status, data?.error?.code ?? `http_${res.status}`, message);
  }
  return data as T;
}

export async function listScenarios(): Promise<ScenarioSummary[]> {
  return (await call<{ scenarios: ScenarioSummary[] }>("GET", "/api/scenarios")).scenarios;
}

/** `operatorPassword` only when the server asks for it (CONCORD_OPERATOR_PASSWORD). */
export function createExercise(scenarioId: string, title: string, operatorPassword: string): Promise<CreatedExercise> {
  return call<CreatedExercise>("POST", "/api/exercises", { scenarioId, ...(title ? { title } : {}) }, operatorPassword || undefined);
}

export function lookupCode(code: string): Promise<CodeLookup> {
  return call<CodeLookup>("POST", "/api/join", { code });
}
