/**
 * Bumped whenever a command, event or state field changes incompatibly.
 * 2: perspective records travel as maps of JSON strings (they were one-field schema objects).
 * 3: drafts travel as `Draft` schema objects with flat fields (shared/view/draft-wire.ts), not JSON strings.
 */
export const PROTOCOL_VERSION = 3;
