import type { CatalogFor } from "./types.ts";
import type en from "./serving.en.ts";

/** Une page et son serveur au même niveau : la vérification du protocole à l’entrée, un client qui n’a pas pu se charger en entier. */
export default {
  "serving.reload": "Recharger la page",
  "serving.protocolMismatch":
    "Cette page vient d’une autre version de Concord que le serveur (protocole {client} ici, {server} sur le serveur), sans doute parce que le serveur a été mis à jour. Rechargez la page pour obtenir la version actuelle.",
  "serving.protocolMismatchBrief":
    "Cette page vient d’une autre version de Concord que le serveur, sans doute parce que le serveur a été mis à jour. Rechargez la page pour obtenir la version actuelle.",
  "serving.mapFailed":
    "La carte n’a pas pu être chargée, peut-être parce que le serveur a été mis à jour ou que le réseau a été coupé. Rechargez la page pour réessayer.",
} satisfies CatalogFor<typeof en>;
