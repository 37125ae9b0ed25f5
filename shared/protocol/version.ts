/**
 * Bumped whenever a command, event or state field changes incompatibly.
 * 2: perspective records travel as maps of JSON strings (they were one-field schema objects).
 */
export const PROTOCOL_VERSION = 2;
