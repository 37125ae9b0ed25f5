/** Who plays each nation: its people, a bot, a role-player, exercise control; the adversary playbook. */
export default {
  "control.action.setNationControl": "choose who plays a nation",
  "control.refuse.noTeam": "{nation} has no team of its own: a bot, a role-player or exercise control can play it, not people.",
  "control.refuse.same": "{nation} is already played that way.",
  "control.explain.set":
    "{nation} is now played by {by, select, people {its team} bot {a bot ({persona})} roleplayer {a role-player} control {exercise control} other {someone}}{playbook, select, automatic {; its playbook moves on its own} approve {; its playbook's moves wait for exercise control's approval} off {; its playbook is off} other {}}.",
} as const;
