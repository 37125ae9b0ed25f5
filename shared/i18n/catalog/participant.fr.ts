import type { CatalogFor } from "./types.ts";
import type en from "./participant.en.ts";

export default {
  "participant.counter.used": "{used} / {max}",
  "participant.counter.limit": "{max} caractères au plus.",
  "participant.offline.waiting": "En attente du retour de la connexion : rien ne peut être envoyé d'ici là.",
  "participant.commit.notRunning": "Vous pourrez valider quand l'exercice sera en cours ; il est {phase}.",
  "participant.draft.notRunning": "Les ordres se préparent quand l'exercice est en cours ; il est {phase}.",
  "participant.console.timerEnded": "L'exercice est terminé : il n'y a plus de minuteur à régler.",
  "participant.console.noTurn": "Aucun tour à résoudre tant que l'exercice est {phase}.",
  "participant.withdrawn.notice": "Le projet « {order} » de {author} a été retiré par {by}.",
  "participant.feed.withdrawn": "{by} a retiré le projet d'ordre {order} proposé par {author}.",
  "participant.withdrawn.dismiss": "Fermer",
} satisfies CatalogFor<typeof en>;
