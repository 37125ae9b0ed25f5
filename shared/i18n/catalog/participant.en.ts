/** The participant's screen: counters, disabled controls' reasons, notices, turn summaries, costs (issue #21). */
export default {
  "participant.counter.used": "{used} / {max}",
  "participant.counter.limit": "At most {max} characters.",
  "participant.offline.waiting": "Waiting for the connection to come back: nothing can be sent until then.",
  "participant.commit.notRunning": "You can commit once the exercise is running; it is {phase}.",
  "participant.draft.notRunning": "Orders can be drafted once the exercise is running; it is {phase}.",
  "participant.console.timerEnded": "The exercise has ended: there is no timer to set.",
  "participant.console.noTurn": "There is no turn to resolve while the exercise is {phase}.",
  "participant.withdrawn.notice": "{author}'s draft “{order}” was withdrawn by {by}.",
  "participant.feed.withdrawn": "{by} withdrew the draft order {order} proposed by {author}.",
  "participant.withdrawn.dismiss": "Dismiss",
} as const;
