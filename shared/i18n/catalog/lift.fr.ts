import type { CatalogFor } from "./types.ts";
import type en from "./lift.en.ts";

export default {
  "lift.order.embarkAsset": "embarquer {asset} à bord de {carrier}",
  "lift.order.disembarkAsset": "débarquer {asset} de son transport",
  "lift.order.disembarkAssetAt": "débarquer {asset} à {destination}",

  "lift.draft.embarkAsset": "Embarquer {asset} à bord de {carrier}",
  "lift.draft.disembarkAsset": "Débarquer {asset} là où se trouve son transport",
  "lift.draft.disembarkAssetAt": "Débarquer {asset} à {destination}",

  "lift.result.embarked": "{asset} a embarqué à bord de {carrier} à {region}",
  "lift.result.disembarked": "{asset} a débarqué à {region} depuis {carrier} et peut recevoir une mission",
  "lift.explain.carried": "{carrier} a transporté {units} jusqu'à {region}",

  "lift.refuse.notLiftable":
    "{asset} se déplace par ses propres moyens et n'est jamais transporté\u00a0: navires et avions ne transportent que des unités terrestres.",
  "lift.refuse.notCarrier": "{carrier} ne transporte rien\u00a0: son type n'a aucune capacité de transport.",
  "lift.refuse.cannotCarry": "{carrier} ne peut pas transporter {asset}\u00a0: il n'emporte que des unités de catégorie {categories}.",
  "lift.refuse.notTogether":
    "{asset} et {carrier} doivent se trouver dans la même zone pour embarquer ({asset} est à {assetRegion}, {carrier} à {carrierRegion}).",
  "lift.refuse.noTerminal": "{carrier} ne charge que dans {terminal, select, port {un port} other {un aérodrome}}, et {region} n'en a pas.",
  "lift.refuse.full":
    "{carrier} est plein\u00a0: sa capacité est de {capacity, plural, one {# unité} other {# unités}} et {aboard} sont à bord ou sur le point d'embarquer.",
  "lift.refuse.alreadyAboard": "{asset} est déjà à bord de {carrier}.",
  "lift.refuse.moving": "{asset} est en mouvement\u00a0: il pourra embarquer une fois arrivé.",
  "lift.refuse.aboard": "{asset} est à bord de {carrier}\u00a0: débarquez-le d'abord (ordre de débarquement), puis confiez-lui une mission.",
  "lift.refuse.notAboard": "{asset} n'est à bord d'aucun transport.",
  "lift.refuse.noLanding":
    "{carrier} ne peut pas débarquer {asset} à {region}\u00a0: on débarque dans {terminal, select, port {un port} other {un aérodrome}} de la zone du transport ou d'une zone voisine. Depuis {carrierRegion}, il peut débarquer à\u00a0: {points}.",
  "lift.refuse.noLandingHere":
    "{carrier} ne peut pas débarquer {asset} depuis {carrierRegion}\u00a0: il n'y a {terminal, select, port {aucun port} other {aucun aérodrome}} ni là ni à côté. Déplacez d'abord le transport.",
  "lift.refuse.budget": "Embarquer {asset} coûte {cost} de budget\u00a0; il reste {budget}.",
  "lift.refuse.noRouteLift":
    "{asset} ne peut pas rejoindre {region} par ses propres moyens. Un transport pourrait l'emmener\u00a0: {carriers} (les navires chargent dans un port, les avions sur un aérodrome, dans la zone de l'unité).",

  "lift.validate.unreachable":
    '{asset} ne peut jamais rejoindre une zone où ses missions comptent ({regions}), même transporté par les moyens de {owner}\u00a0: ajoutez un port, un aérodrome, une liaison maritime ou un transport, ou réglez validation.unreachableAssets sur "warn"',
  "lift.validate.noCrisisForType":
    "{asset} ne répond à aucune crise de ce scénario\u00a0: son type {type} n'est apte qu'à {kinds}, et aucune zone n'a ni n'aura une telle crise (réglez validation.unreachableAssets sur \"warn\" pour l'admettre)",
  "lift.validate.embarkedUnknown": "commence à bord de « {carrier} », qui n'est pas un moyen de ce scénario",
  "lift.validate.embarkedWrong":
    "ne peut pas commencer à bord de « {carrier} »\u00a0: il faut un transport du même propriétaire, dans la même zone, dont le type emporte la catégorie de cette unité",
  "lift.validate.embarkedFull": "« {carrier} » peut transporter {capacity, plural, one {# unité} other {# unités}} et {count} commencent à bord",
  "lift.validate.liftOnLand": 'un transport doit franchir ce que sa cargaison ne peut franchir\u00a0: son domaine doit être "sea" ou "any"',

  "lift.branch.beyondLog":
    "Le journal de cet exercice s'arrête à l'événement {last} : une branche ne peut pas partir après l'événement {seq}. Choisissez un événement entre 0 et {last}.",
  "lift.branch.movedBack":
    "L'événement {requested} tombe au milieu de la résolution d'un tour : la branche part juste avant, après l'événement {at}, avec les ordres de ce tour encore à résoudre.",

  "lift.form.embarkAsset": "Embarquer sur un transport",
  "lift.form.disembarkAsset": "Débarquer d'un transport",
  "lift.form.carrier": "Transport",
  "lift.form.landAt": "Débarquer à",
  "lift.form.landHere": "là où se trouve le transport",
  "lift.form.error.carrier": "Choisissez le transport sur lequel embarquer.",
  "lift.form.chooseCarrier": "— choisissez un transport —",
  "lift.form.noCarrier": "Aucun de vos transports ne peut l'emporter",
  "lift.map.aboardMarker": "à bord",
  "lift.form.carrierOption": "{carrier} à {region} ({aboard} sur {capacity} à bord)",
  "lift.selection.aboard": "À bord de",
  "lift.selection.carries": "Transporte",
  "lift.selection.capacity": "{aboard} places occupées sur {capacity}",
  "lift.selection.facilities": "Port / aérodrome",
  "lift.selection.facilitiesLine":
    "{port, select, yes {{airfield, select, yes {port et aérodrome} other {port}}} other {{airfield, select, yes {aérodrome} other {aucun}}}}",
  "lift.map.aboard": "à bord de {carrier}",
} as const satisfies CatalogFor<typeof en>;
