import type { CatalogFor } from "./types.ts";
import type en from "./agreements.en.ts";

/** Des accords qui comptent : domaines des protocoles d'accord, dénonciation, violation, autorisation révoquée. */
export default {
  "agreements.refuse.scopeMouOnly": "Seul un protocole d'accord nomme la coopération qu'il ouvre.",
  "agreements.refuse.commanderArrangementOnly": "Seul un accord de commandement nomme un commandant.",
  "agreements.refuse.commanderParty": "Un accord de commandement nomme son commandant\u00a0: un membre de l'Alliance parmi les parties.",
  "agreements.refuse.allMembers": "Un accord de commandement engage tous les membres de l'Alliance\u00a0: ajoutez {missing}.",
  "agreements.refuse.notInForce": "Seul un accord en vigueur peut être dénoncé\u00a0; celui-ci est {status}.",
  "agreements.refuse.notGranted": "Seule une autorisation accordée peut être révoquée\u00a0; cette demande est {status}.",
  "agreements.explain.trainingDiscount": "Le protocole d'entraînement avec {partners} réduit le prix de l'exercice combiné\u00a0: {cost} au lieu de {full}.",
  "agreements.explain.refund": "{agreement} n'aura pas lieu\u00a0: son budget de {amount} est remboursé.",
  "agreements.explain.logisticsRebate":
    "Soutien de la nation hôte au titre du protocole logistique\u00a0: {host} rembourse à {nation} {amount} du coût de l'envoi de {asset} vers {region}.",
  "agreements.explain.terminated": "{nation} a dénoncé {agreement}\u00a0: confiance avec les autres parties −{cost}.",
  "agreements.explain.terminatedAtTerm": "{nation} a mis fin à {agreement} à son terme, sans perte de confiance.",
  "agreements.explain.breachSharing": "{nation} viole {agreement} en ne partageant rien avec {nations}\u00a0: confiance −{cost} ce tour-ci.",
  "agreements.explain.breachCommand":
    "{nation} viole {agreement} en retirant {asset} du commandement de l'Alliance\u00a0: confiance avec les autres parties −{cost}.",
  "agreements.explain.consentRevoked":
    "{host} a révoqué son autorisation pour les forces de {requester} dans la zone {region} (confiance −{cost})\u00a0; elles doivent partir à la prochaine résolution.",
  "agreements.explain.mustLeave": "{asset} n'a plus l'autorisation de {host} d'être dans la zone {region}\u00a0: il est rappelé vers {destination}.",
  "agreements.explain.stranded": "{asset} n'a plus l'autorisation de {host} d'être dans la zone {region}, et n'a aucun moyen d'en sortir.",
  "agreements.explain.rerouted": "{asset} est dérouté vers {destination} en contournant un territoire où il ne peut plus entrer.",
  "agreements.explain.stopped": "{asset} s'arrête dans la zone {region}\u00a0: son itinéraire traverse un territoire où il ne peut plus entrer.",
  "agreements.scope.none": "aucune coopération nommée",
  "agreements.scope.training": "entraînement commun (exercices combinés moins chers)",
  "agreements.scope.logistics": "logistique (soutien de la nation hôte aux déploiements)",
  "agreements.panel.scope": "Coopération ouverte (protocole d'accord)",
  "agreements.panel.commander": "Commandant (accord de commandement)",
  "agreements.panel.errorCommander": "Choisissez la nation que l'accord de commandement désigne commandant de l'Alliance.",
  "agreements.panel.scopeLine": "Ouvre\u00a0: {scope}",
  "agreements.panel.commanderLine": "Commandant de l'Alliance\u00a0: {nation}",
  "agreements.panel.terminate": "Dénoncer",
  "agreements.panel.terminateLabel": "Dénoncer {title}",
  "agreements.panel.terminated": "Accord dénoncé.",
  "agreements.aar.terminated": "A dénoncé {agreement}",
  "agreements.aar.revokedConsent": "A révoqué son autorisation pour la zone {region}",
  "agreements.response.terminateAgreement": "Dénoncer un accord",
  "agreements.response.revokeConsent": "Révoquer une autorisation",
  "agreements.replay.consentRevoked": "La nation hôte a révoqué une autorisation qu'elle avait accordée.",
  "agreements.consent.revoke": "Révoquer",
  "agreements.consent.revokeLabel": "Révoquer l'autorisation de {nation} pour la zone {region}",
  "agreements.consent.revoked": "Autorisation révoquée\u00a0: leurs forces partent à la prochaine résolution.",
} satisfies CatalogFor<typeof en>;
