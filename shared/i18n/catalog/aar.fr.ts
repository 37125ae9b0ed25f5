import type { CatalogFor } from "./types.ts";
import type en from "./aar.en.ts";

export default {
  "aar.title": "x",
} satisfies CatalogFor<typeof en>;
