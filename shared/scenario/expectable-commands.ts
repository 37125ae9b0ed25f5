/**
 * What teams can do that an inject's expected action can name (see shared/protocol/commands.ts):
 * the scenario's validator refuses any other, the JSON Schema lists them, and exercise control's
 * MSEL editor offers each by its label. No zod here: the console takes the list without the
 * scenario schema.
 */
export const EXPECTABLE_COMMANDS = [
  "deployAsset",
  "prepositionAsset",
  "recallAsset",
  "setMission",
  "setPolicy",
  "fundCapacityBuilding",
  "transferAuthority",
  "revokeAuthority",
  "embarkAsset",
  "disembarkAsset",
  "shareIntel",
  "releaseVersion",
  "reportSighting",
  "requestInfo",
  "answerInfo",
  "proposeAgreement",
  "answerAgreement",
  "terminateAgreement",
  "proposeJointExercise",
  "requestConsent",
  "answerConsent",
  "revokeConsent",
  "conveneDialogue",
  "makeStatement",
  "sendMessage",
] as const;
export type ExpectableCommand = (typeof EXPECTABLE_COMMANDS)[number];
