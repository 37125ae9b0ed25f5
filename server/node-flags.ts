/**
 * The V8 options and the environment every Concord server process is started with: `npm start`
 * (package.json), PM2 (deploy/ecosystem.config.cjs, `node_args` and `env`), `npm run dev`
 * (server/dev.ts) and the servers the benchmarks start (bench/processes.ts).
 * test/server/node-flags.test.ts checks that they agree.
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

/**
 * `MALLOC_MMAP_THRESHOLD_=131072` (glibc, mallopt(3)): every allocation of 128 KB or more gets
 * pages of its own, given back to the system when it is freed. A room's schema encoder buffers
 * (512 KB and more) and the full states encoded at joins are such allocations, made outside V8's
 * heap. By default glibc raises the threshold after the first such buffer is freed, and the
 * later ones are carved from the heap, which keeps the pages once a room unloads: 15 rooms
 * loaded and unloaded left an idle server at 202–207 MB, 183–188 MB with this (and 176–178 →
 * 161–162 MB at start; docs/PERFORMANCE.md, "Rooms on demand"). It is read when the process
 * starts, so it cannot be set from inside; other C libraries ignore it.
 */
export const SERVER_ENV = { MALLOC_MMAP_THRESHOLD_: "131072" } as const;
