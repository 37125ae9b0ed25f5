/**
 * What the server tells exercise control outside of a command's reply (room message
 * `controlAlert`, facilitators only): something stopped the exercise from moving on and needs
 * a person. `reference` matches the server's log line.
 */
export type ControlAlert = { code: "resolution_failed"; reference: string; turn: number; message: string };
