import type { CatalogFor } from "./types.ts";
import type en from "./library.en.ts";

export default {
  "library.join.archived": "Cet exercice est archivé : on peut le rejouer et lire son rapport, pas le jouer. La direction d'exercice peut le rétablir depuis la bibliothèque des exercices.",
  "library.join.loadFailed": "L'exercice n'a pas pu être chargé depuis son journal. Réessayez dans un instant ; si cela persiste, prévenez l'exploitant.",
  "library.http.keysRequired": "Envoyez les clés d'animation à rechercher dans keys : [{ id, token }], {max} au plus.",
  "library.http.facilitatorOnly": "Seule la direction d'exercice (le lien d'animation) peut archiver, supprimer ou relancer un exercice.",
  "library.http.confirmRequired": "La suppression d'un exercice est définitive : envoyez confirm égal à l'identifiant de l'exercice.",
  "library.http.archived": "Cet exercice est archivé : rétablissez-le depuis la bibliothèque des exercices pour le modifier.",
} satisfies CatalogFor<typeof en>;
