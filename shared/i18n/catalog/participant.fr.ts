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
  "participant.briefing.you": "Votre nation : {nation}",
  "participant.briefing.goals": "Ce que votre nation doit accomplir",
  "participant.briefing.noGoals": "Le scénario ne fixe aucun objectif propre à votre nation.",
  "participant.briefing.resources": "Vos moyens",
  "participant.briefing.books":
    "Budget {budget} (plus {perTurn} à chaque tour), capital politique {capital} sur 100, disponibilité {readiness} sur 100. Vos forces :",
  "participant.briefing.asset": "{category} {name} à {region} ({status})",
  "participant.briefing.agreements": "Accords en vigueur",
  "participant.briefing.agreement": "{title} ({kind}) avec {parties}",
  "participant.briefing.noAgreements": "Aucun pour l'instant : les accords se proposent dans l'onglet Diplomatie.",
  "participant.briefing.toMap": "J'ai lu le briefing : afficher la carte",
  "participant.withdrawn.dismiss": "Fermer",
} satisfies CatalogFor<typeof en>;
