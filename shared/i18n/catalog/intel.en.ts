/** Intelligence: grading, false reports, releasability, tear lines and sharing policies (docs/RULES.md). */
export default {
  // Refusals
  "intel.refuse.policyNone":
    "Your intelligence-sharing policy with {partner} is “none”: nothing is shared with them. To share, set the policy for {partner} to need-to-know or full with a policy order (it takes effect when the turn resolves).",
  "intel.refuse.originator":
    "{originator} originated this report: passing it to {partner} needs {originator}'s release. Ask {originator} to make it releasable to {partner}, or to release a version that may be passed on.",
  "intel.refuse.notReleasable":
    "This {classification} report is releasable to {releasability}, not to {partner}. Make a releasable version (tear line) to share it.",
  "intel.refuse.versionNotOriginator": "Only {originator}, who originated this report, can release a version of it.",
  "intel.refuse.versionLinks": "A releasable version can only name regions and assets the original names.",
  // Redacted copies
  "intel.redacted.title": "Redacted report from {nation}",
  "intel.redacted.text": "{text}",
  "intel.redacted.source": "withheld",
  // Releasability
  "intel.releasability.national": "its originator's nation only",
  "intel.releasability.alliance": "the alliance",
  "intel.releasability.all": "anyone",
  "intel.releasability.andNations": "{scope} and {nations}",
  // Turn results
  "intel.confirmed": "“{report}” is confirmed by a second, independent source: credibility 1 (confirmed).",
  "intel.false.wrong":
    "{asset} ({owner}) was not found in {region}: the report “{report}” ({grade}) was wrong.{count, plural, =0 {} one { The unit sent there found nothing: {budget} budget and {readiness} readiness spent for no effect.} other { The # units sent there found nothing: {budget} budget and {readiness} readiness spent for no effect.}}",
  "intel.false.trust": "{sharer} passed {holder} a report that proved wrong: {holder}'s trust in {sharer} falls by {trust}.",
  "intel.picture.moved": "{asset} ({owner}) is no longer in {region}: it was last seen there on turn {turn}.",
  "intel.autoShare.done":
    "Sharing policy “full” with {partner}: {count, plural, =0 {no new report shared} one {# new report shared automatically} other {# new reports shared automatically}} for {cost} political capital.{withheld, plural, =0 {} one { # report not releasable to them was kept back.} other { # reports not releasable to them were kept back.}}{unpaid, plural, =0 {} one { # report waits: political capital ran out.} other { # reports wait: political capital ran out.}}",
  // After-action review
  "intel.action.releasedVersion": "released a releasable version (tear line) of a report",
  // Console
  "intel.response.releaseVersion": "Release a version of a report (tear line)",
  "intel.response.reportSighting": "Report a sighting from the known-forces picture",
  "intel.action.reportedSighting": "reported its sighting of {asset} in {region}",
  "intel.grant.claims": "Plant a placement: the report says this asset is in this region (false if it is not there)",
  "intel.grant.claimAsset": "Asset the report names",
  "intel.grant.claimRegion": "Where the report places it",
  "intel.grant.noClaim": "— no placement —",
  "intel.grant.releasability": "Releasable to",
  "intel.grant.releasabilityDefault": "as its classification says",
  // Report card
  "intel.card.releasability": "Releasable to {releasability}{reshare, select, yes {; recipients may pass it on} other {}}",
  "intel.card.confirmed": "Last confirmed by a second source on turn {turn}",
  "intel.card.unconfirmed": "Not confirmed by a second source",
  "intel.card.disproved": "Found wrong on turn {turn}",
  "intel.card.version": "Releasable version (tear line)",
  "intel.card.versionOf": "Releasable version of “{title}”",
  "intel.card.assets": "Assets named: {assets}",
  // Share form
  "intel.share.partner": "{nation} ({reason})",
  "intel.share.reason.sharing_policy": "sharing policy: none",
  "intel.share.reason.not_releasable": "not releasable to them",
  "intel.share.reason.originator_control": "needs the originator's release",
  // Tear line
  "intel.tearLine.open": "Make a releasable version (tear line)…",
  "intel.tearLine.form": "Releasable version of: {title}",
  "intel.tearLine.intro": "Write what partners may receive, field by field. The original stays with your nation only.",
  "intel.tearLine.title": "Title",
  "intel.tearLine.text": "Text",
  "intel.tearLine.source": "Source, as partners will read it",
  "intel.tearLine.classification": "Classification",
  "intel.tearLine.scope": "Releasable to",
  "intel.tearLine.nations": "Also releasable to",
  "intel.tearLine.reshare": "Recipients may pass it on (within this releasability)",
  "intel.tearLine.regions": "Regions it names",
  "intel.tearLine.assets": "Assets it names",
  "intel.tearLine.shareWith": "Share it at once with",
  "intel.tearLine.preview": "Preview: exactly what each partner will receive",
  "intel.tearLine.previewNone": "Choose partners to share with to see what each will receive.",
  "intel.tearLine.previewFor": "{nation} will receive:",
  "intel.tearLine.previewRefused": "{nation} cannot receive it: {reason}",
  "intel.tearLine.submit": "Release version",
  "intel.tearLine.success": "Version released.",
  "intel.tearLine.errorText": "Write a title, a text and a source for the version.",
  "intel.false.sighting":
    "{asset} ({owner}) was not found in {region}: the sighting by {sensor} ({grade}) on turn {turn} was wrong.{count, plural, =0 {} one { The unit sent there found nothing: {budget} budget and {readiness} readiness spent for no effect.} other { The # units sent there found nothing: {budget} budget and {readiness} readiness spent for no effect.}}",
  "intel.refuse.notInPicture": "That force is not in your known-forces picture.",
  "intel.refuse.notOwnSighting":
    "Only your own sensors' sightings can be reported: this force reached your picture from a report or an ally's sensor (share that report instead).",
  "intel.refuse.alreadyReported": "You have reported this sighting already: “{report}”.",
  "intel.false.trustSighting": "{sharer} passed {holder} a sighting that proved wrong: {holder}'s trust in {sharer} falls by {trust}.",
  "intel.autoShare.picture":
    "Sharing policy “full” with {partner}: {count, plural, =0 {no new sighting passed on} one {# new sighting passed to their known-forces picture} other {# new sightings passed to their known-forces picture}}{cost, plural, =0 {} other { for {cost} political capital}}.{withheld, plural, =0 {} one { # sighting not releasable to them was kept back.} other { # sightings not releasable to them were kept back.}}{unpaid, plural, =0 {} one { # sighting waits: political capital ran out.} other { # sightings wait: political capital ran out.}}",
} as const;
