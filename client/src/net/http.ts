/**
 * The client's one HTTP module (docs/PROTOCOL.md §1): every page (start, game, replay) calls the
 * server through `request()`, so errors, the bearer header and the server's address are decided
 * in one place. Refusals come back as an `ApiError` carrying the server's stable code; each page
 * turns that code into a sentence from the catalogue (the server's own words never reach a screen).
 */

/**
 * Where HTTP calls go: always the page's origin. A built client is served by the game server;
 * Vite's dev server proxies /api to it (vite.config.ts). Only the WebSocket may go elsewhere
 * (server-url.ts).
 */
export function serverBase(): string {
  return window.location.origin;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export type RequestOptions = { method?: string; body?: unknown; token?: string };

/** One call; resolves with the parsed JSON body, rejects with an ApiError (status 0: unreachable). */
export async function request<T>(path: string, init: RequestOptions = {}): Promise<T> {
  const hasBody = init.body !== undefined;
  let response: Response;
  try {
    response = await fetch(`${serverBase()}${path}`, {
      method: init.method ?? (hasBody ? "POST" : "GET"),
      headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: hasBody ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    throw new ApiError(0, "offline", "Cannot reach the Concord server.");
  }
  const text = await response.text().catch(() => "");
  // biome-ignore lint/suspicious/noExplicitAny: any JSON the server (or a proxy in front of it) answered; only read through optional chains
  let data: any = {};
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    data = {};
  }
  if (!response.ok) {
    const message = data?.error?.message ?? `The server answered ${response.status}.`;
    if (response.status === 429) throw new ApiError(429, "rate_limited", message);
    throw new ApiError(response.status, data?.error?.code ?? `http_${response.status}`, message);
  }
  return data as T;
}

export type ScenarioSummary = {
  id: string;
  title: string;
  summary: string;
  turns: number;
  hoursPerTurn: number;
  nations: { id: string; name: string; playable: boolean; color: string }[];
  regions: number;
  injects: number;
};
export type CreatedExercise = {
  id: string;
  title: string;
  scenarioId: string;
  facilitatorToken: string;
  joinCodes: { nation: string; name: string; code: string }[];
  observerCode: string;
};
export type CodeLookup = {
  exerciseId: string;
  role: "participant" | "observer" | "roleplayer" | "evaluator" | "controller";
  nation: string | null;
  title: string;
  nationName: string | null;
};

export async function listScenarios(): Promise<ScenarioSummary[]> {
  return (await request<{ scenarios: ScenarioSummary[] }>("/api/scenarios")).scenarios;
}

/** `operatorPassword` only when the server asks for it (CONCORD_OPERATOR_PASSWORD). */
export function createExercise(scenarioId: string, title: string, operatorPassword: string): Promise<CreatedExercise> {
  return request<CreatedExercise>("/api/exercises", {
    method: "POST",
    body: { scenarioId, ...(title ? { title } : {}) },
    token: operatorPassword || undefined,
  });
}

export function lookupCode(code: string): Promise<CodeLookup> {
  return request<CodeLookup>("/api/join", { method: "POST", body: { code } });
}
