import type { CatalogFor } from "./types.ts";
import type en from "./common.en.ts";

export default {
  "common.list.and": "{items}",
  "common.unknown": "inconnu",
  "common.untranslated": "{text} (non traduit)",
  "common.language": "Langue",
} satisfies CatalogFor<typeof en>;
