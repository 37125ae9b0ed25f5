import type { Msg } from "../i18n/message.ts";

/**
 * What the server tells exercise control outside of a command's reply (room message
 * `controlAlert`, facilitators only): something stopped the exercise from moving on and needs
 * a person. `reference` matches the server's log line; `message` is `msg` in English.
 */
export type ControlAlert = { code: "resolution_failed"; reference: string; turn: number; message: string; msg?: Msg };
