/**
 * Operators' endpoints and tools (server/http/health.ts, server/cli/args.ts): the answers a
 * person reads. Log lines stay English JSON fields, outside the catalogue.
 */
export default {
  "ops.health.badWindow": "window must be a whole number of seconds from 1 to {max}, e.g. /health?window=10.",
  "ops.cli.unexpected": 'concord {command}: unexpected argument "{arg}".',
  "ops.cli.noValueTaken": "concord {command}: {option} takes no value.",
  "ops.doctor.schemaCurrent": "Schema version {version} (current).",
  "ops.doctor.schemaOlder": "Schema version {found}, from an older release: the server brings it to version {current} when it next starts.",
  "ops.doctor.schemaNewer":
    "Schema version {found}: written by a newer Concord (this one knows versions up to {current}). Run that release again, or restore a backup taken before the upgrade.",
  "ops.bench.badNumber": "{command}: {option} must be a whole number from {min} to {max}, not “{value}”.",
  "ops.bench.badChoice": "{command}: {option} must be {choices}, not “{value}”.",
} as const;
