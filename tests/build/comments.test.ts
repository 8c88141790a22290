/**
 * Comments kept beside a post (`POST.comments.yaml`, as `rubric import --comments` writes
 * it) shown under the post: threaded, dated in the site's time zone, bodies made safe;
 * and the `comments:` setting's comment system on post pages only.
 */
import { describe, expect, it } from 'vitest';
import { structureProblems } from '../support/validate.js';
import { buildAt, makeSite } from '../support/site.js';

const POST = `---
title: Oman's quiet channel
date: 2025-03-14T09:30:00
labels: [Oman]
---

The channel ran for years before anyone wrote about it.
`;

/** A thread in the importer's shape, written out of date order on purpose. */
const COMMENTS = `# Comments from Blogger on posts/2025-03-14-oman.md, oldest first.
- id: '7001'
  author: Layla Haddad
  authorUrl: https://gulfnotes.example/
  date: 2025-03-15T08:00:00+04:00
  body: |
    Great piece & very _clear_.
- id: '7003'
  author: Mina
  date: 2025-03-15T10:30:00
  replyTo: '7001'
  body: Thank you, **Layla**!
- id: '7002'
  date: 2025-03-15T09:00:00+04:00
  authorUrl: javascript:alert(1)
  body: |
    Nice <script>alert('x')</script> and <img src=x onerror=alert(2)>

    [see this](javascript:alert(3)) and [a real link](https://example.net/a)
- id: '7004'
  author: Omid
  date: 2025-03-16T12:00:00+03:30
  replyTo: '6999'
  body: I answer a comment that was not exported.
- id: 7005
  author: Layla Haddad
  date: 2025-03-16T13:00:00+03:30
  replyTo: 7003
  body: You are welcome.
`;

const files = (extra: Record<string, string> = {}) => ({
  'site.yaml': 'title: Test\nbaseUrl: https://example.org/\ntimezone: Asia/Tehran\n',
  'posts/2025-03-14-oman.md': POST,
  'posts/2025-03-14-oman.comments.yaml': COMMENTS,
  'posts/2025-03-20-second.md': '---\ntitle: Second\ndate: 2025-03-20\n---\n\nMore.\n',
  ...extra,
});

