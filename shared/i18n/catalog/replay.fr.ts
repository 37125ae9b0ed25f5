import type { CatalogFor } from "./types.ts";
import type en from "./replay.en.ts";

export default {
  "replay.title": "x",
} satisfies CatalogFor<typeof en>;
