#!/usr/bin/env node
// `npx concord …` may start under the machine's older Node; the CLI is TypeScript run by the
// project's own Node 24 (the `node` package), so hand over to it with the same arguments.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const candidates = [join(root, "node_modules", "node", "bin", "node"), join(root, "node_modules", ".bin", "node")];
const node = candidates.find((p) => existsSync(p));
if (!node) {
  process.stderr.write("concord: the project's Node 24 is missing. Run `npm install` in " + root + " first.\n");
  process.exit(1);
}
const result = spawnSync(node, [join(root, "server", "cli", "main.ts"), ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
