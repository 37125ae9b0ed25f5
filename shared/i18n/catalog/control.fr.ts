import type { CatalogFor } from "./types.ts";
import type en from "./control.en.ts";

export default {
  "control.action.setNationControl": "choisir qui joue une nation",
  "control.refuse.noTeam": "{nation} n’a pas d’équipe propre : un robot, un joueur de rôle ou la direction d’exercice peut la jouer, pas des participants.",
  "control.refuse.same": "{nation} est déjà jouée ainsi.",
  "control.explain.set":
    "{nation} est désormais jouée par {by, select, people {son équipe} bot {un robot ({persona})} roleplayer {un joueur de rôle} control {la direction d’exercice} other {quelqu’un}}{playbook, select, automatic {; son plan agit de lui-même} approve {; les coups de son plan attendent l’accord de la direction d’exercice} off {; son plan est arrêté} other {}}.",
} satisfies CatalogFor<typeof en>;
