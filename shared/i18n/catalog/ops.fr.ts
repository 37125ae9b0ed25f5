import type { CatalogFor } from "./types.ts";
import type en from "./ops.en.ts";

export default {
  "ops.health.badWindow": "window doit être un nombre entier de secondes de 1 à {max}, par exemple /health?window=10.",
  "ops.cli.unexpected": "concord {command} : argument inattendu « {arg} ».",
  "ops.cli.noValueTaken": "concord {command} : {option} ne prend pas de valeur.",
  "ops.doctor.schemaCurrent": "Version du schéma : {version} (actuelle).",
  "ops.doctor.schemaOlder": "Version du schéma : {found}, d’une version antérieure : le serveur la portera à la version {current} à son prochain démarrage.",
  "ops.doctor.schemaNewer":
    "Version du schéma : {found} : écrite par une version plus récente de Concord (celle-ci connaît les versions jusqu’à {current}). Relancez cette version, ou restaurez une sauvegarde faite avant la mise à jour.",
  "ops.bench.badNumber": "{command} : {option} doit être un nombre entier de {min} à {max}, et non « {value} ».",
  "ops.bench.badChoice": "{command} : {option} doit valoir {choices}, et non « {value} ».",
} satisfies CatalogFor<typeof en>;
