import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, readConfig } from '../../src/config/config.js';
import type { BuildError } from '../../src/errors.js';
import { packageRoot } from '../../src/paths.js';
import { wordsFor } from '../../src/words.js';

/** `Name file:line:column` of each error, for exact comparisons of where errors are. */
function where(errors: readonly BuildError[]): string[] {
  return errors.map((e) => `${e.name} ${e.file}:${e.line}:${e.column}`);
}

/** Settings that are not keys of site.yaml: worked out from one that is (`baseUrl`). */
const DERIVED = new Set(['basePath']);

/** The rows of the README's `site.yaml` settings table: each key and its default as written. */
async function readmeSettings(): Promise<{ key: string; stated: string }[]> {
  const readme = await readFile(path.join(packageRoot, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Settings: `site.yaml`'));
  const rows: { key: string; stated: string }[] = [];
  // The table ends where the subsections (### Words) begin.
  const table = (section ?? '').split(/^### /m)[0] ?? '';
  for (const line of table.split('\n')) {
    const [key, stated] = line
      .split('|')
      .slice(1, 3)
      .map((cell) => cell.trim());
    const name = /^`(\w+)`$/.exec(key ?? '')?.[1];
    if (name !== undefined && stated !== undefined) rows.push({ key: name, stated });
  }
  return rows;
}

/** A message or hint a person can act on: a whole sentence. */
const SENTENCE = /^\S.*[.?]$/s;

describe('readConfig: defaults', () => {
  it('gives DEFAULT_CONFIG and no errors when there is no site.yaml', () => {
    const { config, errors } = readConfig(null);
    expect(config).toBe(DEFAULT_CONFIG);
    expect(errors).toEqual([]);
  });

  // Not a copy of DEFAULT_CONFIG (which would only repeat it): the README's settings table
  // is what users read, so each default it states, written into site.yaml, must give
  // DEFAULT_CONFIG exactly, and every setting must have a row.
  it("has the defaults the README's settings table states", async () => {
    const rows = await readmeSettings();
    const keys = Object.keys(DEFAULT_CONFIG).filter((key) => !DERIVED.has(key));
    expect(rows.map((row) => row.key).sort()).toEqual(keys.sort());
    const lines: string[] = [];
    for (const { key, stated } of rows) {
      const value = /^`([^`]+)`$/.exec(stated)?.[1];
      if (value !== undefined) lines.push(`${key}: ${value}`);
      else if (stated === 'empty') lines.push(`${key}: ""`);
      // `none`, `from \`language\``: the default is to leave the key out.
      else expect(stated, key).toMatch(/^(none|from `[a-z]+`)$/i);
    }
    const { config, errors } = readConfig(`${lines.join('\n')}\n`);
    expect(errors).toEqual([]);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG.labelSlugs.size).toBe(0);
    expect(DEFAULT_CONFIG.words).toEqual(wordsFor(DEFAULT_CONFIG.language));
  });

  it.each([
    ['an empty file', ''],
    ['a file with only a comment', '# nothing set yet\n'],
  ])('gives the defaults for %s', (_what, text) => {
    const { config, errors } = readConfig(text);
    expect(errors).toEqual([]);
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it('keeps the defaults of keys left out', () => {
    const { config, errors } = readConfig('title: Gulf Notes\n');
    expect(errors).toEqual([]);
    expect(config).toEqual({ ...DEFAULT_CONFIG, title: 'Gulf Notes' });
  });
});

describe('readConfig: values', () => {
  it('reads every setting', () => {
    const text = [
      'title: Gulf Notes',
      'description: Notes on the Gulf.',
      'baseUrl: https://example.org/blog',
      'language: fr-ca',
      'timezone: Asia/Tehran',
      'author: " Ann Lambton "',
      'authors: { ann: { name: Ann Lambton, links: { Website: "https://ann.example/" } } }',
      'postsPerPage: 5',
      'permalink: /:year/:slug/',
      'labelSlugs:',
      '  C++: cpp',
      '  "Foreign Relations of Iran": iran',
      'feedContent: summary',
      'feedLimit: 50',
      'redirects: { "/?p=12": /2024/03/x/, /category/travel/: /labels/travel/ }',
      'labelIndex: cloud',
      'relatedPosts: 0',
      'linkCheck: error',
      'search: true',
      'words:',
      '  olderPosts: Billets précédents',
      'comments:',
      '  utterances: { repo: ann/gulf-notes }',
      'theme: ./themes/paper',
      '',
    ].join('\n');
    const { config, errors } = readConfig(text);
    expect(errors).toEqual([]);
    expect(config).toEqual({
      title: 'Gulf Notes',
      description: 'Notes on the Gulf.',
      baseUrl: 'https://example.org/blog/',
      basePath: '/blog/',
      language: 'fr-CA',
      timezone: 'Asia/Tehran',
      author: 'Ann Lambton',
      authors: new Map([
        [
          'ann',
          {
            id: 'ann',
            name: 'Ann Lambton',
            bio: null,
            avatar: null,
            links: [{ text: 'Website', url: 'https://ann.example/' }],
            slug: null,
          },
        ],
      ]),
      postsPerPage: 5,
      permalink: '/:year/:slug/',
      labelSlugs: new Map([
        ['c++', 'cpp'],
        ['foreign relations of iran', 'iran'],
      ]),
      feedContent: 'summary',
      feedLimit: 50,
      bloggerRedirects: false,
      redirects: new Map([
        ['/?p=12', '/2024/03/x/'],
        ['/category/travel/', '/labels/travel/'],
      ]),
      labelIndex: 'cloud',
      relatedPosts: 0,
      linkCheck: 'error',
      search: true,
      comments: {
        kind: 'utterances',
        repo: 'ann/gulf-notes',
        issueTerm: 'pathname',
        label: null,
        theme: 'github-light',
      },
      words: wordsFor('fr-CA', { olderPosts: 'Billets précédents' }),
      theme: { name: './themes/paper', at: { line: 24, column: 8 } },
    });
    expect(config.words.olderPosts).toBe('Billets précédents');
    expect(config.words.newerPosts).toBe('Articles plus récents');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    ['https://example.org/blog', 'https://example.org/blog/', '/blog/'],
    ['https://example.org/blog/', 'https://example.org/blog/', '/blog/'],
    ['https://example.org', 'https://example.org/', '/'],
    ['http://example.org/a/b', 'http://example.org/a/b/', '/a/b/'],
    ['/blog', '/blog/', '/blog/'],
    ['/', '/', '/'],
  ])('reads baseUrl %j as %j with basePath %j', (value, baseUrl, basePath) => {
    const { config, errors } = readConfig(`baseUrl: ${value}\n`);
    expect(errors).toEqual([]);
    expect(config.baseUrl).toBe(baseUrl);
    expect(config.basePath).toBe(basePath);
  });

  it.each([
    ['1', 1],
    ['10', 10],
    ['1000', 1000],
  ])('accepts postsPerPage %s', (value, expected) => {
    const { config, errors } = readConfig(`postsPerPage: ${value}\n`);
    expect(errors).toEqual([]);
    expect(config.postsPerPage).toBe(expected);
  });

  it.each(['/:slug/', '/:year/:month/:day/:slug/', '/posts/:year/:slug/', '/:year/:slug.html/'])(
    'accepts permalink %j',
    (permalink) => {
      const { config, errors } = readConfig(`permalink: ${permalink}\n`);
      expect(errors).toEqual([]);
      expect(config.permalink).toBe(permalink);
    },
  );
});

describe('readConfig: invalid values', () => {
  // [what, text of site.yaml, line, column, words the message must contain]
  it.each([
    ['postsPerPage 0', 'title: Blog\npostsPerPage: 0\n', 2, 15, 'postsPerPage'],
    ['postsPerPage "ten"', 'postsPerPage: "ten"\n', 1, 15, 'postsPerPage'],
    ['postsPerPage ten', 'postsPerPage: ten\n', 1, 15, 'postsPerPage'],
    ['postsPerPage 2.5', 'postsPerPage: 2.5\n', 1, 15, 'postsPerPage'],
    ['postsPerPage 1001', 'postsPerPage:   1001\n', 1, 17, 'postsPerPage'],
    ['timezone Mars/Olympus', 'title: Blog\ntimezone: Mars/Olympus\n', 2, 11, 'Mars/Olympus'],
    ['language not a tag!!', 'language: not a tag!!\n', 1, 11, 'language'],
    ['permalink without :slug', 'permalink: /:year/:month/\n', 1, 12, ':slug'],
    ['permalink with ..', 'permalink: /:year/../:slug/\n', 1, 12, '..'],
    ['permalink with .', 'permalink: /:year/./:slug/\n', 1, 12, '.'],
    ['permalink with :category', 'permalink: /:year/:category/:slug/\n', 1, 12, ':category'],
    ['permalink without slashes', 'permalink: :year/:slug\n', 1, 12, 'start and end with /'],
    ['permalink as a number', 'permalink: 42\n', 1, 12, 'permalink'],
    ['feedContent excerpt', 'feedContent: excerpt\n', 1, 14, 'feedContent'],
    ['feedLimit 0', 'feedLimit: 0\n', 1, 12, 'feedLimit'],
    ['labelSlugs with a non-slug value', 'labelSlugs: { "C++": "C Plus" }\n', 1, 22, 'C Plus'],
    ['labelSlugs with a path', "labelSlugs: { Iran: '../iran' }\n", 1, 21, '../iran'],
    ['labelSlugs as a list', 'labelSlugs: [cpp]\n', 1, 13, 'labelSlugs'],
    ['baseUrl without a scheme', 'baseUrl: example.org/blog\n', 1, 10, 'baseUrl'],
    ['baseUrl with ftp', 'baseUrl: ftp://example.org/\n', 1, 10, 'baseUrl'],
    ['title as a list', 'title: [a, b]\n', 1, 8, 'title'],
  ])('reports %s as ConfigInvalid at the value', (_what, text, line, column, words) => {
    const { errors } = readConfig(text);
    expect(errors).toMatchObject([
      { severity: 'error', name: 'ConfigInvalid', file: 'site.yaml', line, column },
    ]);
    const [error] = errors;
    expect(error?.message).toContain(words);
    expect(error?.message).toMatch(SENTENCE);
    expect(error?.hint).toMatch(SENTENCE);
    // The hint shows a line to copy: `key: value`.
    expect(error?.hint).toMatch(/`[A-Za-z]+: [^`]+`/);
  });

  it('says exactly what is wrong with a time zone and how to write one', () => {
    const { errors } = readConfig('timezone: Mars/Olympus\n');
    expect(errors).toEqual([
      {
        severity: 'error',
        name: 'ConfigInvalid',
        file: 'site.yaml',
        line: 1,
        column: 11,
        message: 'timezone "Mars/Olympus" is not an IANA time zone.',
        hint: 'Write it like `timezone: Europe/Paris` or `timezone: UTC`.',
      },
    ]);
  });

  it('keeps the default of a setting whose value is invalid', () => {
    const { config } = readConfig('postsPerPage: 0\ntimezone: Mars/Olympus\n');
    expect(config.postsPerPage).toBe(10);
    expect(config.timezone).toBe('UTC');
  });

  it('names the file it was given in errors', () => {
    const { errors } = readConfig('postsPerPage: 0\n', 'sites/gulf/site.yaml');
    expect(where(errors)).toEqual(['ConfigInvalid sites/gulf/site.yaml:1:15']);
  });

  it('reports a site.yaml that is not a mapping at 1:1', () => {
    const { config, errors } = readConfig('- title\n- author\n');
    expect(config).toBe(DEFAULT_CONFIG);
    expect(where(errors)).toEqual(['ConfigInvalid site.yaml:1:1']);
    expect(errors[0]?.message).toBe('site.yaml must be a mapping of keys to values.');
  });

  it('names the label and the slug that is not a slug', () => {
    const { errors } = readConfig('labelSlugs: {\n  "C++": cpp,\n  Trade: "Not A Slug"\n}\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.name).toBe('ConfigInvalid');
    expect(errors[0]?.message).toBe(
      'The slug for label "Trade" must be lower-case letters, digits and single hyphens (got "Not A Slug").',
    );
  });

  // A long mapping must point at the bad value, not at its first key.
  it('reports a non-slug labelSlugs value at its own line and column', () => {
    const { errors } = readConfig('labelSlugs:\n  C++: cpp\n  Trade: Not A Slug\n');
    expect(where(errors)).toEqual(['ConfigInvalid site.yaml:3:10']);
  });
});

describe('readConfig: YAML syntax errors', () => {
  it.each([
    ['an unquoted colon in a value', 'title: Oman: talks\n', 1, 8],
    ['a stray indented line', 'title: My blog\n  language: en\n', 1, 8],
    ['an unclosed flow list', 'title: a\nlanguage: [en\npostsPerPage: 3\n', 3, 1],
    ['a repeated key', 'title: a\nauthor: b\ntitle: c\n', 3, 1],
    ['an unclosed quote', 'title: My blog\ndescription: "unclosed\nlanguage: en\n', 4, 1],
  ])('reports %s as ConfigSyntax at the line YAML names', (_what, text, line, column) => {
    const { config, errors } = readConfig(text);
    expect(config).toBe(DEFAULT_CONFIG);
    expect(errors).toMatchObject([
      { severity: 'error', name: 'ConfigSyntax', file: 'site.yaml', line, column },
    ]);
    expect(errors[0]?.message).toMatch(/^site\.yaml is not valid YAML: .+\.$/s);
    expect(errors[0]?.hint).toMatch(SENTENCE);
  });

  it("carries YAML's own message", () => {
    const { errors } = readConfig('title: a\nauthor: b\ntitle: c\n');
    expect(errors[0]?.message).toBe('site.yaml is not valid YAML: Map keys must be unique.');
  });
});

describe('readConfig: unknown keys', () => {
  it('reports `titel` as ConfigUnknownKey at the key and suggests `title`', () => {
    const { errors } = readConfig('description: Notes\ntitel: Gulf Notes\n');
    expect(errors).toEqual([
      {
        severity: 'error',
        name: 'ConfigUnknownKey',
        file: 'site.yaml',
        line: 2,
        column: 1,
        message: 'site.yaml has no setting called `titel`.',
        hint: 'Did you mean `title`?',
      },
    ]);
  });

  it.each([
    ['timezon', 'timezone'],
    ['postPerPage', 'postsPerPage'],
    ['autor', 'author'],
  ])('suggests %j → %j', (key, meant) => {
    const { errors } = readConfig(`${key}: x\n`);
    expect(where(errors)).toEqual(['ConfigUnknownKey site.yaml:1:1']);
    expect(errors[0]?.hint).toBe(`Did you mean \`${meant}\`?`);
  });

  // A difference of case only is the commonest typo of a camel-case key.
  it.each([
    ['baseURL', 'baseUrl'],
    ['labelslugs', 'labelSlugs'],
    ['Title', 'title'],
  ])('suggests %j → %j (a case-only difference)', (key, meant) => {
    const { errors } = readConfig(`${key}: x\n`);
    expect(where(errors)).toEqual(['ConfigUnknownKey site.yaml:1:1']);
    expect(errors[0]?.hint).toBe(`Did you mean \`${meant}\`?`);
  });

  it('reports an unknown key at its own column in a flow mapping', () => {
    const { errors } = readConfig('{ title: a, titel: b }\n');
    expect(where(errors)).toEqual(['ConfigUnknownKey site.yaml:1:13']);
  });

  it('lists the settings when no key is close', () => {
    const { errors } = readConfig('colours: dark\n');
    expect(errors).toMatchObject([{ name: 'ConfigUnknownKey', line: 1, column: 1 }]);
    expect(errors[0]?.message).toBe('site.yaml has no setting called `colours`.');
    expect(errors[0]?.hint).toBe(
      'The settings are: `title`, `description`, `baseUrl`, `language`, `timezone`, `author`, `authors`, `postsPerPage`, `permalink`, `labelSlugs`, `feedContent`, `feedLimit`, `bloggerRedirects`, `redirects`, `labelIndex`, `relatedPosts`, `linkCheck`, `search`, `words`, `comments`, `theme`.',
    );
  });
});

describe('readConfig: several errors', () => {
  it('reports every error of the file together, each at its own place', () => {
    const text = [
      'titel: Gulf Notes',
      'postsPerPage: 0',
      'timezone: Mars/Olympus',
      'language: not a tag!!',
      'permalink: /:year/../:slug/',
      'labelSlugs: { "C++": "C Plus" }',
      'author: Ann',
      '',
    ].join('\n');
    const { config, errors } = readConfig(text);
    expect(where(errors)).toEqual([
      'ConfigUnknownKey site.yaml:1:1',
      'ConfigInvalid site.yaml:2:15',
      'ConfigInvalid site.yaml:3:11',
      'ConfigInvalid site.yaml:4:11',
      'ConfigInvalid site.yaml:5:12',
      'ConfigInvalid site.yaml:6:22',
    ]);
    // The valid setting among them is still read.
    expect(config.author).toBe('Ann');
  });
});
