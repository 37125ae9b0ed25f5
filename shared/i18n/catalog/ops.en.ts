/**
 * Operators' endpoints and tools (server/http/health.ts, server/cli/args.ts): the answers a
 * person reads. Log lines stay English JSON fields, outside the catalogue.
 */
export default {
  "ops.health.badWindow": "window must be a whole number of seconds from 1 to {max}, e.g. /health?window=10.",
  "ops.cli.unexpected": "concord {command}: unexpected argument \"{arg}\".",
  "ops.cli.noValueTaken": "concord {command}: {option} takes no value.",
} as const;
