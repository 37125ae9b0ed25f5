import type { Response } from "express";

/**
 * Every HTTP error is JSON with a stable code and a sentence saying what to do; an internal error
 * also carries the reference under which the server logged it.
 */
export function sendError(res: Response, status: number, code: string, message: string, reference?: string): void {
  res.status(status).json({ error: { code, message, ...(reference ? { reference } : {}) } });
}
