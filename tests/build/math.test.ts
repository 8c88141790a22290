/**
 * Issue 14 part 5: math. `$…$` and `$$…$$` become MathML while building (KaTeX), so the
 * page needs no script, stylesheet or font; a dollar sign in prose stays text; a formula
 * KaTeX cannot read is a warning at the place of its mistake and is shown as written.
 */
import { isTag, isText, type AnyNode } from 'domhandler';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/site.js';

const SITE = 'title: Field Notes\nbaseUrl: https://notes.example/\ntimezone: UTC\n';

/** A post file: front matter (5 lines, then a blank line), so the body starts on line 7. */
function postFile(title: string, date: string, body: string): string {
  return `---\ntitle: ${title}\ndate: ${date}\nlabels: [physics]\n---\n\n${body}\n`;
}

const MATH = postFile(
  'Energy and mass',
  '2025-02-10',
  `Einstein's $E=mc^2$ is the famous one. The fraction below is displayed:

$$
\\frac{a}{b}
$$

<div class="aside">

Inside raw HTML, $x_1$ still works.

</div>`,
);

/** An element as nested tag names with its text leaves: `['msup', ['mi', 'c'], ['mn', '2']]`. */
type Shape = string | [string, ...Shape[]];
function shape(node: AnyNode): Shape {
  if (isText(node)) return node.data;
  return isTag(node) ? [node.name, ...node.children.map(shape)] : '';
}

async function buildMath() {
  return buildSite(
    {
      'site.yaml': SITE,
      'posts/2025-02-10-energy.md': MATH,
      'posts/2025-02-09-plain.md': postFile('Plain', '2025-02-09', 'No formulas here.'),
    },
    { cache: false },
  );
}

describe('math', () => {
  it('turns $…$ and $$…$$ into MathML elements, also among raw HTML', async () => {
    const built = await buildMath();
    expect(built.result.warnings).toEqual([]);
    const $ = await built.page('/2025/02/energy/');
    const formulas = $('.post-body math').toArray();
    expect(formulas.map((math) => $(math).attr('display') ?? 'inline')).toEqual([
      'inline',
      'block',
      'inline',
    ]);
    expect(formulas.map(shape)).toEqual([
      ['math', ['mrow', ['mi', 'E'], ['mo', '='], ['mi', 'm'], ['msup', ['mi', 'c'], ['mn', '2']]]],
      ['math', ['mrow', ['mfrac', ['mi', 'a'], ['mi', 'b']]]],
      ['math', ['mrow', ['msub', ['mi', 'x'], ['mn', '1']]]],
    ]);
    // A formula in a sentence stays in its paragraph; one on its own lines stands alone.
    expect(formulas.map((math) => $(math).parent().prop('tagName'))).toEqual(['P', 'DIV', 'P']);
    expect($('.post-body annotation, .post-body semantics, .post-body .katex').length).toBe(0);
  });

  it('adds no script, stylesheet or font to the page', async () => {
    const built = await buildMath();
    const resources = async (url: string) => {
      const $ = await built.page(url);
      return {
        scripts: $('script[src]')
          .map((_, s) => $(s).attr('src'))
          .get(),
        styles: $('link[rel="stylesheet"], link[rel="preload"]')
          .map((_, l) => $(l).attr('href'))
          .get(),
        inline: $('style').length,
      };
    };
    const math = await resources('/2025/02/energy/');
    expect(math).toEqual(await resources('/2025/02/plain/'));
    expect(math.scripts).toEqual([]);
    expect(await built.files()).not.toContainEqual(expect.stringMatching(/katex|\.woff2?$/i));
  });

  it('writes valid HTML, and plain symbols in summaries', async () => {
    const built = await buildMath();
    const html = await built.text('/2025/02/energy/');
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const report = await validator.validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
    const $ = await built.page('/2025/02/energy/');
    expect($('meta[name="description"]').attr('content')).toBe(
      "Einstein's E=mc2 is the famous one. The fraction below is displayed:",
    );
  });
});

