/** aar */
export default {
  "aar.title": "x",
} as const;
