/** Bumped whenever a command, event or state field changes incompatibly. */
export const PROTOCOL_VERSION = 1;
