/** The HTTP API of the game server (docs/PROTOCOL.md §1). */
export const serverBase = (): string => (typeof __GAME_SERVER__ === "string" && __GAME_SERVER__ ? __GAME_SERVER__ : window.location.origin);

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${serverBase()}${path}`, {
      method: init.method ?? (init.body ? "POST" : "GET"),
      headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    throw new ApiError(0, "offline", "Cannot reach the Concord server. Check your network connection and try again.");
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : {};
  if (!response.ok) throw new ApiError(response.status, data?.error?.code ?? "error", data?.error?.message ?? `The server answered ${response.status}.`);
  return data as T;
}

export type ScenarioSummary = { id: string; title: string; summary: string; turns: number; hoursPerTurn: number; nations: { id: string; name: string; playable: boolean; color: string }[]; regions: number; injects: number };
export type CreatedExercise = { id: string; title: string; scenarioId: string; facilitatorToken: string; joinCodes: { nation: string; name: string; code: string }[]; observerCode: string };
export type CodeLookup = { exerciseId: string; role: "participant" | "observer" | "roleplayer" | "evaluator" | "controller"; nation: string | null; title: string; nationName: string | null };
