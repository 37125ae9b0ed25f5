/**
 * Where the game server is. HTTP calls always go to the page's origin (Vite's dev server proxies
 * /api). The WebSocket goes straight to the game server when the page comes from Vite's dev
 * server (the only place `import.meta.hot` exists), else to the page's origin. __GAME_SERVER__
 * alone is not trusted: a build run with NODE_ENV other than "production" (under vitest, say)
 * leaves it set to http://localhost:2567.
 */
export function gameServerUrl(): string {
  const devServer = Boolean(import.meta.hot);
  return devServer && typeof __GAME_SERVER__ === "string" && __GAME_SERVER__ ? __GAME_SERVER__ : window.location.origin;
}
