/**
 * The exercise library (client/src/start/library-*.ts, server/http/library-api.ts): the
 * exercises exercise control holds keys for, or all of them with the operator password.
 */
export default {
  "library.join.archived": "This exercise is archived: it can be replayed and its report read, not played. Exercise control can bring it back from the exercise library.",
  "library.join.loadFailed": "The exercise could not be loaded from its log. Try again in a moment; if it keeps failing, tell the operator.",
  "library.http.keysRequired": "Send the facilitator keys to look up as keys: [{ id, token }], at most {max}.",
  "library.http.facilitatorOnly": "Only exercise control (the facilitator link) can archive, delete or re-run an exercise.",
  "library.http.confirmRequired": "Deleting an exercise cannot be undone: send confirm set to the exercise's id.",
  "library.http.archived": "This exercise is archived: bring it back from the exercise library to change it.",
} as const;
