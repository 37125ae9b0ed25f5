import type { CatalogFor } from "./types.ts";
import type en from "./intel.en.ts";

/** Le renseignement : cotation, faux renseignements, diffusion, versions diffusables et politiques de partage. */
export default {
  "intel.refuse.policyNone":
    "Votre politique de partage du renseignement avec {partner} est «\u00a0aucun\u00a0»\u00a0: rien ne lui est transmis. Pour partager, passez la politique envers {partner} à «\u00a0besoin d'en connaître\u00a0» ou «\u00a0complet\u00a0» par un ordre de politique (il prend effet à la résolution du tour).",
  "intel.refuse.originator":
    "Ce rapport émane de {originator}\u00a0: le transmettre à {partner} exige l'accord de {originator}. Demandez à {originator} de le rendre diffusable à {partner}, ou d'en diffuser une version transmissible.",
  "intel.refuse.notReleasable":
    "Ce rapport {classification} est diffusable à {releasability}, pas à {partner}. Établissez une version diffusable (tear line) pour le partager.",
  "intel.refuse.versionNotOriginator": "Seul {originator}, à l'origine de ce rapport, peut en diffuser une version.",
  "intel.refuse.versionLinks": "Une version diffusable ne peut citer que des régions et des moyens que cite l'original.",
  "intel.redacted.title": "Rapport expurgé transmis par {nation}",
  "intel.redacted.text": "{text}",
  "intel.redacted.source": "non communiquée",
  "intel.releasability.national": "la seule nation d'origine",
  "intel.releasability.alliance": "l'Alliance",
  "intel.releasability.all": "tous",
  "intel.releasability.andNations": "{scope} et {nations}",
  "intel.confirmed": "«\u00a0{report}\u00a0» est confirmé par une seconde source indépendante\u00a0: crédibilité 1 (confirmé).",
  "intel.false.wrong":
    "{asset} ({owner}) n'a pas été trouvé dans {region}\u00a0: le rapport «\u00a0{report}\u00a0» ({grade}) était faux.{count, plural, =0 {} one { L'unité envoyée sur place n'a rien trouvé\u00a0: {budget} de budget et {readiness} de disponibilité dépensés en pure perte.} other { Les # unités envoyées sur place n'ont rien trouvé\u00a0: {budget} de budget et {readiness} de disponibilité dépensés en pure perte.}}",
  "intel.false.trust": "{sharer} a transmis à {holder} un rapport qui s'est révélé faux\u00a0: la confiance de {holder} envers {sharer} baisse de {trust}.",
  "intel.picture.moved": "{asset} ({owner}) n'est plus dans {region}\u00a0: il y a été vu pour la dernière fois au tour {turn}.",
  "intel.autoShare.done":
    "Politique de partage «\u00a0complet\u00a0» avec {partner}\u00a0: {count, plural, =0 {aucun nouveau rapport partagé} one {# nouveau rapport partagé automatiquement} other {# nouveaux rapports partagés automatiquement}} pour {cost} de capital politique.{withheld, plural, =0 {} one { # rapport non diffusable à ce partenaire a été retenu.} other { # rapports non diffusables à ce partenaire ont été retenus.}}{unpaid, plural, =0 {} one { # rapport attend\u00a0: le capital politique est épuisé.} other { # rapports attendent\u00a0: le capital politique est épuisé.}}",
  "intel.action.releasedVersion": "a diffusé une version diffusable (tear line) d'un rapport",
  "intel.response.releaseVersion": "Diffuser une version d'un rapport (tear line)",
  "intel.response.reportSighting": "Rédiger un rapport sur une observation de la situation des forces connues",
  "intel.action.reportedSighting": "a rédigé un rapport sur son observation de {asset} en {region}",
  "intel.grant.claims": "Implanter une position\u00a0: le rapport place ce moyen dans cette région (faux s'il n'y est pas)",
  "intel.grant.claimAsset": "Moyen cité par le rapport",
  "intel.grant.claimRegion": "Région où le rapport le place",
  "intel.grant.noClaim": "— aucune position —",
  "intel.grant.releasability": "Diffusable à",
  "intel.grant.releasabilityDefault": "selon sa classification",
  "intel.card.releasability": "Diffusable à {releasability}{reshare, select, yes {\u00a0; les destinataires peuvent le retransmettre} other {}}",
  "intel.card.confirmed": "Confirmé par une seconde source pour la dernière fois au tour {turn}",
  "intel.card.unconfirmed": "Non confirmé par une seconde source",
  "intel.card.disproved": "Révélé faux au tour {turn}",
  "intel.card.version": "Version diffusable (tear line)",
  "intel.card.versionOf": "Version diffusable de «\u00a0{title}\u00a0»",
  "intel.card.assets": "Moyens cités\u00a0: {assets}",
  "intel.share.partner": "{nation} ({reason})",
  "intel.share.reason.sharing_policy": "politique de partage\u00a0: aucun",
  "intel.share.reason.not_releasable": "non diffusable à ce partenaire",
  "intel.share.reason.originator_control": "accord de l'émetteur nécessaire",
  "intel.tearLine.open": "Établir une version diffusable (tear line)…",
  "intel.tearLine.form": "Version diffusable de\u00a0: {title}",
  "intel.tearLine.intro": "Rédigez, champ par champ, ce que les partenaires pourront recevoir. L'original reste réservé à votre nation.",
  "intel.tearLine.title": "Titre",
  "intel.tearLine.text": "Texte",
  "intel.tearLine.source": "Source, telle que les partenaires la liront",
  "intel.tearLine.classification": "Classification",
  "intel.tearLine.scope": "Diffusable à",
  "intel.tearLine.nations": "Également diffusable à",
  "intel.tearLine.reshare": "Les destinataires peuvent le retransmettre (dans ces limites de diffusion)",
  "intel.tearLine.regions": "Régions citées",
  "intel.tearLine.assets": "Moyens cités",
  "intel.tearLine.shareWith": "Le partager aussitôt avec",
  "intel.tearLine.preview": "Aperçu\u00a0: exactement ce que recevra chaque partenaire",
  "intel.tearLine.previewNone": "Choisissez des partenaires pour voir ce que chacun recevra.",
  "intel.tearLine.previewFor": "{nation} recevra\u00a0:",
  "intel.tearLine.previewRefused": "{nation} ne peut pas le recevoir\u00a0: {reason}",
  "intel.tearLine.submit": "Diffuser la version",
  "intel.tearLine.success": "Version diffusée.",
  "intel.tearLine.errorText": "Rédigez un titre, un texte et une source pour la version.",
  "intel.false.sighting":
    "{asset} ({owner}) n'a pas été trouvé dans {region}\u00a0: l'observation de {sensor} ({grade}) au tour {turn} était fausse.{count, plural, =0 {} one { L'unité envoyée sur place n'a rien trouvé\u00a0: {budget} de budget et {readiness} de disponibilité dépensés en pure perte.} other { Les # unités envoyées sur place n'ont rien trouvé\u00a0: {budget} de budget et {readiness} de disponibilité dépensés en pure perte.}}",
  "intel.refuse.notInPicture": "Cette force ne figure pas dans votre situation des forces connues.",
  "intel.refuse.notOwnSighting":
    "Seules les observations de vos propres capteurs peuvent faire l'objet d'un rapport\u00a0: cette force vous est connue par un rapport ou par le capteur d'un allié (partagez plutôt ce rapport).",
  "intel.refuse.alreadyReported": "Vous avez déjà rédigé un rapport sur cette observation\u00a0: «\u00a0{report}\u00a0».",
  "intel.false.trustSighting":
    "{sharer} a transmis à {holder} une observation qui s'est révélée fausse\u00a0: la confiance de {holder} envers {sharer} baisse de {trust}.",
  "intel.autoShare.picture":
    "Politique de partage «\u00a0complet\u00a0» avec {partner}\u00a0: {count, plural, =0 {aucune nouvelle observation transmise} one {# nouvelle observation versée à sa situation des forces connues} other {# nouvelles observations versées à sa situation des forces connues}}{cost, plural, =0 {} other { pour {cost} de capital politique}}.{withheld, plural, =0 {} one { # observation non diffusable à ce partenaire a été retenue.} other { # observations non diffusables à ce partenaire ont été retenues.}}{unpaid, plural, =0 {} one { # observation attend\u00a0: le capital politique est épuisé.} other { # observations attendent\u00a0: le capital politique est épuisé.}}",
} as const satisfies CatalogFor<typeof en>;
