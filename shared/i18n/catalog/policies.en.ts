/** Policies, tension, incidents and deterrence: what they did at resolution and what each choice costs and gives (shared/engine/posture.ts, tension.ts, incidents.ts). */
export default {
  "policies.tension.reason.policies": "{nation}'s posture ({alertLevel} alert, {rulesOfEngagement} ROE, {publicStance} stance) {amount, number, ::sign-always}",
  "policies.tension.reason.incidents": "{count, plural, one {an incident} other {# incidents}} {amount, number, ::sign-always}",
  "policies.tension.reason.dialogues": "{count, plural, one {a dialogue convened} other {# dialogues convened}} {amount, number, ::sign-always}",
  "policies.tension.reason.adjusted": "events {amount, number, ::sign-always}",
  "policies.tension.reason.decay": "drift back toward {level, number} {amount, number, ::sign-always}",
  "policies.tension.rose": "Tension rose from {from, number} to {to, number}: {reasons}.",
  "policies.tension.fell": "Tension fell from {from, number} to {to, number}: {reasons}.",
  "policies.incident.happened":
    "Incident in {region} between {nation}'s forces ({rulesOfEngagement} ROE) and those of {adversaries}: the {crisis} there is now at {severity, number}, every unit involved loses {loss, number} strength, tension +{tension, number}.",
  "policies.crisis.recoveryBlocked": "Hostile forces in {region} outweigh the allied units there: the region does not recover this turn.",
  "policies.crisis.response": "Your forces removed {amount, number} of the {crisis} in {region} (×{factor, number} for your {alertLevel} alert).",
  "policies.crisis.responseHostile":
    "Your forces removed {amount, number} of the {crisis} in {region} (×{factor, number} for your {alertLevel} alert and {rulesOfEngagement} ROE).",
  "policies.crisis.part.response": "allied response −{amount, number}",
  "policies.crisis.part.hostile": "hostile forces present +{amount, number}",
  "policies.crisis.part.escalation":
    "unanswered escalation +{amount, number} (+{undamped, number} at tension {tension, number}, divided by 1 + deterrence {deterrence, number})",
  "policies.crisis.part.stoked":
    "the adversary stoking it +{amount, number} (+{undamped, number} at tension {tension, number}, divided by 1 + deterrence {deterrence, number})",
  "policies.crisis.hostile": "The {crisis} in {region} went from {from, number} to {to, number}: {parts}.",
  "policies.economy.alert":
    "Your {alertLevel} alert cost {extra, number} budget in upkeep and standing readiness, and regained {readiness, number} extra readiness.",
  "policies.economy.alertOverstretched":
    "Your {alertLevel} alert cost {extra, number} budget in upkeep and standing readiness; the budget could not pay, so readiness fell instead of rising (the alert's +{readiness, number} lost).",
  "policies.result.missionDeployedInPlace":
    "{asset} deploys where it stands on a new mission: {mission} (a deployment in place: {cost, number} budget and {readiness, number} readiness).",
  "policies.escalation.alert": "raising the alert to {alertLevel}",
  "policies.escalation.roe": "setting the ROE to {rulesOfEngagement}",
  "policies.escalation.stance": "taking an {publicStance} public stance",
  "policies.escalation.cost": "Escalation: {escalation} cost {trust, number} trust with each alliance partner.",
  "policies.reassurance.gain": "Your reassuring stance gained {trust, number} trust with each alliance partner.",

  "policies.bar.tension": "Tension {value, number}/100",
  "policies.bar.tensionTitle": "How alarmed the adversary is",
  "policies.bar.lastTurn": "What moved it at the last resolution",
  "policies.bar.noChange": "It has not moved yet.",
  "policies.bar.what":
    "It rises with each allied nation's alert level, robust ROE, firm or assertive stance and with incidents; reassuring stances and dialogues lower it, and it drifts back toward {initial, number}. Higher tension makes incidents likelier and the adversary's crises grow faster.",

  "policies.form.explainer": "What each choice costs and gives (this scenario's numbers):",
  "policies.form.alert":
    "{level}: upkeep ×{upkeep, number} and {standing, number} budget a turn; readiness +{readiness, number} a turn; {speed, plural, =0 {no faster moves} one {+1 region a turn} other {+# regions a turn}}; response ×{response, number}; deterrence {deterrence, number}; tension {tension, number, ::sign-always} a turn{escalation, select, yes {; raising it to this level costs {trust, number} trust with each ally} other {}}.",
  "policies.form.roe":
    "{level}: against the adversary's crises, response ×{response, number}; {chance, number, ::percent} chance a turn of an incident where your forces meet theirs (at tension {reference, number}; {now, number, ::percent} now); tension {tension, number, ::sign-always} a turn{escalation, select, yes {; setting it costs {trust, number} trust with each ally} other {}}.",
  "policies.form.stance":
    "{level}: deterrence {deterrence, number}; tension {tension, number, ::sign-always} a turn{change, select, cost {; adopting it costs {trust, number} trust with each ally} gain {; adopting it gains {trust, number} trust with each ally} other {}}.",
  "policies.form.note":
    "Deterrence (alert plus stance, averaged over the alliance, plus units on presence, deterrence or patrol missions in or next to the region) slows the growth of the adversary's crises only; natural and humanitarian crises ignore posture.",
} as const;
