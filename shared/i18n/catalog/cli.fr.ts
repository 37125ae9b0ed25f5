import type { CatalogFor } from "./types.ts";
import type en from "./cli.en.ts";

export default {
  "cli.main.about":
    "concord : la ligne de commande des concepteurs de scénarios, des formateurs et des exploitants.\n  Chaque commande s’exprime dans la langue de --lang en|fr, à défaut dans celle de LANG / LC_ALL (anglais par défaut).",
  "cli.main.unknownCommand": "concord : commande inconnue « {command} » (les commandes sont {commands}).",
  "cli.main.failed": "concord {command} : {error}",
  "cli.lang.invalid": "--lang doit valoir {languages} (reçu : « {value} »).",
  "cli.unknownArgument": "concord {command} : argument inconnu « {arg} ».",
  "cli.needsValue": "concord {command} : {option} demande une valeur.",

  "cli.validate.about":
    "Vérifie la forme et la cohérence de chaque scénario et indique chaque problème avec son emplacement dans le fichier.\n  Un texte manquant dans une langue que le scénario déclare dans « languages » est un avertissement (ATTENTION),\n  ou une erreur avec --strict.",
  "cli.validate.nameFile": "concord validate : indiquez au moins un fichier de scénario.",
  "cli.validate.ok":
    "OK  {file} : {title} — {nations, plural, one {# nation} other {# nations}}, {regions, plural, one {# zone} other {# zones}}, {injects, plural, one {# injection} other {# injections}}, {turns, plural, one {# tour} other {# tours}}, en {languages}{missing, plural, =0 {} one { (# traduction manquante)} other { (# traductions manquantes)}}",
  "cli.validate.problem": "{file} : {path} : {problem}",
  "cli.validate.warning": "ATTENTION {file} : {path} : {problem}",
  "cli.validate.fail": "ÉCHEC {file} : {count, plural, one {# problème} other {# problèmes}}",
  "cli.validate.failStrict": "ÉCHEC {file} : {count, plural, one {# traduction manquante} other {# traductions manquantes}} (--strict)",
  "cli.io.cannotRead": "lecture du fichier impossible : {reason}",
  "cli.io.doesNotExist": "il n’existe pas",
  "cli.io.notJson": "JSON non valide{hasLine, select, yes { (ligne {line, number})} other {}} : {error}",

  "cli.msel.aboutExport":
    "Le MSEL en CSV aux colonnes HSEEP sur la sortie standard (un scénario traduit a une colonne par langue\n  après chaque texte : « Title », « Title (fr) »…).",
  "cli.msel.aboutImport":
    "Remplace le MSEL du scénario par les lignes du tableur, vérifie le résultat et écrit le fichier\n  du scénario (ou --out). Rien n’est écrit si la moindre erreur subsiste.",
  "cli.msel.cannotReadCsv": "{file} : lecture du CSV impossible : {error}",
  "cli.msel.missingColumns":
    "{file} : {count, plural, one {colonne manquante} other {colonnes manquantes}} {columns} (exportez le MSEL d’un scénario pour voir les colonnes attendues)",
  "cli.msel.nothingWritten": "Rien n’a été écrit : {count, plural, one {# problème} other {# problèmes}}.",
  "cli.msel.nothingWrittenScenario": "Rien n’a été écrit : avec ce MSEL, le scénario présente {count, plural, one {# problème} other {# problèmes}}.",
  "cli.msel.imported": "{count, plural, one {# injection importée} other {# injections importées}} de {csv} dans {out}.",
  "cli.msel.untranslated":
    "Remarque : {count, plural, one {# texte d’injection n’a} other {# textes d’injection n’ont}} pas de traduction dans une langue que le scénario déclare (colonnes « Title (fr) »… du tableur) ; `concord validate {out}` les énumère.",

  "cli.schema.about": "Affiche le schéma JSON des scénarios (scenarios/scenario.schema.json en est tiré).",

  "cli.aar.about":
    "Écrit le retour d’expérience (RETEX) d’un exercice à partir du journal des événements (le fichier SQLite\n  de DATA_DIR, ou DATABASE_URL), dans la langue de --lang, à défaut dans celle de LANG / LC_ALL (anglais par défaut).\n  Sans --out, il est affiché sur la sortie standard.",
  "cli.aar.nameExercise": "concord aar : indiquez l’exercice.",
  "cli.aar.badFormat": "concord aar : --format doit valoir {formats} (reçu : « {format} »).",
  "cli.aar.noExercise": "concord aar : aucun exercice « {id} » dans {store}.{hasKnown, select, yes { Exercices connus : {known}} other {}}",
  "cli.aar.known": "{id} ({title})",
  "cli.aar.wrote": "{file} écrit ({bytes, plural, one {# octet} other {# octets}}).",

  "cli.backup.about":
    "Écrit une copie cohérente du fichier SQLite de DATA_DIR pendant que le serveur tourne (VACUUM INTO\n  de SQLite : le dernier état validé, compacté). Par défaut : DATA_DIR/backups/concord-AAAAMMJJTHHMMSSZ.db.\n  N’écrase jamais un fichier.",
  "cli.backup.nothing": "concord backup : il n’y a pas de {file} à sauvegarder.",
  "cli.backup.exists": "concord backup : {file} existe déjà ; choisissez un autre nom.",
  "cli.backup.failed": "concord backup : la copie de {file} a échoué : {error}. Lancez `npx concord doctor`.",
  "cli.backup.wrote": "{file} écrit ({size}). Conservez-en une copie sur une autre machine ; docs/OPERATIONS.md explique la restauration.",

  "cli.doctor.about":
    "Contrôle le stockage SQLite de DATA_DIR : le processus qui le détient, le contrôle d’intégrité de SQLite,\n  les tables, le nombre d’exercices, d’événements et de places, et la relecture du journal de chaque exercice.\n  Il ne fait que lire : il peut tourner à côté du serveur. Avec --repair (aucun serveur en marche) :\n  conserve une copie du fichier endommagé, récupère ce qui peut être lu dans un fichier neuf et indique\n  ce qui a été conservé et perdu. Code de sortie 0 : sain (après --repair : sain désormais) ; 1 : problèmes relevés.",
  "cli.doctor.postgres": "DATABASE_URL est défini : le serveur conserve les exercices dans PostgreSQL ; seul le fichier SQLite de DATA_DIR est contrôlé ici.",
  "cli.doctor.dataDir": "Répertoire des données : {dir}",
  "cli.doctor.problem": "Problème : {text}",
  "cli.doctor.healthy": "Sain.",
  "cli.doctor.problemsFound":
    "{count, plural, one {# problème relevé} other {# problèmes relevés}}. Arrêtez le serveur et lancez `npx concord doctor --repair` (une copie du fichier endommagé est conservée), ou restaurez une sauvegarde (docs/OPERATIONS.md, « Backups »).",
  "cli.doctor.nothingToRepair": "Sain : rien à réparer.",
  "cli.doctor.inUse": "concord doctor : DATA_DIR {dir} est utilisé par {holder} ; arrêtez-le avant --repair.",
  "cli.doctor.repairing": "Réparation :",
  "cli.doctor.repairStopped":
    "concord doctor : la réparation s’est interrompue : {error}. {file} est inchangé, sauf si le compte rendu ci-dessus indique qu’il a été remplacé ; la copie du fichier endommagé se trouve à côté.",
  "cli.doctor.checkingRecovered": "Contrôle du fichier récupéré :",
  "cli.doctor.healthyNow": "Sain désormais. Le fichier endommagé est conservé sous {copy}.",
  "cli.doctor.problemsRemain": "{count, plural, one {# problème subsiste} other {# problèmes subsistent}} : restaurez une sauvegarde (docs/OPERATIONS.md).",
  "cli.doctor.holder": "le processus {pid}{sameHost, select, yes {} other { sur la machine {host}}} (lancé le {started}Z)",
  "cli.doctor.holderUnknown": "un autre processus (son fichier de verrou est en cours d’écriture)",
  "cli.doctor.lockFree": "Verrou : aucun serveur ne détient ce répertoire des données.",
  "cli.doctor.lockHeld":
    "Verrou : détenu par {holder}, un serveur qui tourne sur ce répertoire des données (les contrôles ci-dessous lisent son dernier état validé).",
  "cli.doctor.lockUnreadable": "Verrou : un fichier de verrou illisible est resté ; le prochain démarrage le reprendra.",
  "cli.doctor.lockStale": "Verrou : laissé par {holder}, qui a disparu ({reason}) ; le prochain démarrage le reprendra.",
  "cli.doctor.noFile": "{file} n’existe pas encore : le serveur le crée à son premier démarrage.",
  "cli.doctor.cannotOpen": "{file} ne peut être ouvert : {error}.",
  "cli.doctor.file": "Fichier : {file}, {size}.",
  "cli.doctor.kilobytes": "{kb, number} Ko",
  "cli.doctor.megabytes": "{mb, number} Mo",
  "cli.doctor.integrityOk": "Contrôle d’intégrité de SQLite : correct.",
  "cli.doctor.integrityFound":
    "Le contrôle d’intégrité de SQLite a relevé {count, plural, =10 {10 problèmes ou plus} one {# problème} other {# problèmes}} : {found}.",
  "cli.doctor.notADatabase": "{file} n’est pas une base SQLite ({error}) : sa première page est endommagée ou il s’agit d’un autre type de fichier.",
  "cli.doctor.integrityUnfinished":
    "Le contrôle d’intégrité de SQLite n’a pu aboutir ({error}){hasFirst, select, yes { ; premier constat : {first}} other {}}.",
  "cli.doctor.tables": "Tables : {tables}.",
  "cli.doctor.tablesMissing":
    "{count, plural, one {Table manquante} other {Tables manquantes}} : {missing} (un fichier créé par le serveur contient {tables}).",
  "cli.doctor.tablesUnreadable": "La liste des tables ne peut être lue : {error}.",
  "cli.doctor.cannotCount":
    "{table, select, exercises {Les exercices ne peuvent} events {Les événements ne peuvent} other {Les places ne peuvent}} être comptés : {error}.",
  "cli.doctor.count":
    "{table, select, exercises {{n, plural, one {# exercice} other {# exercices}}} events {{n, plural, one {# événement} other {# événements}}} other {{n, plural, one {# place} other {# places}}}}",
  "cli.doctor.countUnknown": "? {table, select, exercises {exercices} events {événements} other {places}}",
  "cli.doctor.contents": "Contenu : {counts}.",
  "cli.doctor.commaList": "{first}, {rest}",
  "cli.doctor.exercisesUnlisted": "La liste des exercices ne peut être lue : {error}.",
  "cli.doctor.exercise": "Exercice {id} « {title} »",
  "cli.doctor.recordUnreadable": "{exercise} : sa fiche ne peut être lue : {error}.",
  "cli.doctor.eventsUnreadable": "{exercise} : ses événements ne peuvent être lus : {error}.",
  "cli.doctor.gap": "{exercise} : son journal présente une lacune : l’événement {n, number} porte le numéro {seq, number}.",
  "cli.doctor.replays": "{exercise} : {count, plural, one {# événement rejoué} other {# événements rejoués}} jusqu’au tour {turn, number} ({phase}).",
  "cli.doctor.phaseOther": "{phase}",
  "cli.doctor.noReplay": "{exercise} : {count, plural, one {son événement ne se rejoue pas} other {ses # événements ne se rejouent pas}} : {error}.",

  "cli.repair.keptCopy": "Copie du fichier endommagé conservée : {copy}{wal, select, yes { (avec son -wal)} other {}}.",
  "cli.repair.unreadable":
    "Rien n’y est lisible comme base de données ({error}). Restaurez une sauvegarde (docs/OPERATIONS.md) ; {file} a été laissé tel quel.",
  "cli.repair.neither": "Ni les exercices ni les places ne peuvent être lus. Restaurez une sauvegarde (docs/OPERATIONS.md) ; {file} a été laissé tel quel.",
  "cli.repair.exercisesPartial": "Exercices : {kept, number} conservés ; une partie de la table est illisible et les exercices qui s’y trouvaient sont perdus.",
  "cli.repair.exercisesLost":
    "Exercices : {kept, number} conservés ; {lost, plural, one {# fiche illisible est perdue} other {# fiches illisibles sont perdues}}.",
  "cli.repair.exercisesAll": "Exercices : tous conservés ({kept, number}).",
  "cli.repair.exercise": "{exercise} : {text}.",
  "cli.repair.scenarioDoesNotLoad":
    "son scénario ne se charge pas ({error}) : fiche conservée, aucun de ses {count, plural, one {# événement} other {# événements}}",
  "cli.repair.noEvents": "il n’a encore aucun événement",
  "cli.repair.keptAll":
    "{count, plural, one {son événement est conservé} other {ses # événements sont tous conservés}}{oneByOne, select, yes { (lus un à un autour de la zone endommagée)} other {}}",
  "cli.repair.keptNone": "aucun de ses {total, plural, one {# événement} other {# événements}} n’est conservé",
  "cli.repair.keptSome": "événements 1 à {kept, number} sur {total, number} conservés",
  "cli.repair.unreadableOne": "l’événement {from, number} est illisible",
  "cli.repair.unreadableRange": "les événements {from, number} à {to, number} sont illisibles",
  "cli.repair.eventNoReplay": "l’événement {seq, number} ne se rejoue pas ({error})",
  "cli.repair.stopped":
    "{kept} ; {stop}{after, plural, =0 {} one { ; l’événement lisible qui suit a donc été écarté (il reste dans la copie endommagée)} other { ; les # événements lisibles qui suivent ont donc été écartés (ils restent dans la copie endommagée)}}",
  "cli.repair.orphans":
    "{count, plural, one {# événement d’un exercice dont la fiche est perdue a été écarté} other {# événements d’exercices dont la fiche est perdue ont été écartés}} (ils restent dans la copie endommagée).",
  "cli.repair.seats":
    "Places : {kept, number} conservées{orphaned, plural, =0 {} other {, # écartées (exercices perdus)}}{partial, select, yes { ; une partie de la table est illisible : ces joueurs rejoignent de nouveau l’exercice avec le code de leur équipe} other {}}.",
  "cli.repair.joinCodes": "Codes d’accès : reconstitués à partir des fiches d’exercice.",
  "cli.repair.replaced": "{file} remplacé par le fichier récupéré.",
  "cli.playtest.about":
    "Joue des exercices entiers sans interface, chaque nation jouable tenue par un robot (profils : {personas}), avec le vrai moteur,\n  et affiche pour chaque combinaison de profils les indicateurs de fin avec leur dispersion sur les graines, puis l’effet de chaque\n  réglage et de chaque décision par rapport à la référence (coopératif, ou la combinaison donnée par --persona).\n  --json affiche un seul objet ; --log-out DOSSIER écrit le journal de chaque partie tel que le donne GET /api/exercises/:id/events.",
  "cli.playtest.nameFile": "concord playtest : indiquez un fichier de scénario.",
  "cli.playtest.badNumber": "{option} doit être un nombre entier de {min} à {max}, et non « {value} ».",
  "cli.playtest.badPersona": "--persona {value} : écrivez nation=profil, avec une nation jouable ({nations}) et un profil ({personas}).",
  "cli.playtest.heading":
    "Essai de {title} : {seeds, plural, one {# graine} other {# graines}}, {turns, plural, one {# tour} other {# tours}}, {exercises, plural, one {# exercice joué} other {# exercices joués}} en {seconds} s ({perMinute} par minute).",
  "cli.playtest.mix": "Profils",
  "cli.playtest.lever": "Chaque équipe…",
  "cli.playtest.leverSetting": "{lever} : {setting}",
  "cli.playtest.sensitivityHeading": "Ce que chaque décision change à la fin, par rapport au jeu {baseline} (moyenne sur les mêmes graines) :",
  "cli.playtest.metric.cohesion": "Cohésion",
  "cli.playtest.metric.meanStability": "Stabilité",
  "cli.playtest.metric.crisesResolved": "Crises résolues",
  "cli.playtest.metric.crisesOpen": "Crises ouvertes",
  "cli.playtest.metric.objectivesMet": "Objectifs atteints",
  "cli.playtest.metric.budgetLeft": "Budget restant",
  "cli.playtest.metric.tension": "Tension",
  "cli.playtest.persona.cooperative": "allié coopératif",
  "cli.playtest.persona.cautious": "prudent",
  "cli.playtest.persona.free-rider": "passager clandestin",
  "cli.playtest.persona.hawk": "faucon",
  "cli.playtest.lever.alertLevel": "niveau d’alerte",
  "cli.playtest.lever.rulesOfEngagement": "règles d’engagement",
  "cli.playtest.lever.publicStance": "posture publique",
  "cli.playtest.lever.intelSharing": "politique de partage",
  "cli.playtest.lever.shareIntel": "partage ses rapports",
  "cli.playtest.lever.respond": "répond aux crises",
  "cli.playtest.lever.answerRequests": "répond aux demandes",
  "cli.playtest.lever.acceptAgreements": "accepte les accords",
  "cli.playtest.lever.jointExercises": "propose des exercices conjoints",
  "cli.playtest.lever.dialogues": "convoque des dialogues",
  "cli.playtest.lever.capacityBuilding": "finance le renforcement des capacités",
  "cli.playtest.lever.recall": "rapatrie ses forces",
  "cli.playtest.setting.never": "jamais",
  "cli.playtest.setting.always": "toujours",
  "cli.playtest.setting.everyTurn": "à chaque tour",
  "cli.playtest.setting.homeOnly": "chez elle seulement",
  "cli.playtest.lever.transferAuthority": "place des forces sous commandement de l’Alliance",
  "cli.playtest.lever.proposeAgreement": "propose",
  "cli.playtest.setting.mou:training": "un protocole d’entraînement conjoint",
  "cli.playtest.setting.mou:logistics": "un protocole de logistique partagée",
  "cli.playtest.lever.releaseVersions": "publie des versions communicables de ses rapports nationaux",
  "cli.playtest.lever.actOnSightings": "agit sur les signalements",
  "cli.playtest.setting.graded": "cotés A–B ou confirmés seulement",
  "cli.playtest.setting.any": "de toute cote",
  "cli.playtest.lever.useLift": "transporte ses unités par mer et par air",
  "cli.playtest.setting.oneATurn": "un déploiement par tour",
  "cli.playtest.lever.posture": "tient une posture",
  "cli.playtest.setting.restrained": "retenue (alerte normale, ROE restrictives, discrétion)",
  "cli.playtest.setting.firm": "ferme (alerte élevée, ROE robustes, fermeté)",
} satisfies CatalogFor<typeof en>;
