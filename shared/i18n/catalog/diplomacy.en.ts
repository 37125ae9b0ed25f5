/** Defence diplomacy whose effects depend on the parties' trust and readiness (docs/RULES.md). */
export default {
  "diplomacy.explain.jointExercise":
    "The joint exercise of {a} and {b} (mean readiness {readiness}): interoperability +{interop}, trust +{trust} (it was {was}).",
  "diplomacy.explain.dialogue": "The dialogue between {a} and {b}: trust +{trust} (it was {was}; the closer partners are, the less a dialogue adds).",
} as const;
