import type { CatalogFor } from "./types.ts";
import type en from "./evaluation.en.ts";

export default {
  "evaluation.verdict.notApplicable": "sans objet",
  "evaluation.verdict.attempted": "tenté",
  "evaluation.verdict.forEvaluator": "à apprécier par l'évaluateur",
  "evaluation.action.executed": "ordre exécuté : {order}",
  "evaluation.action.failed": "ordre en échec : {order} ({reason})",
  "evaluation.action.assetOnMission": "{asset} en mission {mission} dans la zone {region}",
  "evaluation.action.alreadyInPlace": "déjà en place : {asset} en mission {mission} dans la zone {region}",
  "evaluation.action.policyReached": "{field, select, alertLevel {niveau d'alerte} rulesOfEngagement {règles d'engagement} publicStance {posture publique} other {politique}} réglé sur {value}",
  "evaluation.action.policyAlready": "déjà à ce réglage ({field, select, alertLevel {niveau d'alerte} rulesOfEngagement {règles d'engagement} publicStance {posture publique} other {politique}}) : {value}",
  "evaluation.action.agreementInForce": "accord en vigueur : {agreement}",
  "evaluation.action.agreementAlready": "accord déjà en vigueur : {agreement}",
} satisfies CatalogFor<typeof en>;