describe('comments beside a post', () => {
  it('shows them threaded, oldest first, a reply to a missing comment at the top level', async () => {
    const site = await buildAt(await makeSite(files()));
    expect(site.result.errors).toEqual([]);
    expect(site.result.warnings.map((w) => `${w.file}:${w.line}:${w.column} ${w.message}`)).toEqual(
      [
        'posts/2025-03-14-oman.comments.yaml:15:14 The comment\'s authorUrl "javascript:alert(1)" is not an http: or https: address, so the author is not linked.',
      ],
    );
    const $ = await site.page('/2025/03/oman/');
    expect($('#comments-title').text()).toBe('5 comments');
    const top = $('.comments > .comment-list > .comment');
    expect(top.map((_, li) => $(li).attr('id')).get()).toEqual([
      'comment-7001',
      'comment-7002',
      'comment-7004',
    ]);
    const replies = $('#comment-7001 > .comment-list > .comment');
    expect(replies.map((_, li) => $(li).attr('id')).get()).toEqual(['comment-7003']);
    expect($('#comment-7003 > .comment-list > .comment').attr('id')).toBe('comment-7005');
    expect($('#comment-7004 .comment-body').text().trim()).toBe(
      'I answer a comment that was not exported.',
    );
  });

  it('links an author only to an http(s) address, as a reader link', async () => {
    const site = await buildAt(await makeSite(files()));
    const $ = await site.page('/2025/03/oman/');
    const layla = $('#comment-7001 > .comment-meta a.comment-author');
    expect(layla.text()).toBe('Layla Haddad');
    expect(layla.attr('href')).toBe('https://gulfnotes.example/');
    expect(layla.attr('rel')).toBe('nofollow ugc');
    // No name, and a javascript: address: the site's word for a reader, not linked.
    const anonymous = $('#comment-7002 > .comment-meta');
    expect(anonymous.find('a')).toHaveLength(0);
    expect(anonymous.find('.comment-author').text()).toBe('Anonymous');
  });

  it('dates each comment in the site time zone, with <time datetime>', async () => {
    const site = await buildAt(await makeSite(files()));
    const $ = await site.page('/2025/03/oman/');
    const time = (id: string) => $(`#${id} > .comment-meta time`);
    // 08:00 in Muscat (+04:00) is 07:30 in Tehran (+03:30).
    expect(time('comment-7001').attr('datetime')).toBe('2025-03-15T07:30:00+03:30');
    expect(time('comment-7001').text()).toBe('March 15, 2025 at 7:30 AM');
    // Without an offset: read in the site's zone, as post dates are.
    expect(time('comment-7003').attr('datetime')).toBe('2025-03-15T10:30:00+03:30');
  });

  it('never lets a script, an event handler or a javascript: link through, and shows the text', async () => {
    const site = await buildAt(await makeSite(files()));
    const $ = await site.page('/2025/03/oman/');
    const body = $('#comment-7002 .comment-body');
    expect($('.comments script, .comments img, .comments [onerror]')).toHaveLength(0);
    expect($('.comments a[href^="javascript:" i]')).toHaveLength(0);
    expect(body.text()).toContain(
      "Nice <script>alert('x')</script> and <img src=x onerror=alert(2)>",
    );
    expect(
      body
        .find('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['https://example.net/a']);
    expect(body.find('a').attr('rel')).toBe('nofollow ugc');
    expect(body.text()).toContain('see this');
    expect($('#comment-7001 .comment-body em').text()).toBe('clear');
    expect(await structureProblems(await site.text('/2025/03/oman/'), 'oman.html')).toEqual([]);
  });

  it('shows no comments section on a post without comments', async () => {
    const site = await buildAt(await makeSite(files()));
    const $ = await site.page('/2025/03/second/');
    expect($('.comments')).toHaveLength(0);
  });
});

describe('bad comments files', () => {
  it('warns at the line and column of a bad comment and keeps the others', async () => {
    const bad = `- author: No date here
  body: Hello
- author: Fine
  date: 2025-03-15T09:00
  body: Kept.
  colour: blue
- just text
- author: Late
  date: not a date
  body: Left out.
`;
    const site = await buildAt(
      await makeSite(files({ 'posts/2025-03-14-oman.comments.yaml': bad })),
    );
    expect(site.result.errors).toEqual([]);
    expect(site.result.warnings.map((w) => `${w.file}:${w.line}:${w.column} ${w.name}`)).toEqual([
      'posts/2025-03-14-oman.comments.yaml:1:3 CommentInvalid',
      'posts/2025-03-14-oman.comments.yaml:6:3 CommentInvalid',
      'posts/2025-03-14-oman.comments.yaml:7:3 CommentInvalid',
      'posts/2025-03-14-oman.comments.yaml:9:9 CommentInvalid',
    ]);
    const $ = await site.page('/2025/03/oman/');
    expect($('.comment .comment-body').text().trim()).toBe('Kept.');
  });

  it('warns about a file that is not YAML and still builds the post', async () => {
    const site = await buildAt(
      await makeSite(files({ 'posts/2025-03-14-oman.comments.yaml': '- author: [unclosed\n' })),
    );
    expect(site.result.errors).toEqual([]);
    expect(site.result.warnings.map((w) => [w.name, w.file, w.line])).toEqual([
      ['CommentsSyntax', 'posts/2025-03-14-oman.comments.yaml', 2],
    ]);
    const $ = await site.page('/2025/03/oman/');
    expect($('h1.post-title').text()).toBe("Oman's quiet channel");
  });

  it('warns about comments beside no post', async () => {
    const site = await buildAt(
      await makeSite(files({ 'posts/2025-01-01-renamed.comments.yaml': COMMENTS })),
    );
    const orphans = site.result.warnings.filter((w) => w.file.includes('renamed'));
    expect(orphans.map((w) => [w.name, w.file])).toEqual([
      ['CommentsWithoutPost', 'posts/2025-01-01-renamed.comments.yaml'],
    ]);
    const $ = await site.page('/2025/03/oman/');
    expect($('.comments > .comment-list > .comment')).toHaveLength(3);
  });
});

const GISCUS = `comments:
  giscus:
    repo: mina/long-table
    repoId: R_kgDOExample
    category: Comments
    categoryId: DIC_kwDOExample4CAbc
`;

describe('the comments: setting', () => {
  it('puts the giscus script on post pages only, with its data- attributes', async () => {
    const site = await buildAt(
      await makeSite(
        files({
          'site.yaml': `title: Test\nbaseUrl: https://example.org/\nlanguage: fr-CA\n${GISCUS}`,
        }),
      ),
    );
    expect(site.result.errors).toEqual([]);
    const $ = await site.page('/2025/03/second/');
    const script = $('script[src="https://giscus.app/client.js"]');
    expect(script).toHaveLength(1);
    expect(script.attr()).toMatchObject({
      'data-repo': 'mina/long-table',
      'data-repo-id': 'R_kgDOExample',
      'data-category': 'Comments',
      'data-category-id': 'DIC_kwDOExample4CAbc',
      'data-mapping': 'pathname',
      'data-strict': '0',
      'data-reactions-enabled': '1',
      'data-input-position': 'bottom',
      'data-theme': 'preferred_color_scheme',
      'data-lang': 'fr',
      'data-loading': 'lazy',
      crossorigin: 'anonymous',
    });
    expect(script.attr('data-term')).toBeUndefined();
    for (const url of ['/', '/labels/oman/', '/2025/', '/404.html']) {
      const page = await site.page(url);
      expect(page('script[src*="giscus"]'), url).toHaveLength(0);
    }
  });

  it('puts the utterances script on post pages only', async () => {
    const yaml = 'comments:\n  utterances:\n    repo: mina/long-table\n    label: comments\n';
    const site = await buildAt(await makeSite(files({ 'site.yaml': `title: Test\n${yaml}` })));
    expect(site.result.errors).toEqual([]);
    const script = (await site.page('/2025/03/oman/'))(
      'script[src="https://utteranc.es/client.js"]',
    );
    expect(script.attr()).toMatchObject({
      repo: 'mina/long-table',
      'issue-term': 'pathname',
      label: 'comments',
      theme: 'github-light',
      crossorigin: 'anonymous',
    });
    expect((await site.page('/'))('script[src*="utteranc"]')).toHaveLength(0);
  });

  it('renders the site partial comments-custom.hbs with the page data', async () => {
    const site = await buildAt(
      await makeSite(
        files({
          'site.yaml': 'title: Test\ncomments: custom\n',
          'templates/partials/comments-custom.hbs':
            '<div id="remark42" data-url="{{post.url}}" data-title="{{post.title}}"></div>\n',
        }),
      ),
    );
    expect(site.result.errors).toEqual([]);
    const $ = await site.page('/2025/03/oman/');
    expect($('#remark42').attr('data-url')).toBe('/2025/03/oman/');
    expect($('#remark42').attr('data-title')).toBe("Oman's quiet channel");
    expect((await site.page('/'))('#remark42')).toHaveLength(0);
  });

  it.each([
    ['comments: custom\n', 'site.yaml:2:11 TemplateMissing'],
    ['comments: disqus\n', 'site.yaml:2:11 ConfigInvalid'],
    ['comments:\n  giscuss: {}\n', 'site.yaml:3:3 ConfigUnknownKey'],
    ['comments:\n  giscus:\n    repo: not a repo\n', 'site.yaml:4:11 ConfigInvalid'],
    ['comments:\n  giscus:\n    repo: a/b\n    repoId: R\n', 'site.yaml:4:5 ConfigInvalid'],
    [
      'comments:\n  giscus:\n    repo: a/b\n    repoId: R\n    category: C\n    categoryId: D\n    mapping: path\n',
      'site.yaml:8:14 ConfigInvalid',
    ],
    [
      'comments:\n  utterances:\n    repo: a/b\n    issue-term: title\n',
      'site.yaml:5:5 ConfigUnknownKey',
    ],
  ])('reports %j at its line and column', async (yaml, expected) => {
    const site = await buildAt(await makeSite(files({ 'site.yaml': `title: Test\n${yaml}` })));
    expect(site.result.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.name}`)).toEqual([
      expected,
    ]);
  });
});
