import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";
import { precompress } from "./build/precompress.ts";

const page = (name: string) => fileURLToPath(new URL(`client/${name}`, import.meta.url));

/**
 * The browser client lives in client/ and is built into dist/, which the game server serves.
 * In development (`npm run dev`) Vite serves the client with hot reload and forwards the HTTP API
 * to the game server; the Colyseus SDK talks to the game server directly.
 */
const gameServer = `http://localhost:${process.env.PORT ?? 2567}`;

export default defineConfig(({ command }) => ({
  root: "client",
  // Brotli and gzip copies of every text file, written once at build (build/precompress.ts).
  plugins: [precompress()],
  publicDir: "public",
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // Two pages: the live client and the replay viewer (which does not need Phaser).
    rollupOptions: {
      input: { main: page("index.html"), replay: page("replay.html") },
      // Brotli at quality 11 is most of the build's time, by design (build/precompress.ts): no warning about it.
      checks: { pluginTimings: false },
      // The message catalogue and its formatter, which both pages need, in a chunk named for what it is.
      output: { codeSplitting: { groups: [{ name: "i18n", test: /[\\/]shared[\\/]i18n[\\/]|[\\/]node_modules[\\/](intl-messageformat|@formatjs)[\\/]/ }] } },
    },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: { "/api": gameServer, "/health": gameServer },
  },
  define: {
    // A built client talks to the server that serves it; the dev server's client to the game server.
    __GAME_SERVER__: JSON.stringify(command === "build" ? "" : gameServer),
  },
}));
