/**
 * Math: `$…$` in a sentence and `$$…$$` on lines of their own (remark-math's syntax,
 * through the two packages it wraps), rendered while building to MathML with KaTeX, which
 * browsers draw themselves: a page with math needs no script, no stylesheet and no web
 * font. KaTeX rather than Temml: its MathML holds its layout in attributes (Temml's
 * alignment and equation numbers rely on Temml's stylesheet, and `\mathscr` on its
 * font), and it rendered the benchmark formulas in about half Temml's time; its
 * output, annotation dropped, is smaller than Temml's (see the README's Math section).
 *
 * A single `$` follows Pandoc's rule on top of remark-math's: the opening `$` must not
 * be followed by a space, the closing one not preceded by one nor followed by a digit,
 * so `$5 and $10` in prose stays text (remark-math alone would make `5 and ` math).
 *
 * A formula KaTeX cannot read is a warning at the place of its mistake and is shown as
 * written, in `<code>`, escaped like any text.
 */
import type { Element } from 'hast';
import katex from 'katex';
import type { Root } from 'mdast';
import { mathFromMarkdown, type InlineMath, type Math } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import type { Code, Construct, Effects, Extension } from 'micromark-util-types';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { sourceOf, warnAt } from './body-warnings.js';
import { mathmlToHast } from './mathml-hast.js';

/** `$`. */
const DOLLAR = 36;

/** The remark plugin: math syntax, then MathML (or the formula as written) for each. */
export default function remarkMath(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(mathSyntax());
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown());
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type === 'inlineMath' || node.type === 'math') renderFormula(node, file);
    });
  };
}

/** micromark-extension-math's syntax, with Pandoc's rule for a single `$`. */
function mathSyntax(): Extension {
  const syntax = math();
  const text = syntax.text?.[DOLLAR];
  if (text === undefined || Array.isArray(text)) return syntax;
  return { ...syntax, text: { [DOLLAR]: withDollarRule(text) } };
}

/**
 * The math-in-a-sentence construct, refusing what Pandoc refuses. The codes it takes are
 * watched, and when it would succeed the opening, the inside and the code after the
 * closing `$` are checked; refused, the `$` is text and the next `$` may open math.
 */
function withDollarRule(construct: Construct): Construct {
  return {
    ...construct,
    tokenize(effects, ok, nok) {
      const taken: Code[] = [];
      const watched: Effects = {
        ...effects,
        consume(code) {
          taken.push(code);
          effects.consume(code);
        },
      };
      const check = (code: Code) => (isPandocMath(taken, code) ? ok(code) : nok(code));
      return construct.tokenize.call(this, watched, check, nok);
    },
  };
}

/** True unless `$…$` opens or closes next to a space, or a digit follows it (`$5 and $10`). */
function isPandocMath(taken: readonly Code[], after: Code): boolean {
  if (taken[1] === DOLLAR) return true; // `$$…$$` in a sentence: remark-math's rule.
  const first = taken[1] ?? null;
  const last = taken[taken.length - 2] ?? null;
  return !isSpace(first) && !isSpace(last) && !(after !== null && after >= 48 && after <= 57);
}

/** Spaces, tabs and line endings (micromark gives tabs and line endings negative codes). */
function isSpace(code: Code): boolean {
  return code === null || code === 32 || code < 0;
}

/** Sets the node's HTML: MathML, or the formula as written when KaTeX cannot read it. */
function renderFormula(node: InlineMath | Math, file: VFile): void {
  const displayMode = node.type === 'math';
  let element: Element;
  try {
    element = mathmlToHast(
      katex.renderToString(node.value, {
        output: 'mathml',
        displayMode,
        throwOnError: true,
        // Unicode text in math and the like is fine in a blog; not worth a console line.
        strict: 'ignore',
        // No `\href`, `\url`, `\htmlClass` …: a formula draws, it does not link or style.
        trust: false,
      }),
    );
  } catch (error) {
    warnAt(file, node, formulaWarning(error), errorPlace(node, file, error));
    node.data = asWritten(node, file);
    return;
  }
  node.data = { hName: 'math', hProperties: element.properties, hChildren: element.children };
}

function formulaWarning(error: unknown) {
  const reason =
    error instanceof katex.ParseError
      ? error.rawMessage
      : error instanceof Error
        ? error.message
        : String(error);
  return {
    name: 'MathSyntax' as const,
    message: `This formula is not TeX that KaTeX can read (${reason}), so it is shown as written.`,
    hint: 'Fix the TeX at this place, or write `\\$` for a dollar sign that is not math.',
  };
}

/**
 * Where KaTeX's mistake is, when it says (an offset in the formula) and the formula is
 * found in the source as written; else undefined (the formula's own start).
 */
function errorPlace(node: InlineMath | Math, file: VFile, error: unknown) {
  const start = node.position?.start.offset;
  if (!(error instanceof katex.ParseError) || start === undefined) return undefined;
  if (!Number.isInteger(error.position)) return undefined;
  const source = sourceOf(file, node);
  const opening = /^\$+/.exec(source)?.[0].length ?? 0;
  const inside = source.indexOf(node.value, opening);
  if (inside === -1) return undefined;
  const offset = start + inside + error.position;
  const before = String(file.value).slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** The formula as the author wrote it, delimiters and all, as code. */
function asWritten(node: InlineMath | Math, file: VFile): InlineMath['data'] {
  const text = { type: 'text' as const, value: sourceOf(file, node) };
  const code: Element = {
    type: 'element',
    tagName: 'code',
    properties: { className: ['math-error'] },
    children: [text],
  };
  return node.type === 'math'
    ? { hName: 'pre', hProperties: { className: ['math-error'] }, hChildren: [code] }
    : { hName: 'code', hProperties: { className: ['math-error'] }, hChildren: [text] };
}
