import { readFileSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread started from TypeScript modules that the main thread strips of their types.
 *
 * Node strips a `.ts` module's types with a WebAssembly build of swc that each thread loads for
 * itself on its first `.ts` import: ~11 MB of resident memory for the thread (the compiler's
 * code and heap), measured beside the same worker loaded as JavaScript (29 against 18 MB).
 * The SQLite store's thread imports five small modules of ours and nothing else written in
 * TypeScript, so the main thread, whose stripper is loaded already, strips them once and hands
 * them to the thread, whose load hook serves them as they are. A module the walk below does not
 * find (an import it cannot read) is still loaded by Node, stripped as before: slower to start,
 * never wrong.
 */
export function startStrippedWorker(entry: URL, options: WorkerOptions = {}): Worker {
  const modules = strippedModules(entry);
  return new Worker(BOOTSTRAP, {
    ...options,
    eval: true,
    workerData: { ...(options.workerData as object), [MODULES]: modules, [ENTRY]: entry.href },
  });
}

const MODULES = "__strippedModules";
const ENTRY = "__strippedEntry";

/** The worker's own first lines: serve the stripped sources, then import the entry as a module. */
const BOOTSTRAP = `
const { registerHooks } = require("node:module");
const { workerData } = require("node:worker_threads");
const modules = workerData.${MODULES};
registerHooks({
  load(url, context, nextLoad) {
    const source = modules[url];
    return source === undefined ? nextLoad(url, context) : { format: "module", source, shortCircuit: true };
  },
});
import(workerData.${ENTRY}).catch((error) => { setImmediate(() => { throw error; }); });
`;

/** Every `.ts` module of ours `entry` imports, directly or not, stripped of its types (by URL). */
export function strippedModules(entry: URL): Record<string, string> {
  const modules: Record<string, string> = {};
  const pending = [entry];
  for (let url = pending.pop(); url; url = pending.pop()) {
    if (url.href in modules) continue;
    const source = strip(readFileSync(fileURLToPath(url), "utf8"));
    modules[url.href] = source;
    for (const specifier of relativeImports(source)) pending.push(new URL(specifier, url));
  }
  return modules;
}

/**
 * The relative `.ts` specifiers of a stripped module's static imports and re-exports
 * (`import … from "./x.ts"`, `import "./x.ts"`, `export … from "./x.ts"`); type-only ones are
 * already gone.
 */
export function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[\w*${}\s,]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+\.ts)["']/g)) found.push(match[1]!);
  return found;
}

/**
 * `stripTypeScriptTypes` replaces each type with blanks, so lines and columns (and stack traces)
 * stay those of the file. It announces itself as experimental once per process, on stderr, where
 * operators read the server's log: that notice is not theirs to read.
 */
function strip(source: string): string {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === "string" ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type === "ExperimentalWarning" && /stripTypeScriptTypes/.test(String(warning))) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return stripTypeScriptTypes(source, { mode: "strip" });
  } finally {
    process.emitWarning = emitWarning;
  }
}
