/** A domain's French (or other) catalogue must have exactly the keys of its English one. */
export type CatalogFor<English extends Record<string, string>> = { readonly [K in keyof English]: string };
