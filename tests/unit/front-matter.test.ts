import { describe, expect, it } from 'vitest';
import type { BuildError, BuildWarning } from '../../src/errors.js';
import { sortProblems } from '../../src/errors.js';
import { readFrontMatter } from '../../src/parse/front-matter.js';
import { createMarkdownRenderer } from '../../src/parse/markdown.js';
import { parsePost } from '../../src/parse/post.js';

const FILE = 'posts/a.md';

/** A post file from its lines: line 1 of the array is line 1 of the file. */
function post(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function read(text: string, zone = 'UTC') {
  return readFrontMatter({ path: FILE, text }, zone);
}

/** `Name file:line:column` of each problem, for exact comparisons of where problems are. */
function where(problems: readonly (BuildError | BuildWarning)[]): string[] {
  return sortProblems(problems).map((p) => `${p.name} ${p.file}:${p.line}:${p.column}`);
}

/** A message or hint a person can act on: a whole sentence. */
const SENTENCE = /^\S.*[.?]$/s;

function expectHelpful(problem: BuildError | BuildWarning | undefined): void {
  expect(problem?.message).toMatch(SENTENCE);
  expect(problem?.hint).toMatch(SENTENCE);
}

const renderMarkdown = createMarkdownRenderer();

describe('readFrontMatter: broken rules', () => {
  it('reports a missing title as MissingTitle at 1:1', () => {
    const { frontMatter, errors } = read(post('---', 'date: 2025-04-12', '---', 'Body'));
    expect(frontMatter).toBeNull();
    expect(errors).toEqual([
      {
        severity: 'error',
        name: 'MissingTitle',
        file: FILE,
        line: 1,
        column: 1,
        message: 'This post has no title.',
        hint: 'Add a line `title: Your headline` to the front matter.',
      },
    ]);
  });

  it('reports an empty title at the value', () => {
    //                                  line 2, column 8: the opening quote
    const { frontMatter, errors } = read(post('---', 'title: ""', 'date: 2025-04-12', '---'));
    expect(frontMatter).toBeNull();
    expect(where(errors)).toEqual([`MissingTitle ${FILE}:2:8`]);
    expect(errors[0]?.message).toBe('title is empty.');
    expectHelpful(errors[0]);
  });

  it('reports a title of spaces only at the value', () => {
    const { errors } = read(post('---', 'date: 2025-04-12', 'title:    "   "', '---'));
    expect(where(errors)).toEqual([`MissingTitle ${FILE}:3:11`]);
    expectHelpful(errors[0]);
  });

  it('reports a title with no value at all at the end of its line', () => {
    const { errors } = read(post('---', 'title:', 'date: 2025-04-12', '---'));
    expect(where(errors)).toEqual([`MissingTitle ${FILE}:2:7`]);
    expectHelpful(errors[0]);
  });

  it('reports a title that is a list at the value', () => {
    const { errors } = read(post('---', 'title: [a, b]', 'date: 2025-04-12', '---'));
    expect(where(errors)).toEqual([`MissingTitle ${FILE}:2:8`]);
    expect(errors[0]?.message).toBe('title must be text.');
  });

  it.each([
    ['2025-13-40', 'there is no such day'],
    ['2025-02-30', 'there is no such day'],
    [
      'yesterday',
      'it is not one of the forms 2025-04-12, 2025-04-12 09:30, 2025-04-12T09:30:00 or one of those with an offset (Z, +02:00, +0200, -04, -4)',
    ],
    [
      '12/04/2025',
      'it is not one of the forms 2025-04-12, 2025-04-12 09:30, 2025-04-12T09:30:00 or one of those with an offset (Z, +02:00, +0200, -04, -4)',
    ],
  ])('reports date %j as InvalidDate at the value', (value, reason) => {
    const { frontMatter, errors } = read(
      //    line 1    line 2         line 3 (value at column 7)
      post('---', 'title: Oman', `date: ${value}`, '---', 'Body'),
    );
    expect(frontMatter).toBeNull();
    expect(errors).toEqual([
      {
        severity: 'error',
        name: 'InvalidDate',
        file: FILE,
        line: 3,
        column: 7,
        message: `date "${value}" is not a date: ${reason}.`,
        hint: "Write it like `date: 2025-04-12`, `date: 2025-04-12 09:30` or `date: 2025-04-12T09:30:00+02:00`; without an offset it is read in the site's timezone.",
      },
    ]);
  });

  it('reports an invalid date further down at its own line and column', () => {
    const { errors } = read(
      post('---', 'title: Oman', 'labels: [Oman]', 'summary: Talks.', 'date:   yesterday', '---'),
    );
    expect(where(errors)).toEqual([`InvalidDate ${FILE}:5:9`]);
  });

  it('reports an invalid updated date at the value', () => {
    const { errors } = read(
      post('---', 'title: Oman', 'date: 2025-04-12', 'updated: 2025-02-30', '---'),
    );
    expect(where(errors)).toEqual([`InvalidDate ${FILE}:4:10`]);
    expect(errors[0]?.message).toBe('updated "2025-02-30" is not a date: there is no such day.');
    expectHelpful(errors[0]);
  });

  it('reports a missing date as InvalidDate at 1:1', () => {
    const { frontMatter, errors } = read(post('---', 'title: Oman', '---', 'Body'));
    expect(frontMatter).toBeNull();
    expect(errors).toEqual([
      {
        severity: 'error',
        name: 'InvalidDate',
        file: FILE,
        line: 1,
        column: 1,
        message: 'This post has no date.',
        hint: 'Add a line `date: 2025-04-12` (or `2025-04-12T09:30`) to the front matter.',
      },
    ]);
  });

  it('reports `labels: {a: 1}` as InvalidLabels at the value', () => {
    const { frontMatter, errors } = read(
      post('---', 'title: Oman', 'date: 2025-04-12', 'labels: {a: 1}', '---'),
    );
    expect(frontMatter).toBeNull();
    expect(where(errors)).toEqual([`InvalidLabels ${FILE}:4:9`]);
    expect(errors[0]?.message).toBe(
      'labels must be a list of names or one comma-separated string.',
    );
    expect(errors[0]?.hint).toContain('`labels: [Oman, nuclear talks]`');
    expectHelpful(errors[0]);
  });

  it('reports a list item that is a mapping as InvalidLabels at the item', () => {
    const { frontMatter, errors } = read(
      post(
        '---', //               line 1
        'title: Oman', //       line 2
        'date: 2025-04-12', //  line 3
        'labels:', //           line 4
        '  - Oman', //          line 5
        '  - nuclear: talks', // line 6, the item starts at column 5
        '---',
      ),
    );
    expect(frontMatter).toBeNull();
    expect(where(errors)).toEqual([`InvalidLabels ${FILE}:6:5`]);
    expect(errors[0]?.message).toBe(
      'Each of labels must be a name; item 2 is a mapping (is there a `: ` inside it?).',
    );
    expectHelpful(errors[0]);
  });

  it('reports a mapping item in a flow list of tags at the item', () => {
    const { errors } = read(
      post('---', 'title: Oman', 'date: 2025-04-12', 'tags: [Oman, {a: 1}, Iran]', '---'),
    );
    expect(where(errors)).toEqual([`InvalidLabels ${FILE}:4:14`]);
    expect(errors[0]?.message).toBe(
      'Each of tags must be a name; item 2 is a mapping (is there a `: ` inside it?).',
    );
  });

  it('reports YAML that does not parse as FrontMatterSyntax at the line YAML names', () => {
    const { frontMatter, errors } = read(
      post('---', 'title: Oman: talks', 'date: 2025-04-12', '---', 'Body'),
    );
    expect(frontMatter).toBeNull();
    expect(errors).toEqual([
      {
        severity: 'error',
        name: 'FrontMatterSyntax',
        file: FILE,
        line: 2,
        column: 8,
        message:
          'The front matter is not valid YAML: Nested mappings are not allowed in compact mappings.',
        hint: 'A value that contains `: ` must be put in quotes: `title: "Oman: the talks"`.',
      },
    ]);
  });

  it('reports `draft: "yes"` at the value', () => {
    const { frontMatter, errors } = read(
      post('---', 'title: Oman', 'date: 2025-04-12', 'draft: "yes"', '---'),
    );
    expect(frontMatter).toBeNull();
    expect(errors).toEqual([
      {
        severity: 'error',
        name: 'FrontMatterInvalid',
        file: FILE,
        line: 4,
        column: 8,
        message: 'draft must be true or false.',
        hint: 'Write `draft: true` to keep the post out of the build, or remove the line.',
      },
    ]);
  });

  it.each(['../../x', 'Oman Talks', 'oman_talks', 'a/b', 'oman.html'])(
    'reports slug %j as InvalidSlug at the value',
    (slug) => {
      const { frontMatter, errors } = read(
        post('---', 'title: Oman', 'date: 2025-04-12', `slug: ${slug}`, '---'),
      );
      expect(frontMatter).toBeNull();
      expect(where(errors)).toEqual([`InvalidSlug ${FILE}:4:7`]);
      expect(errors[0]?.message).toBe(
        `slug "${slug}" is not a slug: it must be lower-case letters, digits and single hyphens, with no / or dots.`,
      );
      expect(errors[0]?.hint).toBe('Write it like `slug: oman-talks`.');
    },
  );

  it('reports a file with no front matter at all at 1:1 and keeps the body', () => {
    const { frontMatter, body, errors } = read(post('# Oman talks', '', 'Body'));
    expect(frontMatter).toBeNull();
    expect(body).toBe('# Oman talks\n\nBody\n');
    expect(errors).toEqual([
      {
        severity: 'error',
        name: 'FrontMatterInvalid',
        file: FILE,
        line: 1,
        column: 1,
        message: 'This post has no front matter.',
        hint: 'Start the file with a `---` line, then `title:` and `date:`, then another `---` line.',
      },
    ]);
  });

  it('reports front matter that is a list, not keys, at its first line', () => {
    const { errors } = read(post('---', '- title', '- date', '---'));
    expect(where(errors)).toEqual([`FrontMatterInvalid ${FILE}:2:1`]);
    expectHelpful(errors[0]);
  });

  it('reports every broken rule of one file together', () => {
    const { frontMatter, errors } = read(
      post(
        '---', //               line 1
        'title: ""', //         line 2, value at column 8
        'date: yesterday', //   line 3, value at column 7
        'slug: ../../x', //     line 4, value at column 7
        'labels: {a: 1}', //    line 5, value at column 9
        'draft: "yes"', //      line 6, value at column 8
        'author: {a: 1}', //    line 7, value at column 9
        '---',
      ),
    );
    expect(frontMatter).toBeNull();
    expect(where(errors)).toEqual([
      `MissingTitle ${FILE}:2:8`,
      `InvalidDate ${FILE}:3:7`,
      `InvalidSlug ${FILE}:4:7`,
      `InvalidLabels ${FILE}:5:9`,
      `FrontMatterInvalid ${FILE}:6:8`,
      `FrontMatterInvalid ${FILE}:7:9`,
    ]);
    for (const error of errors) expectHelpful(error);
  });

  it('reports a missing title and a missing date together', () => {
    const { errors } = read(post('---', 'summary: Talks.', '---'));
    expect(errors.map((e) => e.name).sort()).toEqual(['InvalidDate', 'MissingTitle']);
    expect(where(errors)).toEqual([`InvalidDate ${FILE}:1:1`, `MissingTitle ${FILE}:1:1`]);
  });

  it('reports every bad label item, each at its own line', () => {
    const { errors } = read(
      post(
        '---',
        'title: Oman',
        'date: 2025-04-12',
        'labels:',
        '  - a: 1', //       line 5
        '  - Oman',
        '  - [x, y]', //     line 7
        '---',
      ),
    );
    expect(where(errors)).toEqual([`InvalidLabels ${FILE}:5:5`, `InvalidLabels ${FILE}:7:5`]);
    expect(errors[1]?.message).toBe('Each of labels must be a name; item 3 is a list.');
  });
});

describe('readFrontMatter: good paths', () => {
  it('reads every key of the contract', () => {
    const { frontMatter, body, errors, warnings } = read(
      post(
        '---',
        'title: "  Oman talks  "',
        'date: 2025-04-12T09:30:00+03:30',
        'updated: 2025-04-13',
        'labels: [Oman]',
        'author: " Ann Lambton "',
        'summary: Talks in Muscat.',
        'slug: oman-talks',
        'draft: true',
        'toc: true',
        'pinned: labels',
        'layout: wide',
        '---',
        'Hello.',
      ),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(body).toBe('Hello.\n');
    expect(frontMatter).toEqual({
      title: 'Oman talks',
      date: Date.parse('2025-04-12T06:00:00Z'),
      dateHasTime: true,
      updated: Date.parse('2025-04-13T00:00:00Z'),
      labels: ['Oman'],
      labelsAt: [{ line: 5, column: 10 }],
      authors: ['Ann Lambton'],
      authorsAt: [{ line: 6, column: 9 }],
      summary: 'Talks in Muscat.',
      image: null,
      slug: 'oman-talks',
      slugAt: { line: 8, column: 7 },
      fixedUrl: null,
      fixedUrlAt: null,
      draft: true,
      toc: true,
      pinned: 'labels',
      page: false,
      aliases: [],
      layout: 'wide',
      layoutAt: { line: 12, column: 9 },
      data: {},
    });
  });

  it('fills in what is left out', () => {
    const { frontMatter, errors } = read(post('---', 'title: Oman', 'date: 2025-04-12', '---'));
    expect(errors).toEqual([]);
    expect(frontMatter).toEqual({
      title: 'Oman',
      date: Date.parse('2025-04-12T00:00:00Z'),
      dateHasTime: false,
      updated: null,
      labels: [],
      labelsAt: [],
      authors: [],
      authorsAt: [],
      summary: null,
      image: null,
      slug: null,
      slugAt: null,
      fixedUrl: null,
      fixedUrlAt: null,
      draft: false,
      toc: false,
      pinned: null,
      page: false,
      aliases: [],
      layout: null,
      layoutAt: null,
      data: {},
    });
  });

  it("reads a date without an offset in the site's time zone", () => {
    const text = post('---', 'title: Oman', 'date: 2025-04-12', 'updated: 2025-04-12 08:30', '---');
    expect(read(text, 'Asia/Tehran').frontMatter).toMatchObject({
      date: Date.parse('2025-04-11T20:30:00Z'),
      dateHasTime: false,
      updated: Date.parse('2025-04-12T05:00:00Z'),
    });
  });

  it.each([
    ['a block list', ['labels:', '  - foreign relations of iran', '  - Oman']],
    ['a flow list', ['labels: [foreign relations of iran, Oman]']],
    ['a comma-separated string', ['labels: foreign relations of iran, Oman']],
    ['a quoted comma-separated string', ['labels: "foreign relations of iran,Oman"']],
    ['tags as a list', ['tags: [foreign relations of iran, Oman]']],
    ['tags as a string', ['tags: foreign relations of iran, Oman']],
  ])('reads labels as %s, never splitting on spaces', (_what, lines) => {
    const { frontMatter, errors } = read(
      post('---', 'title: Oman', 'date: 2025-04-12', ...lines, '---'),
    );
    expect(errors).toEqual([]);
    expect(frontMatter?.labels).toEqual(['foreign relations of iran', 'Oman']);
  });

  it('reads one multi-word label as one label', () => {
    const { frontMatter } = read(
      post('---', 'title: Oman', 'date: 2025-04-12', 'labels: nuclear talks', '---'),
    );
    expect(frontMatter?.labels).toEqual(['nuclear talks']);
  });

  it('merges tags into labels, labels first', () => {
    const { frontMatter, errors } = read(
      post(
        '---',
        'title: Oman',
        'date: 2025-04-12',
        'tags: nuclear talks, Iran',
        'labels: [Oman]',
        '---',
      ),
    );
    expect(errors).toEqual([]);
    expect(frontMatter?.labels).toEqual(['Oman', 'nuclear talks', 'Iran']);
  });

  it('removes repeated labels case- and space-insensitively, keeping the first spelling', () => {
    const { frontMatter } = read(
      post(
        '---',
        'title: Oman',
        'date: 2025-04-12',
        'labels: [Oman, OMAN, " oman ", Foreign Relations of Iran]',
        'tags: foreign  relations of iran, Nuclear Talks, nuclear talks',
        '---',
      ),
    );
    expect(frontMatter?.labels).toEqual(['Oman', 'Foreign Relations of Iran', 'Nuclear Talks']);
  });

  it('trims labels and drops empty ones', () => {
    const { frontMatter, errors } = read(
      post(
        '---',
        'title: Oman',
        'date: 2025-04-12',
        'labels: "  Oman ,  nuclear talks  , ,"',
        'tags: ["  Iran  ", "", "   "]',
        '---',
      ),
    );
    expect(errors).toEqual([]);
    expect(frontMatter?.labels).toEqual(['Oman', 'nuclear talks', 'Iran']);
  });

  it('reads a number as a label name', () => {
    const { frontMatter } = read(
      post('---', 'title: Oman', 'date: 2025-04-12', 'labels: [2025, Oman]', '---'),
    );
    expect(frontMatter?.labels).toEqual(['2025', 'Oman']);
  });

  it('keeps unknown keys in data', () => {
    const { frontMatter, errors, warnings } = read(
      post(
        '---',
        'title: Oman',
        'date: 2025-04-12',
        'editor: Ann',
        'image: /img/muscat.jpg',
        'sources: [Reuters, AP]',
        '---',
      ),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(frontMatter?.data).toEqual({
      editor: 'Ann',
      image: '/img/muscat.jpg',
      sources: ['Reuters', 'AP'],
    });
  });

  it('warns about `lables`, suggesting `labels`, and still keeps it in data', () => {
    const { frontMatter, errors, warnings } = read(
      //    line 1    line 2         line 3              line 4
      post('---', 'title: Oman', 'date: 2025-04-12', 'lables: [Oman]', '---'),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        severity: 'warning',
        name: 'FrontMatterTypo',
        file: FILE,
        line: 4,
        column: 1,
        message:
          '`lables` is not a front-matter key Rubric reads; it is passed to templates as post.data.lables.',
        hint: 'Did you mean `labels`?',
      },
    ]);
    expect(frontMatter?.labels).toEqual([]);
    expect(frontMatter?.data).toEqual({ lables: ['Oman'] });
  });

  it.each([
    ['titel', 'title'],
    ['dat', 'date'],
    ['sumary', 'summary'],
    ['athor', 'author'],
    ['drafts', 'draft'],
  ])('warns about %j, suggesting %j', (key, meant) => {
    const lines = ['title: Oman', 'date: 2025-04-12'].filter((l) => !l.startsWith(`${meant}:`));
    const { warnings } = read(post('---', ...lines, `${key}: x`, '---'));
    expect(warnings).toMatchObject([
      { name: 'FrontMatterTypo', line: lines.length + 2, column: 1 },
    ]);
    expect(warnings[0]?.hint).toBe(`Did you mean \`${meant}\`?`);
  });

  it('gives no warning for `data` when `date` is present', () => {
    const { frontMatter, errors, warnings } = read(
      post('---', 'title: Oman', 'date: 2025-04-12', 'data: {source: Reuters}', '---'),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(frontMatter?.data).toEqual({ data: { source: 'Reuters' } });
  });

  it('gives no warning for keys far from every known key', () => {
    const { warnings } = read(
      post('---', 'title: Oman', 'date: 2025-04-12', 'editor: Ann', 'image: a.jpg', '---'),
    );
    expect(warnings).toEqual([]);
  });

  // Without the warning, `Labels:` would go to data and the post would lose its labels.
  it('warns about `Labels`, suggesting `labels`', () => {
    const { warnings } = read(
      post('---', 'title: Oman', 'date: 2025-04-12', 'Labels: [Oman]', '---'),
    );
    expect(where(warnings)).toEqual([`FrontMatterTypo ${FILE}:4:1`]);
    expect(warnings[0]?.hint).toBe('Did you mean `labels`?');
  });

  it('reads a post with Windows line ends at the right lines', () => {
    const { errors } = read(
      '---\r\ntitle: Oman\r\ndate: 2025-13-01\r\nsummary: s\r\n---\r\nBody\r\n',
    );
    expect(where(errors)).toEqual([`InvalidDate ${FILE}:3:7`]);
  });

  // gray-matter cuts the block at "\n---", which would leave a "\r" on the last value.
  it('reads the last key of a post with Windows line ends (slug)', () => {
    const { frontMatter, errors } = read(
      '---\r\ntitle: Oman\r\ndate: 2025-04-12\r\nslug: oman-talks\r\n---\r\nBody\r\n',
    );
    expect(errors).toEqual([]);
    expect(frontMatter?.slug).toBe('oman-talks');
  });

  it('reads the last key of a post with Windows line ends (draft, data)', () => {
    const { frontMatter, errors } = read(
      '---\r\ntitle: Oman\r\ndate: 2025-04-12\r\neditor: Ann\r\ndraft: true\r\n---\r\nBody\r\n',
    );
    expect(errors).toEqual([]);
    expect(frontMatter).toMatchObject({ draft: true, data: { editor: 'Ann' } });
  });
});

describe('parsePost', () => {
  it('derives the slug from the file name, dropping a leading date', () => {
    const { post: parsed, errors } = parsePost(
      {
        path: 'posts/2025-04-12-oman-talks.md',
        text: post('---', 'title: Oman talks', 'date: 2025-04-12', '---', 'Hello.'),
      },
      'UTC',
      renderMarkdown,
    );
    expect(errors).toEqual([]);
    expect(parsed).toEqual({
      source: 'posts/2025-04-12-oman-talks.md',
      slug: 'oman-talks',
      slugAt: null,
      title: 'Oman talks',
      date: Date.parse('2025-04-12T00:00:00Z'),
      dateHasTime: false,
      updated: null,
      labels: [],
      labelsAt: [],
      authors: [],
      authorsAt: [],
      summary: 'Hello.',
      image: null,
      fixedUrl: null,
      fixedUrlAt: null,
      draft: false,
      pinned: null,
      page: false,
      aliases: [],
      layout: null,
      layoutAt: null,
      data: {},
      html: '<p>Hello.</p>',
      excerptHtml: '<p>Hello.</p>',
      hasMore: false,
      wordCount: 1,
      toc: null,
      links: [],
      ids: [],
    });
  });

  it('derives the slug from the file name only, not its folders', () => {
    const { post: parsed } = parsePost(
      {
        path: 'posts/2025/Gulf/2025-04-12-Oman Talks.md',
        text: post('---', 'title: Oman', 'date: 2025-04-12', '---'),
      },
      'UTC',
      renderMarkdown,
    );
    expect(parsed?.slug).toBe('oman-talks');
  });

  it('prefers slug: from the front matter', () => {
    const { post: parsed } = parsePost(
      {
        path: 'posts/2025-04-12-oman-talks.md',
        text: post('---', 'title: Oman', 'date: 2025-04-12', 'slug: muscat', '---'),
      },
      'UTC',
      renderMarkdown,
    );
    expect(parsed?.slug).toBe('muscat');
  });

  it('gives no post and the front-matter errors when the front matter is broken', () => {
    const result = parsePost(
      { path: 'posts/b.md', text: post('---', 'date: 2025-04-12', '---', 'Body') },
      'UTC',
      renderMarkdown,
    );
    expect(result.post).toBeNull();
    expect(where(result.errors)).toEqual(['MissingTitle posts/b.md:1:1']);
  });

  it('passes warnings on with the post', () => {
    const result = parsePost(
      {
        path: 'posts/b.md',
        text: post('---', 'title: Oman', 'date: 2025-04-12', 'lables: x', '---'),
      },
      'UTC',
      renderMarkdown,
    );
    expect(result.post?.data).toEqual({ lables: 'x' });
    expect(where(result.warnings)).toEqual(['FrontMatterTypo posts/b.md:4:1']);
  });

  it('splits the body at the jump break', () => {
    const { post: parsed } = parsePost(
      {
        path: 'posts/a.md',
        text: post(
          '---',
          'title: Oman',
          'date: 2025-04-12',
          '---',
          'Before the *break*.',
          '',
          '<!-- more -->',
          '',
          'After the break.',
        ),
      },
      'UTC',
      renderMarkdown,
    );
    expect(parsed?.excerptHtml).toBe('<p>Before the <em>break</em>.</p>');
    expect(parsed?.html).toBe(
      '<p>Before the <em>break</em>.</p>\n<span id="more"></span>\n<p>After the break.</p>',
    );
  });

  it.each(['<!--more-->', '<!-- MORE -->', '<!--   more   -->'])(
    'recognises the jump break written as %j',
    (jumpBreak) => {
      const { excerptHtml, html } = renderMarkdown(`One.\n\n${jumpBreak}\n\nTwo.\n`);
      expect(excerptHtml).toBe('<p>One.</p>');
      expect(html).toBe('<p>One.</p>\n<span id="more"></span>\n<p>Two.</p>');
    },
  );

  it('gives the whole body as the excerpt when there is no jump break', () => {
    const { post: parsed } = parsePost(
      {
        path: 'posts/a.md',
        text: post('---', 'title: Oman', 'date: 2025-04-12', '---', 'One.', '', 'Two.'),
      },
      'UTC',
      renderMarkdown,
    );
    expect(parsed?.excerptHtml).toBe('<p>One.</p>\n<p>Two.</p>');
    expect(parsed?.hasMore).toBe(false);
    expect(parsed?.html).toBe('<p>One.</p>\n<p>Two.</p>');
  });

  it('does not take a jump break inside a paragraph as a break', () => {
    const { hasMore, html } = renderMarkdown('One. <!-- more --> Two.\n');
    expect(hasMore).toBe(false);
    expect(html).toBe('<p>One. <!-- more --> Two.</p>');
  });

  it('renders a GFM table as a <table>', () => {
    const { html } = renderMarkdown('| Country | Capital |\n| --- | --- |\n| Oman | Muscat |\n');
    expect(html).toBe(
      '<table tabindex="0">\n<thead>\n<tr>\n<th>Country</th>\n<th>Capital</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Oman</td>\n<td>Muscat</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('passes raw inline HTML through', () => {
    const { html } = renderMarkdown(
      'The <abbr title="Joint Comprehensive Plan of Action">JCPOA</abbr> deal.\n',
    );
    expect(html).toBe(
      '<p>The <abbr title="Joint Comprehensive Plan of Action">JCPOA</abbr> deal.</p>',
    );
  });

  it('keeps a raw HTML block, its image lazy-loaded like a Markdown one', () => {
    const { html } = renderMarkdown(
      '<figure class="map">\n<img src="oman.png" alt="Oman">\n</figure>\n',
    );
    expect(html).toBe(
      '<figure class="map">\n<img src="oman.png" alt="Oman" loading="lazy">\n</figure>',
    );
  });
});
