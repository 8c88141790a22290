/**
 * Issue 11 part 6: Liquid, Nunjucks and Hugo syntax left in a body is reported, once per
 * post, at the first fragment, with how many there are; it is not run, and stays text.
 */
import { describe, expect, it } from 'vitest';
import { messyFiles } from '../support/messy.js';
import { buildSite, post } from '../support/site.js';

const LIQUID = 'posts/2016-05-20-liquid-leftovers.md';
const HUGO = 'posts/2018-11-03-hugo-shortcodes.md';

describe('template fragments in post bodies', () => {
  it('warns once per post, at the first fragment, with the count', async () => {
    const built = await buildSite(await messyFiles(), { cache: false });
    const fragments = built.result.warnings
      .filter((w) => w.name === 'TemplateFragment' && [LIQUID, HUGO].includes(w.file))
      .map(({ file, line, column, message }) => ({ file, line, column, message }));
    expect(fragments).toEqual([
      {
        file: LIQUID,
        line: 7,
        column: 41,
        message:
          'This post has `{{site.baseurl}}` and 4 more template fragments: Liquid, Nunjucks or Hugo template syntax, which Rubric does not run, so it is shown as written.',
      },
      // `{{< youtube … >}}` on line 9 is an embed now (embeds.test.ts), not a leftover.
      {
        file: HUGO,
        line: 11,
        column: 1,
        message:
          'This post has `{{% note %}}` and 1 more template fragment: Liquid, Nunjucks or Hugo template syntax, which Rubric does not run, so it is shown as written.',
      },
    ]);
  });

  it('leaves the fragments in the page as literal text', async () => {
    const built = await buildSite(await messyFiles(), { cache: false });
    const liquid = await built.page('/2016/05/liquid-leftovers/');
    const text = liquid('.post-body').text();
    expect(text).toContain('logo at {{ site.baseurl }}/assets/logo.png.');
    expect(text).toContain('{% raw %}');
    const hugo = await built.page('/2018/11/hugo-shortcodes/');
    expect(hugo('.post-body > p').first().text()).toMatch(/^\{\{% note %\}\}\n/);
    expect(hugo('.post-body iframe').attr('src')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    // Not taken for a link either: no broken-link warning for `{{site.baseurl}}/…`.
    expect(
      built.result.warnings.filter((w) => w.name === 'BrokenLink' && w.file === LIQUID),
    ).toEqual([]);
  });

  it('does not count template syntax in code spans and code blocks', async () => {
    const built = await buildSite(
      {
        'posts/2021-02-03-about-liquid.md': post(
          { title: 'Liquid by example', date: '2021-02-03' },
          'Write `{{ page.title }}` for the title.\n\n```liquid\n{% if page.draft %}{{ "draft" }}{% endif %}\n```\n\n    {{< indented code >}}\n\nOutside: {{ site.title }}',
        ),
      },
      { cache: false },
    );
    expect(
      built.result.warnings
        .filter((w) => w.name === 'TemplateFragment')
        .map(({ line, column, message }) => ({ line, column, message })),
    ).toEqual([
      {
        line: 14,
        column: 10,
        message:
          'This post has `{{ site.title }}`: Liquid, Nunjucks or Hugo template syntax, which Rubric does not run, so it is shown as written.',
      },
    ]);
  });

  it('names one fragment alone, and a Nunjucks filter inside a raw HTML attribute', async () => {
    const built = await buildSite(
      {
        'posts/2021-02-04-one.md': post(
          { title: 'One fragment', date: '2021-02-04' },
          'Intro.\n\n<img src="{{ \'/img/a.png\' | url }}" alt="A">',
        ),
      },
      { cache: false },
    );
    expect(
      built.result.warnings
        .filter((w) => w.name === 'TemplateFragment')
        .map(({ line, column, message }) => ({ line, column, message })),
    ).toEqual([
      {
        line: 8,
        column: 11,
        message:
          "This post has `{{ '/img/a.png' | url }}`: Liquid, Nunjucks or Hugo template syntax, which Rubric does not run, so it is shown as written.",
      },
    ]);
  });
});
