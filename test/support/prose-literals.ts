import ts from "typescript";

/**
 * The scanner of test/i18n/no-literals.test.ts: finds the literals that look like prose in the
 * places of a TypeScript file a person reads. Kept out of the test file so that a test importing
 * it does not run the scan's tests again.
 */

/** Attributes and properties whose value a person reads (or hears, through a screen reader). */
const READ_PROPERTIES = new Set([
  "textContent",
  "innerText",
  "title",
  "placeholder",
  "alt",
  "ariaLabel",
  "ariaDescription",
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-valuetext",
  "aria-roledescription",
  "label",
  "legend",
  "submit",
  "success",
  "text",
  "confirmText",
  "confirmName",
  "item",
  "add",
  "summary",
  "hint",
]);
/** Attributes set with setAttribute that a person reads. */
const READ_ATTRIBUTES = new Set([
  "title",
  "placeholder",
  "alt",
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-valuetext",
  "aria-roledescription",
]);
/** Calls whose arguments at these positions are shown to a person. */
const READ_ARGUMENTS: Record<string, number[]> = {
  setText: [1],
  show: [1],
  error: [0],
  announce: [0],
  alert: [0],
  confirm: [0],
  prompt: [0],
  field: [0, 2],
  section: [0],
  checkboxGroup: [0],
  commandButton: [0, 5],
  setOptions: [2],
  showResult: [2],
  copyButton: [1],
  createTextNode: [0],
  showNotice: [0],
};
/** Words that are the same in every language. */
const SAME_IN_EVERY_LANGUAGE = ["Concord"];

export type Offence = { file: string; line: number; text: string; where: string };

/** True when the text is prose: a word of three lowercase letters or more, or a capitalised word; false for keys, URLs, selectors, abbreviations and symbols. */
export function looksLikeProse(text: string): boolean {
  let s = text.trim();
  if (!s) return false;
  if (/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9-]+)+$/.test(s)) return false; // a catalogue key
  if (/^(https?:|mailto:|data:|\/|\.{1,2}\/|#)\S*$/.test(s) || /:\/\//.test(s)) return false; // a URL or a path
  if (/^[.#[][\w\-="\]\s.#>:[,()*]+$/.test(s) && /[.#[]/.test(s[0]!)) return false; // a CSS selector
  // Markup is not read: the text between the tags is (the AAR's HTML renderer writes both).
  s = s.replace(/<[^>]*>/g, " ");
  for (const word of SAME_IN_EVERY_LANGUAGE) s = s.replaceAll(word, "");
  return /\p{Ll}{3,}/u.test(s) || /(^|[^\p{L}])\p{Lu}\p{Ll}{2,}/u.test(s);
}

/** The text of a literal, template parts joined (placeholders dropped), or null for anything else. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  return null;
}

/** The literals an expression may evaluate to, through conditionals, ||/??/&&, +, parentheses, arrays and `as`. */
function leaves(node: ts.Node): ts.Node[] {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node))
    return leaves(node.expression);
  if (ts.isConditionalExpression(node)) return [...leaves(node.whenTrue), ...leaves(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.PlusToken].includes(
      node.operatorToken.kind,
    )
  )
    return [...leaves(node.left), ...leaves(node.right)];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((e) => leaves(ts.isSpreadElement(e) ? e.expression : e));
  if (ts.isTemplateExpression(node)) return [node, ...node.templateSpans.flatMap((s) => leaves(s.expression))];
  return [node];
}

/** `error.message`, `(e as Error).message`, `String(error)`: the words of an exception, not of the catalogue. */
function isRawErrorText(node: ts.Node): boolean {
  const errorLike = (e: ts.Expression): boolean => {
    if (ts.isParenthesizedExpression(e)) return errorLike(e.expression);
    if (ts.isAsExpression(e)) return ts.isTypeReferenceNode(e.type) && /Error$/.test(e.type.typeName.getText()) ? true : errorLike(e.expression);
    return ts.isIdentifier(e) && /^(e|err|error|exception|reason|problem)$/.test(e.text);
  };
  if (ts.isPropertyAccessExpression(node) && node.name.text === "message") return errorLike(node.expression);
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "String" && node.arguments.length === 1)
    return errorLike(node.arguments[0]!);
  return false;
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return "";
}

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : "";
}

/** The prose literals of one source file in places a person reads. `renderer`: also what its functions return. */
export function scanSource(file: string, source: string, renderer: boolean): Offence[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Offence[] = [];
  const report = (node: ts.Node, where: string) => {
    for (const leaf of leaves(node)) {
      const text = literalText(leaf);
      if (text !== null && looksLikeProse(text)) found.push({ file, line: sf.getLineAndCharacterOfPosition(leaf.getStart(sf)).line + 1, text, where });
      // An exception's own words (a server's `room "hello" not found`, a browser's "Failed to fetch") never reach a screen.
      else if (isRawErrorText(leaf))
        found.push({
          file,
          line: sf.getLineAndCharacterOfPosition(leaf.getStart(sf)).line + 1,
          text: leaf.getText(sf),
          where: `${where} (an error's own message)`,
        });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      // h(tag, attrs, ...children): the children are read.
      if (name === "h") node.arguments.slice(2).forEach((a) => report(a, "h() child"));
      if (name === "setAttribute" && node.arguments.length === 2) {
        const attr = literalText(node.arguments[0]!);
        if (attr && READ_ATTRIBUTES.has(attr)) report(node.arguments[1]!, `setAttribute("${attr}")`);
      }
      for (const index of Object.hasOwn(READ_ARGUMENTS, name) ? READ_ARGUMENTS[name]! : [])
        if (node.arguments[index]) report(node.arguments[index]!, `${name}() argument`);
    }
    // { title: "…", placeholder: "…", "aria-label": "…", label: "…" } (attributes, options, form labels).
    if (ts.isPropertyAssignment(node) && READ_PROPERTIES.has(propertyName(node.name))) report(node.initializer, `${propertyName(node.name)}:`);
    // el.textContent = "…", el.title = "…"
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      READ_PROPERTIES.has(node.left.name.text)
    )
      report(node.right, `.${node.left.name.text} =`);
    if (renderer && ts.isReturnStatement(node) && node.expression) report(node.expression, "returned by a renderer");
    if (renderer && ts.isArrowFunction(node) && !ts.isBlock(node.body)) report(node.body, "returned by a renderer");
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
