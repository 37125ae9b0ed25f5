/** replay */
export default {
  "replay.title": "x",
} as const;
