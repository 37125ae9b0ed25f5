import { CHAT_WINDOW } from "../state/schema.ts";

/**
 * How many of a channel's most recent messages the live state carries for each perspective.
 * Older ones are read on demand (`GET /api/exercises/:id/messages`): a client joining a
 * four-hour exercise does not download every chat line, and the room's memory stays bounded.
 */
export const LIVE_MESSAGES_PER_CHANNEL = CHAT_WINDOW;
