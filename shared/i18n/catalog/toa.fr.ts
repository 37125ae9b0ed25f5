import type { CatalogFor } from "./types.ts";
import type en from "./toa.en.ts";

/** Transfert d'autorité : forces sous commandement de l'Alliance, commandant, restrictions nationales, situation partagée. */
export default {
  "term.agreementKind.command-arrangement": "accord de commandement",
  "term.agreementStatus.terminated": "dénoncé",
  "term.requestStatus.revoked": "révoquée",
  "toa.action.designateCommander": "désigner le commandant de l'Alliance",
  "toa.refuse.underCommand":
    "{asset} est sous commandement de l'Alliance\u00a0: c'est {commander} qui lui donne ses ordres. Vous pouvez seulement révoquer le transfert d'autorité.",
  "toa.refuse.underCommandNobody":
    "{asset} est sous commandement de l'Alliance et aucun commandant n'est désigné. Vous pouvez seulement révoquer le transfert d'autorité.",
  "toa.refuse.caveatMission": "Restriction nationale de {owner}\u00a0: {asset} ne peut pas recevoir la mission «\u00a0{mission}\u00a0».",
  "toa.refuse.caveatRegion": "Restriction nationale de {owner}\u00a0: {asset} ne peut pas être envoyé vers {region}.",
  "toa.refuse.notUnderCommand": "{asset} n'est pas sous commandement de l'Alliance.",
  "toa.refuse.notAllied": "Seuls les membres de l'Alliance peuvent placer des forces sous son commandement.",
  "toa.refuse.noCommander":
    "Aucun commandant de l'Alliance n'est encore désigné\u00a0: la direction de l'exercice en désigne un, ou les alliés concluent un accord de commandement.",
  "toa.refuse.already": "{asset} est déjà sous commandement de l'Alliance ({commander}).",
  "toa.refuse.commanderNotAllied": "{nation} ne peut pas commander les forces de l'Alliance : seul un membre de l'Alliance joué par une équipe le peut.",
  "toa.refuse.sameCommander": "C'est déjà le commandant de l'Alliance.",
  "toa.caveat.mission": "mission exclue\u00a0: {mission}",
  "toa.caveat.region": "zone exclue\u00a0: {region}",
  "toa.caveat.list": "restrictions\u00a0: {caveats}",
  "toa.caveat.none": "sans restriction",
  "toa.result.transferred": "{asset} placé sous commandement de l'Alliance ({commander}), {caveats}.",
  "toa.result.revoked": "{asset} retiré du commandement de l'Alliance.",
  "toa.explain.transferred":
    "{owner} a placé {asset} sous commandement de l'Alliance\u00a0: {commander} lui donne désormais ses ordres ({caveats}). Les contributeurs partagent sa situation.",
  "toa.explain.revoked": "{owner} a retiré {asset} du commandement de l'Alliance\u00a0: confiance avec {nations} −{cost}.",
  "toa.explain.picture":
    "La situation partagée des capteurs sous commandement de l'Alliance vous a montré {count, plural, one {# moyen étranger} other {# moyens étrangers}}.",
  "toa.explain.commandOrder": "En tant que commandant de l'Alliance, {commander} a donné un ordre à {asset} : {result}",
  "toa.explain.coalition":
    "Sous un même commandant de l'Alliance, {nations} ont agi ensemble dans la zone {region} avec une interopérabilité comptée au moins à {floor}.",
  "toa.explain.commanderDesignated":
    "La direction de l'exercice a désigné {nation} commandant de l'Alliance\u00a0: son équipe donne les ordres aux forces sous commandement de l'Alliance.",
  "toa.explain.commanderAgreed":
    "Par {agreement}, {nation} est commandant de l'Alliance\u00a0: son équipe donne les ordres aux forces sous commandement de l'Alliance.",
  "toa.explain.noCommander": "L'Alliance n'a plus de commandant\u00a0: les forces sous son commandement gardent leurs derniers ordres.",
  "toa.order.transferAuthority": "Placer {asset} sous commandement de l'Alliance ({caveats})",
  "toa.order.revokeAuthority": "Retirer {asset} du commandement de l'Alliance",
  "toa.form.kind.transferAuthority": "Placer sous commandement de l'Alliance",
  "toa.form.kind.revokeAuthority": "Révoquer le commandement de l'Alliance",
  "toa.form.excludedMissions": "Restrictions nationales\u00a0: missions interdites",
  "toa.form.excludedRegions": "Restrictions nationales\u00a0: régions interdites",
  "toa.form.commandedOption": "{category} {name} de {owner} en {region} ({status}, sous votre commandement d'Alliance)",
  "toa.form.ownUnderCommand": "{category} {name} en {region} ({status}, sous commandement de l'Alliance)",
  "toa.commander.current": "Commandant de l'Alliance\u00a0: {nation}",
  "toa.commander.none": "Aucun commandant de l'Alliance désigné",
  "toa.console.heading": "Commandement de l'Alliance",
  "toa.console.commander": "Commandant de l'Alliance",
  "toa.console.nobody": "Personne",
  "toa.console.submit": "Désigner",
  "toa.validate.commanderParty": "Un accord de commandement nomme son commandant, l'une de ses parties.",
  "toa.validate.arrangementBindsAll": "Un arrangement de commandement lie tous les membres de l’Alliance joués par une équipe ; il omet {nations}.",
  "toa.validate.commanderAllied": "Le commandant de l'Alliance {nation} doit être un membre de l'Alliance joué par une équipe.",
  "toa.response.transferAuthority": "Placer un moyen sous commandement de l'Alliance",
  "toa.response.revokeAuthority": "Retirer un moyen du commandement de l'Alliance",
  "toa.selection.command": "Commandement",
  "toa.selection.commandLine": "Sous commandement de l'Alliance : {commander} lui donne ses ordres ({caveats})",
  "toa.replay.commanderSet": "{nation} est commandant de l'Alliance.",
  "toa.console.done": "Commandant de l'Alliance désigné.",
} satisfies CatalogFor<typeof en>;
