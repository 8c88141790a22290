/**
 * Issue 11 part 7: the built-in link check. Every internal link and image of a post body
 * and of a template is checked against the pages and files the build writes, and a
 * `#fragment` against the ids of the page it lands on; each broken one is reported where
 * it stands in its Markdown (or template). `linkCheck` makes them errors or turns it off.
 */
import { describe, expect, it } from 'vitest';
import { createRebuilder } from '../../src/dev/rebuild.js';
import type { Problem } from '../../src/errors.js';
import { messyFiles } from '../support/messy.js';
import { buildSite, makeSite, NOW, post, writeFiles } from '../support/site.js';

const MINE = [
  'posts/2009-03-14-harbour-walk.md',
  'posts/2012-07-02-new-market.md',
  'posts/2016-05-20-liquid-leftovers.md',
  'posts/2018-11-03-hugo-shortcodes.md',
];

const broken = (problems: readonly Problem[]) =>
  problems
    .filter(
      (p) => p.name === 'BrokenLink' && (MINE.includes(p.file) || p.file.startsWith('templates')),
    )
    .map(({ severity, file, line, column, message }) => ({
      severity,
      file,
      line,
      column,
      message,
    }));

describe('the link check', () => {
  it('reports each broken link and image of the messy posts where it stands', async () => {
    // These posts were written for a blog at the root of its host, with the default zone.
    const built = await buildSite({ ...(await messyFiles()), 'site.yaml': '' }, { cache: false });
    expect(built.result.ok).toBe(true);
    expect(broken(built.result.warnings)).toEqual([
      {
        severity: 'warning',
        file: 'posts/2009-03-14-harbour-walk.md',
        line: 9,
        column: 79,
        message:
          'The link `/images/harbour.jpg` leads nowhere: the build writes no page or file at /images/harbour.jpg.',
      },
      {
        severity: 'warning',
        file: 'posts/2012-07-02-new-market.md',
        line: 7,
        column: 77,
        message:
          'The link `/wp-content/uploads/2012/07/market.jpg` leads nowhere: the build writes no page or file at /wp-content/uploads/2012/07/market.jpg.',
      },
      {
        severity: 'warning',
        file: 'posts/2012-07-02-new-market.md',
        line: 7,
        column: 126,
        message:
          'The link `/wp-content/uploads/2012/07/market.jpg` leads nowhere: the build writes no page or file at /wp-content/uploads/2012/07/market.jpg.',
      },
      {
        severity: 'warning',
        file: 'posts/2012-07-02-new-market.md',
        line: 16,
        column: 9,
        message:
          'The link `/2009/03/harbour-walk/#photos` leads nowhere: /2009/03/harbour-walk/ has no element with the id `photos`.',
      },
      {
        severity: 'warning',
        file: 'posts/2018-11-03-hugo-shortcodes.md',
        line: 15,
        column: 38,
        message:
          'The link `#photos` leads nowhere: /2018/11/hugo-shortcodes/ has no element with the id `photos`.',
      },
      {
        severity: 'warning',
        file: 'posts/2018-11-03-hugo-shortcodes.md',
        line: 17,
        column: 1,
        message:
          'The link `figures/diagram.svg` leads nowhere: the build writes no page or file at /2018/11/hugo-shortcodes/figures/diagram.svg.',
      },
      {
        severity: 'warning',
        file: 'posts/2018-11-03-hugo-shortcodes.md',
        line: 19,
        column: 1,
        message:
          'The link `/2018/11/theme-notes/` leads nowhere: the build writes no page or file at /2018/11/theme-notes/.',
      },
    ]);
  });

  it('finds static files, pages, feeds and ids, with the links a post has right', async () => {
    const built = await buildSite(
      {
        'site.yaml': 'baseUrl: https://example.org/blog/\n',
        'static/images/harbour.jpg': 'jpg',
        'posts/2024-05-01-oman.md': post(
          { title: 'Oman', date: '2024-05-01', labels: 'Gulf' },
          [
            '## Muscat',
            '',
            '![Harbour](/blog/images/harbour.jpg) [Muscat](#muscat) [top](#top)',
            '[Iran](../../../2024/05/iran/#tehran) [Gulf](/blog/labels/gulf/) [Feed](https://example.org/blog/feed.xml)',
            '[No slash](/blog/2024/05/iran) [Elsewhere](https://example.com/x) <mailto:a@example.org>',
            '[Outside](/other/) [Typo](/blog/2024/05/iran/#teheran)',
          ].join('\n'),
        ),
        'posts/2024-05-02-iran.md': post(
          { title: 'Iran', date: '2024-05-02' },
          '## Tehran\n\n<a name="old-anchor"></a>[Back](/blog/2024/05/oman/#muscat)',
        ),
      },
      { cache: false },
    );
    expect(
      built.result.warnings
        .filter((w) => w.name === 'BrokenLink')
        .map(({ line, column, message }) => ({ line, column, message })),
    ).toEqual([
      {
        line: 12,
        column: 1,
        message:
          "The link `/other/` leads nowhere: it is outside the site's path /blog/, where the build writes nothing.",
      },
      {
        line: 12,
        column: 20,
        message:
          'The link `/blog/2024/05/iran/#teheran` leads nowhere: /2024/05/iran/ has no element with the id `teheran` (did you mean `#tehran`?).',
      },
    ]);
  });

  it('checks the picture a post names in its front matter, at its line', async () => {
    const built = await buildSite(
      {
        'static/images/harbour.jpg': 'jpg',
        'posts/2024-05-01-oman.md': post({
          title: 'Oman',
          date: '2024-05-01',
          image: '/images/harbor.jpg',
        }),
        'posts/2024-05-02-iran.md': post({
          title: 'Iran',
          date: '2024-05-02',
          image: '/images/harbour.jpg',
        }),
        'posts/2024-05-03-gulf.md': post({
          title: 'Gulf',
          date: '2024-05-03',
          image: 'https://example.net/gulf.jpg',
        }),
      },
      { cache: false },
    );
    expect(
      built.result.warnings
        .filter((w) => w.name === 'BrokenLink')
        .map(({ file, line, column, message }) => ({ file, line, column, message })),
    ).toEqual([
      {
        file: 'posts/2024-05-01-oman.md',
        line: 4,
        column: 8,
        message:
          'The link `/images/harbor.jpg` leads nowhere: the build writes no page or file at /images/harbor.jpg.',
      },
    ]);
  });

  it('checks the links a template’s author typed, naming the template', async () => {
    const built = await buildSite(
      {
        'templates/partials/byline.hbs':
          '<p class="post-byline"><a href="/about/">About</a> <a href="{{url}}">{{title}}</a>\n<img src="{{href "img/logo.png"}}" alt=""></p>\n',
        'posts/2024-05-01-oman.md': post({ title: 'Oman', date: '2024-05-01' }),
      },
      { cache: false },
    );
    expect(broken(built.result.warnings)).toEqual([
      {
        severity: 'warning',
        file: 'templates/partials/byline.hbs',
        line: 1,
        column: 33,
        message: 'The link `/about/` leads nowhere: the build writes no page or file at /about/.',
      },
      {
        severity: 'warning',
        file: 'templates/partials/byline.hbs',
        line: 2,
        column: 11,
        message:
          'The link `/img/logo.png` leads nowhere: the build writes no page or file at /img/logo.png.',
      },
    ]);
  });

  it('fails the build with `linkCheck: error`, and says nothing with `linkCheck: off`', async () => {
    const strict = await buildSite(
      { ...(await messyFiles()), 'site.yaml': 'linkCheck: error\n' },
      { cache: false },
    );
    expect(strict.result.ok).toBe(false);
    const errors = broken(strict.result.errors);
    expect(errors).toHaveLength(7);
    expect(errors[0]).toMatchObject({ severity: 'error', line: 9, column: 79 });
    for (const setting of ['off', 'false']) {
      const quiet = await buildSite(
        { ...(await messyFiles()), 'site.yaml': `linkCheck: ${setting}\n` },
        { cache: false },
      );
      expect(quiet.result.ok).toBe(true);
      expect(quiet.result.warnings.filter((w) => w.name === 'BrokenLink')).toEqual([]);
    }
    const typo = await buildSite({ 'site.yaml': 'linkCheck: strict\n' }, { cache: false });
    expect(typo.result.errors).toMatchObject([{ name: 'ConfigInvalid', line: 1, column: 12 }]);
    expect(typo.result.errors[0]?.message).toBe(
      'linkCheck must be `warn`, `error` or `off` (got "strict").',
    );
  });

  it('keeps its links in the parse cache', async () => {
    const root = await makeSite({
      'posts/2024-05-01-oman.md': post({ title: 'Oman', date: '2024-05-01' }, '[Gone](/gone/)'),
    });
    const { build } = await import('../../src/build.js');
    const first = await build({ root, now: NOW });
    const second = await build({ root, now: NOW });
    expect(second.cachedPosts).toBe(1);
    expect(second.warnings).toEqual(first.warnings);
    expect(second.warnings.map((w) => `${w.name} ${w.line}:${w.column}`)).toEqual([
      'BrokenLink 6:1',
      'RelativeBaseUrl 0:0',
    ]);
  });

  it('runs in rubric dev: a fixed link stops being reported, a new page fixes links to it', async () => {
    const root = await makeSite({
      'posts/2024-05-01-oman.md': post(
        { title: 'Oman', date: '2024-05-01' },
        '[Iran](/2024/05/iran/) [Gone](/gone/)',
      ),
    });
    const rebuilder = createRebuilder({ root, now: () => NOW });
    const brokenOf = (problems: readonly Problem[]) =>
      problems.filter((p) => p.name === 'BrokenLink').map((p) => p.message);
    const first = await rebuilder.rebuild();
    expect(brokenOf(first.run.warnings)).toHaveLength(2);
    const files = {
      'posts/2024-05-02-iran.md': post({ title: 'Iran', date: '2024-05-02' }),
      'posts/2024-05-01-oman.md': post(
        { title: 'Oman', date: '2024-05-01' },
        '[Iran](/2024/05/iran/)',
      ),
    };
    await writeFiles(root, files);
    const second = await rebuilder.rebuild(Object.keys(files));
    expect(brokenOf(second.run.warnings)).toEqual([]);
  });
});
