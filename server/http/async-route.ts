import type { Request, Response, NextFunction } from "express";

/** An async route handler whose failure reaches Express's error handler (api.ts) instead of an unhandled rejection. */
export const asyncRoute =
  (fn: (req: Request, res: Response) => Promise<void>) =>
  (req: Request, res: Response, next: NextFunction): void =>
    void fn(req, res).catch(next);
