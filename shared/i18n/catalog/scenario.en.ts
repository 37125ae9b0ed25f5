/**
 * What the scenario validator says to an author (shared/scenario/validate.ts). The place in the
 * file (`nations[2].color`) is printed before the sentence and never translated; ids and command
 * names stay as the author wrote them, since the author looks them up in the file.
 */
export default {
  "scenario.lang.name": "{lang, select, en {English} fr {French} other {{lang}}}",

  "scenario.schema.invalidType":
    "Invalid input: expected {expected, select, string {a text} number {a number} int {a whole number} boolean {true or false} object {an object} array {a list} other {{expected}}}, received {received, select, undefined {nothing} null {null} string {a text} number {a number} boolean {true or false} object {an object} array {a list} other {{received}}}",
  "scenario.schema.tooSmall":
    "Too small: {origin, select, string {at least {minimum, plural, one {# character} other {# characters}}} array {at least {minimum, plural, one {# item} other {# items}}} set {at least {minimum, plural, one {# item} other {# items}}} other {{inclusive, select, yes {at least} other {more than}} {minimum, number}}}",
  "scenario.schema.tooBig":
    "Too big: {origin, select, string {at most {maximum, plural, one {# character} other {# characters}}} array {at most {maximum, plural, one {# item} other {# items}}} set {at most {maximum, plural, one {# item} other {# items}}} other {{inclusive, select, yes {at most} other {less than}} {maximum, number}}}",
  "scenario.schema.invalidValue": "Invalid option: expected one of {values}",
  "scenario.schema.unrecognizedKeys": "Unrecognized {count, plural, one {key} other {keys}}: {keys}",
  "scenario.schema.invalidFormat": "Invalid text: it does not have the expected form ({format})",
  "scenario.schema.invalidUnion": "Invalid input: it matches none of the accepted forms",
  "scenario.schema.notMultipleOf": "Invalid number: expected a multiple of {divisor, number}",
  "scenario.schema.other": "{text}",
  "scenario.schema.id": "ids are lower-case letters, digits, '-' or '_' (max 40)",
  "scenario.schema.colour": "colours are #rrggbb",
  "scenario.schema.translatedField": "a translated field is title, summary, briefing or learningObjectives[n]",
  "scenario.schema.textPerLanguage": "each language's text is a string",
  "scenario.schema.notInMainLanguage": 'written in {langs} but not in the scenario\'s main language "{main}"',

  "scenario.validate.missingTranslation": 'no {language} translation ("{lang}"), though "languages" lists it',
  "scenario.validate.mainLanguageNotListed": 'must include the main language "{main}" (the language of the plain texts)',
  "scenario.validate.languageTwice": "a language is listed twice",
  "scenario.validate.mainLanguageInI18n": '"{main}" is the main language: its text belongs in the field itself',
  "scenario.validate.languageNotListed": 'translated into "{lang}", which "languages" does not list (add it: "languages": [{languages}])',
  "scenario.validate.duplicateId": 'duplicate id "{id}" (also {other})',
  "scenario.validate.duplicateInjectNumber": 'duplicate inject number "{number}" (also {other})',
  "scenario.validate.unknown":
    'unknown {kind, select, nation {nation} region {region} asset {asset} inject {inject} assetType {asset type} task {critical task} other {{kind}}} "{id}"',
  "scenario.validate.noPlayableNation": "at least one nation must be playable",
  "scenario.validate.policyWithItself": "a nation has no sharing policy with itself",
  "scenario.validate.relationSameNation": 'a relation needs two different nations ("{nation}" twice)',
  "scenario.validate.relationTwice": "the pair {a}–{b} is listed twice (also {other})",
  "scenario.validate.adjacentToItself": '"{region}" lists itself as adjacent',
  "scenario.validate.adjacencyOneWay": '"{region}" lists "{other}" but "{other}" does not list "{region}"',
  "scenario.validate.mapNotConnected": 'the map is not connected: {cut} cannot be reached from "{first}"',
  "scenario.validate.assetWrongRegion":
    'a {domain, select, land {land} sea {sea} air {air} other {{domain}}} asset ({type}) cannot start in the {kind, select, land {land} sea {sea} other {{kind}}} region "{region}"{domain, select, sea { (ships start at sea or in a coastal port)} other {}}',
  "scenario.validate.missionNotAllowed": '{type} cannot take the mission "{mission}"',
  "scenario.validate.partyTwice": "a party is listed twice",
  "scenario.validate.turnAfterLast": "turn {turn} is after the last turn ({turns})",
  "scenario.validate.noAssetTypeWithCategory": 'no asset type has the category "{category}"',
  "scenario.validate.waitsForItself": "an inject cannot wait for its own release",
  "scenario.validate.notACommand": '"{command}" is not a command teams can take (one of: {commands})',
  "scenario.validate.isrNeedsRange": "an ISR asset type needs a detection range of at least 1 to see beyond its own region",
} as const;
