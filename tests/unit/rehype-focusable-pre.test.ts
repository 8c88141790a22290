/** The rehype plugin that puts code blocks and tables in the keyboard's tab order. */
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeFocusablePre from '../../src/parse/rehype-focusable-pre.js';

function run(html: string): string {
  return unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeFocusablePre)
    .use(rehypeStringify)
    .processSync(html)
    .toString();
}

describe('rehypeFocusablePre', () => {
  it('makes every <pre> and <table> focusable, and nothing else', () => {
    expect(run('<pre><code>x</code></pre><table><tr><td>1</td></tr></table><p>t</p>')).toBe(
      '<pre tabindex="0"><code>x</code></pre><table tabindex="0"><tbody><tr><td>1</td></tr></tbody></table><p>t</p>',
    );
  });

  it("keeps an author's own tabindex", () => {
    expect(run('<pre tabindex="-1">x</pre>')).toBe('<pre tabindex="-1">x</pre>');
  });
});
