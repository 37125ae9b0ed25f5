// Concord under PM2: two processes in fork mode (one OS process each, not Node's cluster
// module) sharing Redis and PostgreSQL, behind deploy/nginx.conf. Start with
//   npx pm2 start deploy/ecosystem.config.cjs
// The values below are read when PM2 loads this file: set them in the environment of that command
// (or edit the defaults). Every Concord variable PM2's environment carries reaches both processes
// (TRUST_PROXY, CONCORD_OPERATOR_PASSWORD …); see docs/OPERATIONS.md, "Configuration".
// test/deploy/nginx-pm2.test.ts starts this very file.
const { join } = require("node:path");

const root = join(__dirname, "..");
// The processes' ports: nginx.conf's upstreams and /p0/, /p1/ locations point at them.
const ports = (process.env.CONCORD_DEPLOY_PORTS ?? "2571,2572").split(",").map((p) => p.trim());
// Where browsers reach nginx: each process's PUBLIC_ADDRESS is <this>/p<i>.
const publicHost = process.env.CONCORD_DEPLOY_HOST ?? "concord.example.org";

module.exports = {
  apps: ports.map((port, i) => ({
    name: `concord-${i}`,
    cwd: root,
    script: "server/start.ts",
    // The pinned Node 24 of the install (node_modules/.bin/node) runs the .ts files directly.
    interpreter: join(root, "node_modules", ".bin", "node"),
    // The V8 options of every server process (server/node-flags.ts says why; its SERVER_ENV is in env below).
    node_args: ["--max-semi-space-size=8"],
    exec_mode: "fork",
    instances: 1,
    autorestart: true,
    // A clean stop closes rooms and flushes the store (docs/OPERATIONS.md): give it time.
    kill_timeout: 10000,
    // stdout is JSON log lines (pino); PM2 keeps them in its own files unless told otherwise.
    merge_logs: true,
    env: {
      // The allocator's setting of every server process (server/node-flags.ts, SERVER_ENV).
      MALLOC_MMAP_THRESHOLD_: "131072",
      PORT: port,
      HOST: "127.0.0.1",
      PUBLIC_ADDRESS: `${publicHost}/p${i}`,
      DATABASE_URL: process.env.DATABASE_URL ?? "postgres://concord@127.0.0.1/concord",
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0",
      TRUST_PROXY: process.env.TRUST_PROXY ?? "loopback",
      CONCORD_SKIP_CLIENT_BUILD: process.env.CONCORD_SKIP_CLIENT_BUILD ?? "1",
      CONCORD_DEMO: "0",
    },
  })),
};
