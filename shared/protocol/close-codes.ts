/**
 * WebSocket close codes of ours, in a module of their own that imports nothing: the browser
 * needs the numbers, not the command schemas (zod) they used to sit beside.
 */
/** The server closes a seat's connections with this code when exercise control removed the seat. */
export const SEAT_REMOVED = 4403;
