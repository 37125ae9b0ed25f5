/**
 * The last result of `compute`, computed again only when one of the inputs `inputsOf` names is not
 * the same (`Object.is`) as last time. Every state change updates every panel; with the records a
 * patch did not change kept by identity (state/keep-same.ts), a panel listing the white cell's
 * 5,000 assets rebuilds that list only when an asset, a name or the language changed.
 *
 * `inputsOf` must name everything `compute` reads that can change (a missing one shows stale
 * data): the language as `lang()`, and the state's records, never the state object itself (a new
 * one comes with every patch).
 */
export function lastResult<A, R>(inputsOf: (arg: A) => readonly unknown[], compute: (arg: A) => R): (arg: A) => R {
  let last: { inputs: readonly unknown[]; result: R } | null = null;
  return (arg) => {
    const inputs = inputsOf(arg);
    if (last && last.inputs.length === inputs.length && last.inputs.every((input, i) => Object.is(input, inputs[i]))) return last.result;
    const result = compute(arg);
    last = { inputs, result };
    return result;
  };
}
