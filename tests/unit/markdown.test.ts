/** The Markdown renderer's plain-data extras: summary, word count and headings. */
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/parse/markdown.js';

const render = createMarkdownRenderer();

describe('createMarkdownRenderer', () => {
  it('counts runs of letters and digits as words, and Chinese characters one by one', () => {
    expect(render("One two, three-four `five` don't 3.5 Sécurité.\n").wordCount).toBe(7);
    expect(render('中东和平进程 and Россия\n').wordCount).toBe(8);
  });

  it('gives a plain-text summary: entities decoded, HTML tags dropped, whitespace collapsed', () => {
    const { summary } = render('A &amp; B <span>raw</span>\nnext   line [^1].\n\n[^1]: Note.\n');
    expect(summary).toBe('A & B raw next line 1.');
  });

  it('gives an empty summary for a body without paragraphs', () => {
    expect(render('## Only\n\n- a list\n').summary).toBe('');
  });

  it('lists the top-level ## and ### headings, not the footnotes heading', () => {
    const { headings } = render('# Top\n\n## A `b` c\n\n### D\n\nText[^1].\n\n[^1]: Note.\n');
    expect(headings).toEqual([
      { depth: 2, id: 'a-b-c', text: 'A b c' },
      { depth: 3, id: 'd', text: 'D' },
    ]);
  });

  it('keeps ids and anchors in the whole body and drops them from the excerpt', () => {
    const { html, excerptHtml } = render('## A\n\nText.\n');
    expect(html).toBe(
      '<h2 id="a">A<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#a">#</a></h2>\n<p>Text.</p>',
    );
    expect(excerptHtml).toBe('<h2>A</h2>\n<p>Text.</p>');
  });

  it('gives a heading called More another id than the jump break', () => {
    const { html } = render('Intro.\n\n<!-- more -->\n\n## More\n\n## More 1\n');
    expect(html).toContain('<span id="more"></span>');
    expect(html).toContain('<h2 id="more-2">More');
    expect(html).toContain('<h2 id="more-1">More 1');
  });

  it('keeps an author’s own loading attribute on an image written in HTML', () => {
    const { html } = render('<img src="a.png" alt="A" loading="eager">\n\n![B](b.png)\n');
    expect(html).toBe(
      '<img src="a.png" alt="A" loading="eager">\n<p><img src="b.png" alt="B" loading="lazy"></p>',
    );
  });
});
