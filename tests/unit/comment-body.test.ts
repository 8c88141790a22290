import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { createCommentBodyRenderer } from '../../src/parse/comment-body.js';

const render = createCommentBodyRenderer();

describe('comment bodies', () => {
  it('shows raw HTML as text and keeps no script, handler or javascript: link', () => {
    const html = render(
      'Hi <script>alert(1)</script> **bold**\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <javascript:alert(2)> [ok](https://a.example/)',
    );
    const $ = load(html, null, false);
    expect($('script, img, [onerror]')).toHaveLength(0);
    expect(
      $('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['https://a.example/']);
    expect($('a').attr('rel')).toBe('nofollow ugc');
    expect($('strong').text()).toBe('bold');
    expect($.root().text()).toContain('<script>alert(1)</script>');
    expect($.root().text()).toContain('<img src=x onerror=alert(1)>');
  });

  it('keeps line breaks and drops what is not on the allow-list to its text', () => {
    const $ = load(render('# Head\n\nline\\\nbreak ![pic](https://x.example/p.png)'), null, false);
    expect($('h1, img')).toHaveLength(0);
    expect($('p').first().text()).toBe('Head');
    expect($('p').last().text()).toBe('line\nbreak pic');
    expect($('br')).toHaveLength(1);
  });
});
