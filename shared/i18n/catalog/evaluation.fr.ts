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
  "evaluation.auth.participantsOnly": "Seul le poste d'un participant répond au questionnaire de retour",
  "evaluation.auth.leadOnly": "Seuls l'évaluateur principal ou la direction d'exercice peuvent le faire",
  "evaluation.auth.evaluatorsOnly": "Seuls les évaluateurs et la direction d'exercice rédigent observations et appréciations",
  "evaluation.unknownTask": "Cette tâche critique n'existe pas dans le guide d'évaluation",
  "evaluation.unknownCapability": "Cette capacité n'existe pas dans le guide d'évaluation",
  "evaluation.improvement.datesReversed": "La date d'achèvement précède la date de début",
  "evaluation.feedback.notEnded": "Le questionnaire de retour s'ouvre à la fin de l'exercice",
  "evaluation.feedback.already": "Ce poste a déjà répondu au questionnaire de retour",
  "evaluation.feedback.unknownObjective": "Une note porte sur un objectif que l'exercice n'a pas",
  "evaluation.feedback.empty": "Le questionnaire est vide : écrivez quelque chose ou notez un objectif",
  "evaluation.validate.noLearningObjective": "l'objectif pédagogique {index} n'existe pas (le scénario en a {count})",
  "evaluation.validate.policyValue": "« {value} » n'est pas une valeur de cette politique ({values})",
} satisfies CatalogFor<typeof en>;
