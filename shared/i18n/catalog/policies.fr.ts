import type { CatalogFor } from "./types.ts";
import type en from "./policies.en.ts";

export default {
  "policies.tension.reason.policies":
    "posture de {nation} (niveau d’alerte {alertLevel}, ROE {rulesOfEngagement}, posture publique {publicStance}) {amount, number, ::sign-always}",
  "policies.tension.reason.incidents": "{count, plural, one {un incident} other {# incidents}} {amount, number, ::sign-always}",
  "policies.tension.reason.dialogues": "{count, plural, one {un dialogue convoqué} other {# dialogues convoqués}} {amount, number, ::sign-always}",
  "policies.tension.reason.adjusted": "les événements {amount, number, ::sign-always}",
  "policies.tension.reason.decay": "retour progressif vers {level, number} {amount, number, ::sign-always}",
  "policies.tension.rose": "La tension est passée de {from, number} à {to, number} : {reasons}.",
  "policies.tension.fell": "La tension est retombée de {from, number} à {to, number} : {reasons}.",
  "policies.incident.happened":
    "Incident dans la zone {region} entre les forces de {nation} (ROE {rulesOfEngagement}) et celles de {adversaries} : la crise ({crisis}) y atteint {severity, number}, chaque unité impliquée perd {loss, number} points de potentiel, tension +{tension, number}.",
  "policies.crisis.recoveryBlocked":
    "Les forces hostiles présentes dans la zone {region} l’emportent sur les unités alliées : la zone ne se rétablit pas ce tour-ci.",
  "policies.crisis.response":
    "Vos forces ont réduit de {amount, number} la crise ({crisis}) dans la zone {region} (×{factor, number} pour votre niveau d’alerte {alertLevel}).",
  "policies.crisis.responseHostile":
    "Vos forces ont réduit de {amount, number} la crise ({crisis}) dans la zone {region} (×{factor, number} pour votre niveau d’alerte {alertLevel} et vos ROE {rulesOfEngagement}).",
  "policies.crisis.part.response": "action alliée −{amount, number}",
  "policies.crisis.part.hostile": "présence de forces hostiles +{amount, number}",
  "policies.crisis.part.escalation":
    "aggravation faute de réponse +{amount, number} (+{undamped, number} à une tension de {tension, number}, divisé par 1 + dissuasion {deterrence, number})",
  "policies.crisis.part.stoked":
    "l’adversaire qui l’attise +{amount, number} (+{undamped, number} à une tension de {tension, number}, divisé par 1 + dissuasion {deterrence, number})",
  "policies.crisis.hostile": "La crise ({crisis}) dans la zone {region} est passée de {from, number} à {to, number} : {parts}.",
  "policies.economy.alert":
    "Votre niveau d’alerte {alertLevel} a coûté {extra, number} de budget en entretien et en disponibilité permanente, et rendu {readiness, number} points de disponibilité supplémentaires.",
  "policies.economy.alertOverstretched":
    "Votre niveau d’alerte {alertLevel} a coûté {extra, number} de budget en entretien et en disponibilité permanente ; le budget n’a pas suffi, la disponibilité a donc baissé au lieu de remonter (les +{readiness, number} dus au niveau d’alerte sont perdus).",
  "policies.result.missionDeployedInPlace":
    "{asset} se déploie sur place pour une nouvelle mission : {mission} (un déploiement sur place : {cost, number} de budget et {readiness, number} points de disponibilité).",
  "policies.escalation.alert": "le passage au niveau d’alerte {alertLevel}",
  "policies.escalation.roe": "l’adoption de ROE {rulesOfEngagement}",
  "policies.escalation.stance": "l’adoption d’une posture publique {publicStance}",
  "policies.escalation.cost": "Escalade : {escalation} a coûté {trust, number} points de confiance avec chaque partenaire de l’alliance.",
  "policies.reassurance.gain": "Votre posture rassurante vous a valu {trust, number} points de confiance avec chaque partenaire de l’alliance.",

  "policies.bar.tension": "Tension {value, number}/100",
  "policies.bar.tensionTitle": "Le degré d’inquiétude de l’adversaire",
  "policies.bar.lastTurn": "Ce qui l’a fait varier à la dernière résolution",
  "policies.bar.noChange": "Elle n’a pas encore varié.",
  "policies.bar.what":
    "Elle monte avec le niveau d’alerte de chaque nation alliée, des ROE robustes, une posture ferme ou affirmée et les incidents ; les postures rassurantes et les dialogues la font baisser, et elle revient peu à peu vers {initial, number}. Plus elle est haute, plus les incidents sont probables et plus les crises provoquées par l’adversaire s’aggravent vite.",

  "policies.form.explainer": "Ce que coûte et apporte chaque choix (valeurs de ce scénario) :",
  "policies.form.alert":
    "{level} : entretien ×{upkeep, number} et {standing, number} de budget par tour ; disponibilité +{readiness, number} par tour ; {speed, plural, =0 {pas de déplacement plus rapide} one {+1 zone par tour} other {+# zones par tour}} ; action ×{response, number} ; dissuasion {deterrence, number} ; tension {tension, number, ::sign-always} par tour{escalation, select, yes { ; passer à ce niveau coûte {trust, number} points de confiance avec chaque allié} other {}}.",
  "policies.form.roe":
    "{level} : face aux crises provoquées par l’adversaire, action ×{response, number} ; {chance, number, ::percent} de risque d’incident par tour là où vos forces croisent les siennes (à une tension de {reference, number} ; {now, number, ::percent} actuellement) ; tension {tension, number, ::sign-always} par tour{escalation, select, yes { ; les adopter coûte {trust, number} points de confiance avec chaque allié} other {}}.",
  "policies.form.stance":
    "{level} : dissuasion {deterrence, number} ; tension {tension, number, ::sign-always} par tour{change, select, cost { ; l’adopter coûte {trust, number} points de confiance avec chaque allié} gain { ; l’adopter rapporte {trust, number} points de confiance avec chaque allié} other {}}.",
  "policies.form.note":
    "La dissuasion (alerte et posture publique, en moyenne sur l’alliance, plus les unités en mission de présence, de dissuasion ou de patrouille dans la zone ou à côté) ralentit seulement l’aggravation des crises provoquées par l’adversaire ; les crises naturelles et humanitaires ne dépendent pas de la posture.",
} satisfies CatalogFor<typeof en>;
