import type { CatalogFor } from "./types.ts";
import type en from "./bots.en.ts";

export default {
  "bots.answer.info": "Nous n’avons rien à ajouter pour l’instant ; nos comptes rendus de situation sont partagés au fur et à mesure.",
  "bots.consent.note": "Demande d’accès pour soutenir la réponse à la crise dans cette région.",
  "bots.jointExercise.title": "Exercice combiné de préparation opérationnelle",
  "bots.dialogue.topic": "Coordination de notre réponse à la crise",
  "bots.agreement.title.mou": "Protocole d’accord sur la coopération en cas de crise",
  "bots.agreement.title.sofa": "Accord sur le statut des forces",
  "bots.agreement.title.intel-sharing": "Arrangement de partage du renseignement",
  "bots.agreement.title.joint-exercise-programme": "Programme d’exercices conjoints",
  "bots.agreement.title.command-arrangement": "Arrangement de commandement de l’Alliance",
  "bots.release.title": "Synthèse communicable aux partenaires de l’Alliance",
  "bots.release.text": "Extrait expurgé pour les partenaires de l’Alliance : les lieux et unités concernés, sans sources ni méthodes.",
  "bots.release.source": "évaluation nationale",
} satisfies CatalogFor<typeof en>;
