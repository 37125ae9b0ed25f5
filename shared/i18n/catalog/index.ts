import type { Lang } from "../languages.ts";
import commonEn from "./common.en.ts";
import commonFr from "./common.fr.ts";
import termsEn from "./terms.en.ts";
import termsFr from "./terms.fr.ts";
import engineEn from "./engine.en.ts";
import engineFr from "./engine.fr.ts";
import serverEn from "./server.en.ts";
import serverFr from "./server.fr.ts";
import panelsEn from "./panels.en.ts";
import panelsFr from "./panels.fr.ts";
import feedEn from "./feed.en.ts";
import feedFr from "./feed.fr.ts";
import aarEn from "./aar.en.ts";
import aarFr from "./aar.fr.ts";
import replayEn from "./replay.en.ts";
import replayFr from "./replay.fr.ts";
import startEn from "./start.en.ts";
import startFr from "./start.fr.ts";
import gameEn from "./game.en.ts";
import gameFr from "./game.fr.ts";
import consoleEn from "./console.en.ts";
import consoleFr from "./console.fr.ts";
import cliEn from "./cli.en.ts";
import cliFr from "./cli.fr.ts";
import scenarioEn from "./scenario.en.ts";
import scenarioFr from "./scenario.fr.ts";
import botsEn from "./bots.en.ts";
import toaEn from "./toa.en.ts";
import policiesEn from "./policies.en.ts";
import toaFr from "./toa.fr.ts";
import botsFr from "./bots.fr.ts";
import agreementsEn from "./agreements.en.ts";
import policiesFr from "./policies.fr.ts";
import agreementsFr from "./agreements.fr.ts";
import briefingEn from "./briefing.en.ts";
import diplomacyEn from "./diplomacy.en.ts";
import briefingFr from "./briefing.fr.ts";
import diplomacyFr from "./diplomacy.fr.ts";
import intelEn from "./intel.en.ts";
import intelFr from "./intel.fr.ts";
import liftEn from "./lift.en.ts";
import liftFr from "./lift.fr.ts";
import servingEn from "./serving.en.ts";
import servingFr from "./serving.fr.ts";
import opsEn from "./ops.en.ts";
import opsFr from "./ops.fr.ts";
import controlEn from "./control.en.ts";
import controlFr from "./control.fr.ts";
import libraryEn from "./library.en.ts";
import libraryFr from "./library.fr.ts";
import participantEn from "./participant.en.ts";
import participantFr from "./participant.fr.ts";
import botNationsEn from "./bot-nations.en.ts";
import botNationsFr from "./bot-nations.fr.ts";
import evaluationEn from "./evaluation.en.ts";
import evaluationFr from "./evaluation.fr.ts";
import evaluiEn from "./evalui.en.ts";
import evaluiFr from "./evalui.fr.ts";
import playbookEn from "./playbook.en.ts";
import playbookFr from "./playbook.fr.ts";
import mselEn from "./msel.en.ts";
import mselFr from "./msel.fr.ts";
import mselformEn from "./mselform.en.ts";
import mselformFr from "./mselform.fr.ts";
import mapEn from "./map.en.ts";
import mapFr from "./map.fr.ts";
import seatsEn from "./seats.en.ts";
import seatsFr from "./seats.fr.ts";
import turnsEn from "./turns.en.ts";
import turnsFr from "./turns.fr.ts";
import pictureEn from "./picture.en.ts";
import pictureFr from "./picture.fr.ts";

/**
 * The message catalogue: ICU MessageFormat strings (plurals, select for gender or kind), one file
 * per domain and language so each area of the product owns its words. English is the reference:
 * every other language must have exactly its keys (a type error otherwise) with the same
 * parameters (test/i18n/catalog.test.ts).
 *
 * To add a domain: write `<domain>.en.ts` (an object `as const`) and `<domain>.fr.ts`
 * (`satisfies CatalogFor<typeof en>`), then spread both below.
 */
export const EN = {
  ...commonEn,
  ...termsEn,
  ...engineEn,
  ...serverEn,
  ...panelsEn,
  ...feedEn,
  ...aarEn,
  ...replayEn,
  ...startEn,
  ...gameEn,
  ...consoleEn,
  ...cliEn,
  ...scenarioEn,
  ...botsEn,
  ...policiesEn,
  ...briefingEn,
  ...toaEn,
  ...agreementsEn,
  ...diplomacyEn,
  ...intelEn,
  ...liftEn,
  ...servingEn,
  ...opsEn,
  ...controlEn,
  ...libraryEn,
  ...participantEn,
  ...botNationsEn,
  ...evaluationEn,
  ...playbookEn,
  ...mselEn,
  ...mselformEn,
  ...mapEn,
  ...seatsEn,
  ...turnsEn,
  ...evaluiEn,
  ...pictureEn,
} as const;
export type MessageKey = keyof typeof EN;

const FR: { readonly [K in MessageKey]: string } = {
  ...commonFr,
  ...termsFr,
  ...engineFr,
  ...serverFr,
  ...panelsFr,
  ...feedFr,
  ...aarFr,
  ...replayFr,
  ...startFr,
  ...gameFr,
  ...consoleFr,
  ...cliFr,
  ...scenarioFr,
  ...botsFr,
  ...policiesFr,
  ...briefingFr,
  ...toaFr,
  ...agreementsFr,
  ...diplomacyFr,
  ...intelFr,
  ...liftFr,
  ...servingFr,
  ...opsFr,
  ...controlFr,
  ...libraryFr,
  ...participantFr,
  ...botNationsFr,
  ...evaluationFr,
  ...playbookFr,
  ...mselFr,
  ...mselformFr,
  ...mapFr,
  ...seatsFr,
  ...turnsFr,
  ...evaluiFr,
  ...pictureFr,
};

export const CATALOG: Record<Lang, { readonly [K in MessageKey]: string }> = { en: EN, fr: FR };
