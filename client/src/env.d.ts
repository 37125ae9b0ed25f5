/** Replaced by Vite: "" in a production build (same origin), the game server's URL in development. */
declare const __GAME_SERVER__: string;
