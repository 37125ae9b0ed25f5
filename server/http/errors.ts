import type { Response } from "express";

/** Every HTTP error is JSON with a stable code and a sentence saying what to do. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}
