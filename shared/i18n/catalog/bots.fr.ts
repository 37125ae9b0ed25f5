import type { CatalogFor } from "./types.ts";
import type en from "./bots.en.ts";

export default {
  "bots.answer.info": "Nous n’avons rien à ajouter pour l’instant ; nos comptes rendus de situation sont partagés au fur et à mesure.",
  "bots.consent.note": "Demande d’accès pour soutenir la réponse à la crise dans cette région.",
  "bots.jointExercise.title": "Exercice combiné de préparation opérationnelle",
  "bots.dialogue.topic": "Coordination de notre réponse à la crise",
} satisfies CatalogFor<typeof en>;
