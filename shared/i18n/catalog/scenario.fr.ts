import type { CatalogFor } from "./types.ts";
import type en from "./scenario.en.ts";

export default {
  "scenario.lang.name": "{lang, select, en {anglais} fr {français} other {{lang}}}",

  "scenario.schema.invalidType":
    "Valeur incorrecte : {expected, select, string {un texte} number {un nombre} int {un nombre entier} boolean {true ou false} object {un objet} array {une liste} other {{expected}}} est attendu, {received, select, undefined {rien n’a été trouvé} null {null a été trouvé} string {un texte a été trouvé} number {un nombre a été trouvé} boolean {true ou false a été trouvé} object {un objet a été trouvé} array {une liste a été trouvée} other {« {received} » a été trouvé}}",
  "scenario.schema.tooSmall":
    "Trop court ou trop petit : {origin, select, string {au moins {minimum, plural, one {# caractère} other {# caractères}}} array {au moins {minimum, plural, one {# élément} other {# éléments}}} set {au moins {minimum, plural, one {# élément} other {# éléments}}} other {{inclusive, select, yes {au moins} other {plus de}} {minimum, number}}}",
  "scenario.schema.tooBig":
    "Trop long ou trop grand : {origin, select, string {au plus {maximum, plural, one {# caractère} other {# caractères}}} array {au plus {maximum, plural, one {# élément} other {# éléments}}} set {au plus {maximum, plural, one {# élément} other {# éléments}}} other {{inclusive, select, yes {au plus} other {moins de}} {maximum, number}}}",
  "scenario.schema.invalidValue": "Valeur non prévue : l’une des valeurs suivantes est attendue : {values}",
  "scenario.schema.unrecognizedKeys": "{count, plural, one {Champ inconnu} other {Champs inconnus}} : {keys}",
  "scenario.schema.invalidFormat": "Texte incorrect : il n’a pas la forme attendue ({format})",
  "scenario.schema.invalidUnion": "Valeur incorrecte : elle ne correspond à aucune des formes admises",
  "scenario.schema.notMultipleOf": "Nombre incorrect : un multiple de {divisor, number} est attendu",
  "scenario.schema.other": "{text}",
  "scenario.schema.id": "un identifiant ne comporte que des minuscules, des chiffres, « - » ou « _ » (40 caractères au plus)",
  "scenario.schema.colour": "une couleur s’écrit #rrvvbb",
  "scenario.schema.translatedField": "un champ traduit est title, summary, briefing ou learningObjectives[n]",
  "scenario.schema.textPerLanguage": "le texte de chaque langue est une chaîne de caractères",
  "scenario.schema.notInMainLanguage": "rédigé en {langs} mais pas dans la langue principale du scénario (« {main} »)",

  "scenario.validate.missingTranslation": "aucune traduction en {language} (« {lang} »), alors que « languages » la mentionne",
  "scenario.validate.mainLanguageNotListed": "doit comprendre la langue principale « {main} » (celle des textes simples)",
  "scenario.validate.languageTwice": "une langue figure deux fois",
  "scenario.validate.mainLanguageInI18n": "« {main} » est la langue principale : son texte se place dans le champ lui-même",
  "scenario.validate.languageNotListed": 'traduit en « {lang} », langue que « languages » ne mentionne pas (l’ajouter : "languages": [{languages}])',
  "scenario.validate.duplicateId": "identifiant « {id} » en double (voir aussi {other})",
  "scenario.validate.duplicateInjectNumber": "numéro d’injection « {number} » en double (voir aussi {other})",
  "scenario.validate.unknown":
    "{kind, select, nation {nation inconnue} region {zone inconnue} asset {moyen inconnu} inject {injection inconnue} assetType {type de moyen inconnu} task {tâche critique inconnue} other {{kind} inconnu}} : « {id} »",
  "scenario.validate.noPlayableNation": "au moins une nation doit être jouable",
  "scenario.validate.policyWithItself": "une nation n’a pas de politique de partage avec elle-même",
  "scenario.validate.relationSameNation": "une relation lie deux nations différentes (« {nation} » figure deux fois)",
  "scenario.validate.relationTwice": "le couple {a}–{b} figure deux fois (voir aussi {other})",
  "scenario.validate.adjacentToItself": "« {region} » se déclare limitrophe d’elle-même",
  "scenario.validate.adjacencyOneWay": "« {region} » déclare « {other} » limitrophe, mais « {other} » ne déclare pas « {region} »",
  "scenario.validate.mapNotConnected": "la carte n’est pas d’un seul tenant : {cut} ne peut être atteint depuis « {first} »",
  "scenario.validate.assetWrongRegion":
    "un moyen {domain, select, land {terrestre} sea {naval} air {aérien} other {{domain}}} ({type}) ne peut commencer dans la zone {kind, select, land {terrestre} sea {maritime} other {{kind}}} « {region} »{domain, select, sea { (un bâtiment commence en mer ou dans un port côtier)} other {}}",
  "scenario.validate.missionNotAllowed": "{type} ne peut recevoir la mission « {mission} »",
  "scenario.validate.partyTwice": "une partie figure deux fois",
  "scenario.validate.turnAfterLast": "le tour {turn} est postérieur au dernier tour ({turns})",
  "scenario.validate.noAssetTypeWithCategory": "aucun type de moyen n’a la catégorie « {category} »",
  "scenario.validate.waitsForItself": "une injection ne peut attendre sa propre diffusion",
  "scenario.validate.notACommand": "« {command} » n’est pas une action possible pour les équipes (valeurs admises : {commands})",
  "scenario.validate.isrNeedsRange": "un type de moyen ISR doit avoir une portée de détection d’au moins 1 pour voir au-delà de sa propre zone",
} satisfies CatalogFor<typeof en>;
