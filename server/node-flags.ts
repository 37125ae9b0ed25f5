/**
 * The V8 options every Concord server process is started with: `npm start` (package.json),
 * PM2 (deploy/ecosystem.config.cjs, `node_args`), `npm run dev` (server/dev.ts) and the servers
 * the benchmarks start (bench/processes.ts). test/server/node-flags.test.ts checks that they agree.
 *
 * `--max-semi-space-size=8`: V8's young generation may grow to 2 × 32 MB on Node 24, and it does
 * in the bursts where most new objects survive (loading the modules at start, folding an
 * exercise's log when its room loads); V8 does not give those pages back while the process idles,
 * so an idle server with rooms on demand sat at 64 MB of young generation it no longer used.
 * 8 MB semi-spaces (16 MB of young generation, V8's own default for years) keep an idle server
 * under the 200 MB of docs/PERFORMANCE.md ("Rooms on demand"); the command round trip is measured
 * with them (bench: roundtrip, ops).
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=8"] as const;
