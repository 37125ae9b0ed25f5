/** Evaluation (HSEEP): verdicts judged by outcomes, the EEG, observations, ratings, feedback, hot wash. */
export default {
  "evaluation.verdict.notApplicable": "not applicable",
  "evaluation.verdict.attempted": "attempted",
  "evaluation.verdict.forEvaluator": "for the evaluator",
  "evaluation.action.executed": "order executed: {order}",
  "evaluation.action.failed": "order failed: {order} ({reason})",
  "evaluation.action.assetOnMission": "{asset} on {mission} in {region}",
  "evaluation.action.alreadyInPlace": "already in place: {asset} on {mission} in {region}",
  "evaluation.action.policyReached": "{field, select, alertLevel {alert level} rulesOfEngagement {rules of engagement} publicStance {public stance} other {policy}} set to {value}",
  "evaluation.action.policyAlready": "already at {field, select, alertLevel {alert level} rulesOfEngagement {rules of engagement} publicStance {public stance} other {policy}} {value}",
  "evaluation.action.agreementInForce": "agreement in force: {agreement}",
  "evaluation.action.agreementAlready": "agreement already in force: {agreement}",
} as const;
