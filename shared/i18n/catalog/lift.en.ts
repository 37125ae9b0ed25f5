/** Strategic lift: embarking units on ships and transport aircraft, landing them, and the validator's reachability check. */
export default {
  "lift.order.embarkAsset": "embark {asset} on {carrier}",
  "lift.order.disembarkAsset": "land {asset} from its carrier",
  "lift.order.disembarkAssetAt": "land {asset} at {destination}",

  "lift.draft.embarkAsset": "Embark {asset} on {carrier}",
  "lift.draft.disembarkAsset": "Land {asset} where its carrier is",
  "lift.draft.disembarkAssetAt": "Land {asset} at {destination}",

  "lift.result.embarked": "{asset} embarked on {carrier} at {region}",
  "lift.result.disembarked": "{asset} landed at {region} from {carrier} and is ready for a mission",
  "lift.explain.carried": "{carrier} carried {units} to {region}",

  "lift.refuse.notLiftable": "{asset} moves by itself and is never lifted: ships and aircraft carry only land units.",
  "lift.refuse.notCarrier": "{carrier} carries nothing: its type has no lift.",
  "lift.refuse.cannotCarry": "{carrier} cannot carry {asset}: it takes only {categories} units.",
  "lift.refuse.notTogether": "{asset} and {carrier} must be in the same region to embark ({asset} is in {assetRegion}, {carrier} in {carrierRegion}).",
  "lift.refuse.noTerminal": "{carrier} loads only at {terminal, select, port {a port} other {an airfield}}, and {region} has none.",
  "lift.refuse.full": "{carrier} is full: it carries {capacity, plural, one {# unit} other {# units}} and has {aboard} aboard or about to embark.",
  "lift.refuse.alreadyAboard": "{asset} is already aboard {carrier}.",
  "lift.refuse.moving": "{asset} is on the move: it can embark once it has arrived.",
  "lift.refuse.aboard": "{asset} is aboard {carrier}: land it first (a disembark order), then give it a mission.",
  "lift.refuse.notAboard": "{asset} is not aboard a carrier.",
  "lift.refuse.noLanding":
    "{carrier} cannot land {asset} at {region}: units land at {terminal, select, port {a port} other {an airfield}} in or next to the carrier's region. From {carrierRegion} it can land them at: {points}.",
  "lift.refuse.noLandingHere":
    "{carrier} cannot land {asset} from {carrierRegion}: there is no {terminal, select, port {port} other {airfield}} there or next to it. Move the carrier first.",
  "lift.refuse.budget": "Embarking {asset} costs {cost} budget; {budget} is left.",
  "lift.refuse.noRouteLift":
    "{asset} cannot reach {region} by itself. A carrier could lift it: {carriers} (ships load at a port, aircraft at an airfield, in the unit's region).",

  "lift.validate.unreachable":
    '{asset} can never reach a region where its missions matter ({regions}), not even by lift from {owner}\'s carriers: add a port, an airfield, a sea link or a carrier, or set validation.unreachableAssets to "warn"',
  "lift.validate.noCrisisForType":
    '{asset} answers no crisis of this scenario: its type {type} has fitness only for {kinds}, and no region has or will get such a crisis (set validation.unreachableAssets to "warn" to allow it)',
  "lift.validate.embarkedUnknown": 'starts aboard "{carrier}", which is not an asset of this scenario',
  "lift.validate.embarkedWrong":
    'cannot start aboard "{carrier}": a carrier of the same owner, in the same region, whose type carries this unit\'s category is needed',
  "lift.validate.embarkedFull": '"{carrier}" can carry {capacity, plural, one {# unit} other {# units}} and {count} start aboard',
  "lift.validate.liftOnLand": 'a carrier must cross what its cargo cannot: its domain must be "sea" or "any"',

  "lift.branch.beyondLog": "This exercise's log ends at event {last}: a branch cannot start after event {seq}. Choose an event from 0 to {last}.",
  "lift.branch.movedBack":
    "Event {requested} falls inside a turn's resolution: the branch starts just before it, after event {at}, with that turn's orders still to resolve.",

  "lift.form.embarkAsset": "Embark on a carrier",
  "lift.form.disembarkAsset": "Land from a carrier",
  "lift.form.carrier": "Carrier",
  "lift.form.landAt": "Land at",
  "lift.form.landHere": "where the carrier is",
  "lift.form.error.carrier": "Choose the carrier to embark on.",
  "lift.form.chooseCarrier": "— choose a carrier —",
  "lift.form.noCarrier": "No carrier of yours can take it",
  "lift.map.aboardMarker": "aboard",
  "lift.form.carrierOption": "{carrier} in {region} ({aboard} of {capacity} aboard)",
  "lift.selection.aboard": "Aboard",
  "lift.selection.carries": "Carries",
  "lift.selection.capacity": "{aboard} of {capacity} places used",
  "lift.selection.facilities": "Port / airfield",
  "lift.selection.facilitiesLine":
    "{port, select, yes {{airfield, select, yes {port and airfield} other {port}}} other {{airfield, select, yes {airfield} other {none}}}}",
  "lift.map.aboard": "aboard {carrier}",
} as const;