describe('dollar signs in prose', () => {
  const PROSE = [
    'Tickets cost $5 and $10 at the door.',
    'A pint was $5.',
    'Between $ 3 and $ 4 a night.',
    'Rooms at $20-$30, breakfast included.',
    'Two for $5$10 is not math either.',
    'Escaped: \\$x\\$ stays text.',
    'In code: `$x$` stays code.',
  ];

  it('stay text, following Pandoc’s rule on top of remark-math’s', async () => {
    const built = await buildSite(
      {
        'site.yaml': SITE,
        'posts/2025-03-01-prices.md': postFile('Prices', '2025-03-01', PROSE.join('\n\n')),
      },
      { cache: false },
    );
    expect(built.result.warnings).toEqual([]);
    const $ = await built.page('/2025/03/prices/');
    expect($('.post-body math').length).toBe(0);
    expect(
      $('.post-body p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual([
      'Tickets cost $5 and $10 at the door.',
      'A pint was $5.',
      'Between $ 3 and $ 4 a night.',
      'Rooms at $20-$30, breakfast included.',
      'Two for $5$10 is not math either.',
      'Escaped: $x$ stays text.',
      'In code: $x$ stays code.',
    ]);
  });

  it('still lets a later $…$ on the same line be math', async () => {
    const built = await buildSite(
      {
        'site.yaml': SITE,
        'posts/2025-03-02-mixed.md': postFile(
          'Mixed',
          '2025-03-02',
          'It costs $5 a night, or $n \\cdot 5$ for $n$ nights.',
        ),
      },
      { cache: false },
    );
    const $ = await built.page('/2025/03/mixed/');
    expect(
      $('.post-body math')
        .map((_, m) => $(m).text())
        .get(),
    ).toEqual(['n⋅5', 'n']);
    expect($('.post-body p').text()).toBe('It costs $5 a night, or n⋅5 for n nights.');
  });
});

describe('a formula KaTeX cannot read', () => {
  const BAD = postFile(
    'Typos',
    '2025-04-01',
    `The fraction $\\frac{a$ never closes, and $\\frca{a}{b}$ is misspelt.

$$
x = 1 \\\\
y = \\sqrt{
$$`,
  );

  it('is a warning at the place of the mistake, with KaTeX’s reason', async () => {
    const built = await buildSite(
      { 'site.yaml': SITE, 'posts/2025-04-01-typos.md': BAD },
      { cache: false },
    );
    expect(
      built.result.warnings.map(({ name, file, line, column, message }) => ({
        name,
        file,
        line,
        column,
        message,
      })),
    ).toEqual([
      {
        name: 'MathSyntax',
        file: 'posts/2025-04-01-typos.md',
        line: 7,
        // Where the input ran out: the closing `$`.
        column: 22,
        message:
          "This formula is not TeX that KaTeX can read (Unexpected end of input in a macro argument, expected '}'), so it is shown as written.",
      },
      {
        name: 'MathSyntax',
        file: 'posts/2025-04-01-typos.md',
        line: 7,
        column: 43,
        message:
          'This formula is not TeX that KaTeX can read (Undefined control sequence: \\frca), so it is shown as written.',
      },
      {
        name: 'MathSyntax',
        file: 'posts/2025-04-01-typos.md',
        line: 11,
        column: 11,
        message:
          "This formula is not TeX that KaTeX can read (Expected '}', got 'EOF'), so it is shown as written.",
      },
    ]);
  });

  it('is shown as written, escaped, in <code>', async () => {
    const built = await buildSite(
      { 'site.yaml': SITE, 'posts/2025-04-01-typos.md': BAD },
      { cache: false },
    );
    const $ = await built.page('/2025/04/typos/');
    expect($('.post-body math').length).toBe(0);
    expect(
      $('.post-body code.math-error')
        .map((_, c) => $(c).text())
        .get(),
    ).toEqual(['$\\frac{a$', '$\\frca{a}{b}$', '$$\nx = 1 \\\\\ny = \\sqrt{\n$$']);
    expect($('.post-body pre.math-error > code.math-error').length).toBe(1);
  });
});
