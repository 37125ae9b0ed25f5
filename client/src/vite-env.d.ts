/** The part of Vite's `import.meta` the client reads (without pulling in vite/client types). */
interface ImportMeta {
  /** Present only when the page is served by Vite's dev server. */
  readonly hot?: unknown;
}
