/**
 * Issue 11 part 5: raw HTML in a body is parsed into the tree, so pages are well-formed
 * whatever an old post holds, and ids stay unique on list pages.
 */
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/parse/markdown.js';
import { messyFiles } from '../support/messy.js';
import { buildSite, post, type BuiltSite } from '../support/site.js';
import { structureProblems } from '../support/validate.js';

const render = createMarkdownRenderer();

async function buildMessy(extra: Record<string, string> = {}): Promise<BuiltSite> {
  return buildSite({ ...(await messyFiles()), ...extra }, { cache: false });
}

describe('raw HTML in post bodies', () => {
  it('drops a stray end tag and closes what old Blogger HTML left open', async () => {
    const built = await buildMessy();
    const $ = await built.page('/2009/03/harbour-walk/');
    const body = $('.post-body');
    // `</p></p>` is one paragraph, not a second, empty one.
    expect(body.find('p').first().text()).toBe('We started at the fish market, just after six.');
    expect(body.find('p:empty')).toHaveLength(0);
    // `<p>The boats…<br>` is closed before the next block.
    expect(body.children('p').eq(1).text().trim()).toBe(
      'The boats were already in.\nMost of the catch was kingfish.',
    );
    // The unclosed note div is closed at the end of the body, with the paragraph inside.
    const note = body.children('div.post-footer-note');
    expect(note).toHaveLength(1);
    expect(note.find('p a').attr('href')).toBe('/2012/07/new-market/');
  });

  it('lazy-loads images written as HTML, and keeps an author’s own loading', async () => {
    const built = await buildMessy();
    const $ = await built.page('/2009/03/harbour-walk/');
    expect($('.post-body img').attr('src')).toBe('/images/harbour.jpg');
    expect($('.post-body img').attr('loading')).toBe('lazy');
    expect(render('<img src="a.png" alt="A" loading="eager">\n').html).toBe(
      '<img src="a.png" alt="A" loading="eager">',
    );
  });

  it('keeps objects, embeds, iframes and scripts as the author wrote them', async () => {
    const built = await buildMessy();
    const old = await built.page('/2009/03/harbour-walk/');
    expect(old('.post-body object param[name="movie"]').attr('value')).toBe(
      'https://www.youtube.com/v/abc123',
    );
    expect(old('.post-body object > embed').attr('type')).toBe('application/x-shockwave-flash');
    const market = await built.page('/2012/07/new-market/');
    expect(market('.post-body iframe').attr('title')).toBe('Map of the market');
    expect(market('.post-body script').text()).toBe("document.write('<p>Map loading…</p>');");
  });

  it('closes an element left open before the jump break at the break', async () => {
    const built = await buildSite(
      {
        'posts/2020-01-02-open-div.md': post(
          { title: 'Open div', date: '2020-01-02' },
          '<div class="intro">Before the break.\n\n<!-- more -->\n\nAfter the break.',
        ),
      },
      { cache: false },
    );
    const home = await built.page('/');
    expect(home('.post-body').html()?.trim()).toBe('<div class="intro">Before the break.\n</div>');
    expect(home('.jump-link a').attr('href')).toBe('/2020/01/open-div/#more');
    const page = await built.page('/2020/01/open-div/');
    expect(page('.post-body > #more').next('p').text()).toBe('After the break.');
  });

  it('gives footnotes ids of their own post, so a list page repeats none', async () => {
    const built = await buildMessy();
    const $ = await built.page('/labels/old-html/');
    const ids = $('[id]')
      .map((_, el) => $(el).attr('id'))
      .get();
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'liquid-leftovers-fn-1',
        'liquid-leftovers-fnref-1',
        'hugo-shortcodes-fn-1',
        'hugo-shortcodes-fnref-1',
      ]),
    );
    // Every in-page link in a post card lands on an element of the page.
    const local = $('.post-body a[href^="#liquid"], .post-body a[href^="#hugo"]')
      .map((_, el) => $(el).attr('href'))
      .get();
    expect(local).toHaveLength(4);
    for (const href of local) expect($(`[id="${href.slice(1)}"]`)).toHaveLength(1);
    const page = await built.page('/2018/11/hugo-shortcodes/');
    expect(page('sup a').attr('href')).toBe('#hugo-shortcodes-fn-1');
    expect(page('sup a').attr('aria-describedby')).toBe('hugo-shortcodes-footnote-label');
    expect(page('#hugo-shortcodes-footnote-label').contents().first().text()).toBe('Footnotes');
  });

  it('gives raw HTML ids the post’s prefix on list pages, and links follow', () => {
    const { html, excerptHtml } = render(
      '<p id="top-note">Note.</p>\n\n[To the note](#top-note)\n',
      { idPrefix: 'oman-' },
    );
    expect(html).toBe('<p id="top-note">Note.</p>\n<p><a href="#top-note">To the note</a></p>');
    expect(excerptHtml).toBe(
      '<p id="oman-top-note">Note.</p>\n<p><a href="#oman-top-note">To the note</a></p>',
    );
  });

  it('writes a list page of footnoted and messy posts, and their pages, the validator accepts', async () => {
    const built = await buildMessy();
    const problems: string[] = [];
    for (const url of [
      '/labels/old-html/',
      '/',
      '/2009/03/harbour-walk/',
      '/2012/07/new-market/',
      '/2016/05/liquid-leftovers/',
      '/2018/11/hugo-shortcodes/',
    ]) {
      problems.push(...(await structureProblems(await built.text(url), url)));
    }
    expect(problems).toEqual([]);
  });

  it('parses raw HTML only in bodies that have some', () => {
    expect(render('Plain *Markdown*.\n\n<!-- more -->\n\nMore.\n').rawHtml).toBe(false);
    expect(render('Some <b>bold</b>.\n').rawHtml).toBe(true);
    // A body without raw HTML is written as before, byte for byte.
    expect(render('One[^1].\n\n[^1]: Note.\n', { idPrefix: 'a-' }).html).toBe(
      '<p>One<sup><a href="#a-fn-1" id="a-fnref-1" data-footnote-ref aria-describedby="a-footnote-label">1</a></sup>.</p>\n<section data-footnotes class="footnotes"><h2 class="sr-only" id="a-footnote-label">Footnotes<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#a-footnote-label">#</a></h2>\n<ol>\n<li id="a-fn-1">\n<p>Note. <a href="#a-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p>\n</li>\n</ol>\n</section>',
    );
  });
});
