import { ApiError } from "../net/http.ts";
import { t } from "../i18n.ts";

/**
 * What the start page says when the server refuses or cannot be reached: a sentence from the
 * catalogue chosen by the refusal's stable code, never the server's own words (they are in one
 * language and written for operators).
 */
export function apiProblem(error: unknown): string {
  if (!(error instanceof ApiError)) return t("start.problem.other");
  if (error.code === "offline" || error.status === 0) return t("start.problem.offline");
  if (error.code === "rate_limited" || error.status === 429) return t("start.problem.rateLimited");
  if (error.code === "wrong_code") return t("start.problem.wrongCode");
  if (error.status === 401 || error.status === 403) return t("start.problem.password");
  if (error.status >= 500) return t("start.problem.server");
  return t("start.problem.other");
}
