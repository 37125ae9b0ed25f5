import type { Response } from "express";
import { isMsg, type Msg } from "../../shared/i18n/message.ts";
import { translate } from "../../shared/i18n/format.ts";

/**
 * Every HTTP error is JSON with a stable code and a sentence saying what to do; an internal error
 * also carries the reference under which the server logged it. Given a catalogue message, the
 * body carries it too (`msg`, for a client to render in its reader's language) and `message` is
 * its English sentence: `{error: {code, message, msg?, reference?}}`.
 */
export function sendError(res: Response, status: number, code: string, message: string | Msg, reference?: string): void {
  const said = isMsg(message) ? { message: translate("en", message), msg: message } : { message };
  res.status(status).json({ error: { code, ...said, ...(reference ? { reference } : {}) } });
}
