import { readdirSync, readFileSync, statSync, writeFileSync, unlinkSync, existsSync } from "node:fs";
import { join, extname, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, gzip, constants } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Files worth compressing: text. Images and fonts in the build are compressed already. */
const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".html", ".svg", ".json", ".txt", ".map", ".xml", ".wasm", ".ico"]);
/** Below this a compressed copy saves less than the headers that announce it. */
export const MIN_BYTES = 1024;

export type Precompressed = { file: string; bytes: number; br: number | null; gzip: number | null };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) beside every text file of a
 * built client, so the server sends the encoding a browser accepts without compressing per request
 * (server/http/static-client.ts). A copy that would not be smaller is not written (and a stale one
 * from an earlier build is removed), so the server falls back to the file itself.
 */
export async function precompressDir(dir: string): Promise<Precompressed[]> {
  const targets = filesUnder(dir).filter((file) => COMPRESSIBLE.has(extname(file)) && statSync(file).size >= MIN_BYTES);
  return Promise.all(
    targets.map(async (file) => {
      const raw = readFileSync(file);
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gzipAsync(raw, { level: 9 }),
      ]);
      const keep = (suffix: string, data: Buffer) => {
        const path = file + suffix;
        if (data.length < raw.length) {
          writeFileSync(path, data);
          return data.length;
        }
        if (existsSync(path)) unlinkSync(path);
        return null;
      };
      return { file, bytes: raw.length, br: keep(".br", br), gzip: keep(".gz", gz) };
    }),
  );
}

/** Vite plugin: precompress the client once it is written (`vite build` only; nothing in the dev server). */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "concord-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After the files are written (not closeBundle, which also runs after a failed build).
    async writeBundle(options) {
      const done = await precompressDir(options.dir ?? outDir);
      const total = (key: "bytes" | "br" | "gzip") => done.reduce((sum, f) => sum + (f[key] ?? f.bytes), 0);
      this.info(
        `precompressed ${done.length} files: ${Math.round(total("bytes") / 1024)} KB → brotli ${Math.round(total("br") / 1024)} KB, gzip ${Math.round(total("gzip") / 1024)} KB`,
      );
    },
  };
}
