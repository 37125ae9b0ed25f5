/** What bots write when they play a nation: short, plain and clearly a bot's. */
export default {
  "bots.answer.info": "We have nothing further to add at this time; our situation reports are shared as they come in.",
  "bots.consent.note": "Requesting access to support the response to the crisis in this region.",
  "bots.jointExercise.title": "Combined readiness exercise",
  "bots.dialogue.topic": "Coordinating our response to the crisis",
  "bots.agreement.title.mou": "Memorandum of understanding on crisis cooperation",
  "bots.agreement.title.sofa": "Status of forces agreement",
  "bots.agreement.title.intel-sharing": "Intelligence-sharing arrangement",
  "bots.agreement.title.joint-exercise-programme": "Joint exercise programme",
  "bots.agreement.title.command-arrangement": "Alliance command arrangement",
  "bots.release.title": "Releasable summary for alliance partners",
  "bots.release.text": "Sanitised extract for alliance partners: the locations and units concerned, without sources or methods.",
  "bots.release.source": "national assessment",
} as const;
