/**
 * Blogger HTML → Markdown, and that Rubric renders the result back into the same content:
 * each case is converted, then rendered by the build's own Markdown renderer and compared
 * as parsed HTML.
 */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { createBodyConverter } from '../../src/import/markdown.js';
import { createMarkdownRenderer } from '../../src/parse/markdown.js';

const convert = createBodyConverter();
const render = createMarkdownRenderer();

describe('converting bodies', () => {
  it('turns the jump break into a line of its own, wherever Blogger left it', () => {
    for (const html of [
      '<div>Before <b>it</b>.<!--more--> After.</div>',
      '<p>Before <b>it</b>.<span><!-- more --></span> After.</p>',
      '<div><div>Before <b>it</b>.<a name="more"></a></div> After.</div>',
    ]) {
      const markdown = convert.toMarkdown(html);
      expect(markdown, html).toBe('Before **it**.\n\n<!-- more -->\n\nAfter.\n');
      const { excerptHtml, hasMore } = render(markdown);
      expect(hasMore, html).toBe(true);
      expect(load(excerptHtml).text().trim(), html).toBe('Before it.');
    }
  });

  it("makes paragraphs of Blogger's <br><br> lines and keeps a single break", () => {
    expect(convert.toMarkdown('<div>One<br />two<br /><br />Three<br><br><br>Four</div>')).toBe(
      'One\\\ntwo\n\nThree\n\nFour\n',
    );
  });

  it('keeps what Markdown cannot say as HTML, inside its sentence, without presentation', () => {
    const markdown = convert.toMarkdown(
      '<div style="color:red">E = mc<sup>2</sup>, <u>underlined</u>, <kbd>Ctrl</kbd>.</div>' +
        '<iframe class="YOUTUBE-iframe-video" style="border:0" src="https://www.youtube.com/embed/x" width="320"></iframe>',
    );
    expect(markdown).toBe(
      'E = mc<sup>2</sup>, <u>underlined</u>, <kbd>Ctrl</kbd>.\n\n' +
        '<iframe src="https://www.youtube.com/embed/x" width="320"></iframe>\n',
    );
    const $ = load(render(markdown).html);
    expect($('p sup').text()).toBe('2');
    expect($('iframe').attr('src')).toBe('https://www.youtube.com/embed/x');
  });

  it('writes simple tables in GFM and keeps tables with merged cells as HTML', () => {
    const simple = convert.toMarkdown('<table><tr><th>a</th></tr><tr><td>1</td></tr></table>');
    expect(simple).toBe('| a |\n| - |\n| 1 |\n');
    const merged = convert.toMarkdown(
      '<table><tr><td colspan="2">both</td></tr><tr><td>1</td><td>2</td></tr></table>',
    );
    expect(load(render(merged).html)('td[colspan="2"]').text()).toBe('both');
  });

  it('escapes text that would read as Markdown or HTML', () => {
    const markdown = convert.toMarkdown(
      '<p>*not emphasis* &lt;b&gt;not bold&lt;/b&gt; # not a heading</p>',
    );
    const $ = load(render(markdown).html);
    expect($('p').text()).toBe('*not emphasis* <b>not bold</b> # not a heading');
    expect($('em, b, h1')).toHaveLength(0);
  });

  it('rewrites links and image sources through the given functions only', () => {
    const markdown = convert.toMarkdown(
      '<p><a href="/2024/01/a.html#c">a</a> <a href="https://elsewhere.org/">b</a><img src="x.png" alt="x"></p>',
      {
        link: (href) => (href.startsWith('/2024/') ? '/2024/01/a/#c' : undefined),
        image: (src) => (src === 'x.png' ? '/images/x.png' : undefined),
      },
    );
    expect(markdown).toBe('[a](/2024/01/a/#c) [b](https://elsewhere.org/)![x](/images/x.png)\n');
  });
});
