/**
 * Front matter as real blogs have it (issue 11.1, 10.4, 10.5, 10.9): what gray-matter's own
 * reader (js-yaml) accepts is read, with the same values, and every problem keeps its
 * exact line and column.
 */
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import type { BuildError, BuildWarning } from '../../src/errors.js';
import { sortProblems } from '../../src/errors.js';
import { readFrontMatter } from '../../src/parse/front-matter.js';

const FILE = 'posts/a.md';

function post(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function read(text: string) {
  return readFrontMatter({ path: FILE, text }, 'UTC');
}

function where(problems: readonly (BuildError | BuildWarning)[]): string[] {
  return sortProblems(problems).map((p) => `${p.name} ${p.file}:${p.line}:${p.column}`);
}

/** What gray-matter (js-yaml) reads from the same file: the reference. */
function jsYamlData(text: string): Record<string, unknown> {
  return matter(text, {}).data;
}

describe('front matter that js-yaml reads is read the same', () => {
  const cases: [string, string[], { title: string; summary?: string; labels?: string[] }][] = [
    [
      'a double-quoted title that goes on below its key without indentation',
      [
        'title: "The U.S. Data Federation wants to make it easier to collect,',
        'combine, and exchange data across government"',
      ],
      {
        title:
          'The U.S. Data Federation wants to make it easier to collect, combine, and exchange data across government',
      },
    ],
    [
      'a double-quoted excerpt with a blank line in it (kept as a line break)',
      ['title: Notes', 'summary: "The first part.', '', 'The second part."'],
      { title: 'Notes', summary: 'The first part.\nThe second part.' },
    ],
    [
      "a single-quoted title with '' going on below its key",
      ["title: 'Oman''s talks,", "round two'"],
      { title: "Oman's talks, round two" },
    ],
    [
      'a title over three unindented lines with an escaped quote',
      ['title: "He said \\"no\\"', 'to the', 'offer"'],
      { title: 'He said "no" to the offer' },
    ],
    [
      'a line inside quotes that looks like a comment or a key',
      ['title: "Part one', '# not a comment', 'date: not a key"'],
      { title: 'Part one # not a comment date: not a key' },
    ],
    [
      'a flow list of tags that goes on below its key',
      ['title: Notes', 'tags: [travel,', 'oman, "nuclear', 'talks"]'],
      { title: 'Notes', labels: ['travel', 'oman', 'nuclear talks'] },
    ],
    [
      'a quoted list item going on without indentation',
      ['title: Notes', 'tags:', '  - "nuclear', 'talks"', '  - oman'],
      { title: 'Notes', labels: ['nuclear talks', 'oman'] },
    ],
    [
      'a block scalar with a lone quote, before a continued title',
      ['summary: |', '  He said "hi', '  and left.', 'title: "One', 'two"'],
      { title: 'One two', summary: 'He said "hi\nand left.' },
    ],
    [
      'a merge key, as YAML 1.1 readers take it',
      ['base: &base {editor: Sam}', 'title: Notes', 'meta:', '  <<: *base'],
      { title: 'Notes' },
    ],
  ];

  it.each(cases)('reads %s', (_name, lines, expected) => {
    const text = post('---', ...lines, 'date: 2025-04-12', '---', 'Body');
    const reference = jsYamlData(text);
    const { frontMatter, errors, warnings } = read(text);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(frontMatter?.title).toBe(expected.title);
    expect(frontMatter?.title).toBe(reference.title);
    if (expected.summary !== undefined) {
      expect(frontMatter?.summary).toBe(expected.summary);
      expect(frontMatter?.summary).toBe(String(reference.summary).trim());
    }
    if (expected.labels !== undefined) {
      expect(frontMatter?.labels).toEqual(expected.labels);
      expect(frontMatter?.labels).toEqual(reference.tags);
    }
  });

  it('keeps positions exact on and after the lines it re-indented', () => {
    const { errors } = read(
      post(
        '---',
        'title: "One',
        'two"',
        'date: 2025-04-12',
        'tags: [oman,',
        '{a: 1}]',
        'slug: Not A Slug',
        '---',
      ),
    );
    expect(where(errors)).toEqual([`InvalidLabels ${FILE}:6:1`, `InvalidSlug ${FILE}:7:7`]);
  });

  it('gives the body and its first line after a continued title', () => {
    const { body, bodyLine } = read(
      post('---', 'title: "One', 'two"', 'date: 2025-04-12', '---', 'Body'),
    );
    expect(body).toBe('Body\n');
    expect(bodyLine).toBe(6);
  });
});

describe('a key given twice', () => {
  it('merges tags given as a list and again inline, with a warning naming both lines', () => {
    const { frontMatter, errors, warnings } = read(
      post(
        '---',
        'title: Notes',
        'tags:',
        '  - oman',
        '  - iran',
        'date: 2025-04-12',
        'tags: [travel, oman]',
        '---',
      ),
    );
    expect(errors).toEqual([]);
    expect(frontMatter?.labels).toEqual(['oman', 'iran', 'travel']);
    expect(warnings).toEqual([
      {
        severity: 'warning',
        name: 'FrontMatterRepeatedKey',
        file: FILE,
        line: 7,
        column: 1,
        message: '`tags` is given on lines 3 and 7: their names are all read, as one list.',
        hint: 'Keep one `tags:` with every name in it.',
      },
    ]);
  });

  it('takes the later value of any other key, with a warning naming both lines', () => {
    const { frontMatter, warnings } = read(
      post(
        '---',
        'title: First',
        'date: 2025-04-12',
        'title: Second',
        'editor: Sam',
        'editor: Kim',
        '---',
      ),
    );
    expect(frontMatter?.title).toBe('Second');
    expect(frontMatter?.data).toEqual({ editor: 'Kim' });
    expect(where(warnings)).toEqual([
      `FrontMatterRepeatedKey ${FILE}:4:1`,
      `FrontMatterRepeatedKey ${FILE}:6:1`,
    ]);
    expect(warnings[0]?.message).toBe(
      '`title` is given on lines 2 and 4: the value on line 4 is used.',
    );
    expect(warnings[0]?.hint).toBe('Keep the one `title:` line you mean and delete the other.');
  });

  it('names every line of a key given three times', () => {
    const { warnings } = read(
      post('---', 'labels: a', 'title: T', 'labels: b', 'date: 2025-04-12', 'labels: [c]', '---'),
    );
    expect(warnings.map((w) => w.message)).toEqual([
      '`labels` is given on lines 2, 4 and 6: their names are all read, as one list.',
    ]);
  });

  it('reports a bad item of the second list at its own line', () => {
    const { errors } = read(
      post('---', 'title: T', 'tags: [a]', 'date: 2025-04-12', 'tags: [b, {c: 1}]', '---'),
    );
    expect(where(errors)).toEqual([`InvalidLabels ${FILE}:5:11`]);
  });
});

describe('YAML that is wrong still is, with a precise message and a hint that fits', () => {
  const cases: [string, string, string, string, string][] = [
    [
      'a colon in a plain title',
      'title: Oman: talks',
      '2:8',
      'Nested mappings are not allowed in compact mappings',
      'A value that contains `: ` must be put in quotes: `title: "Oman: the talks"`.',
    ],
    [
      'text after a closing quote',
      'title: "Oman" talks',
      '2:15',
      'Unexpected scalar at node end',
      'The value ended before this text: put the whole value in quotes, writing a `"` inside it as `\\"`.',
    ],
    [
      'a quote that is never closed',
      'title: "Oman talks',
      '2:8',
      'the value that starts with " here has no closing quote',
      "End the value with the quote it starts with; a `\"` inside a \"…\" value is written `\\\"`, a `'` inside a '…' value is written `''`.",
    ],
    [
      'a list that is never closed',
      'tags: [oman, iran',
      '2:7',
      'the list that starts with [ here has no closing ]',
      'End the list with the bracket that closes it, on the same line or on a later, indented one: `tags: [Oman, Iran]`.',
    ],
    [
      'a title that starts with @',
      'title: @oman',
      '2:8',
      'Plain value cannot start with reserved character @',
      'A value that starts with this character must be put in quotes: `title: "@home"`.',
    ],
    [
      'a backslash in double quotes',
      'title: "C:\\dir"',
      '2:11',
      'Invalid escape sequence \\d',
      'Inside double quotes a backslash starts an escape such as `\\n`: write `\\\\` for a backslash, or put the value in single quotes.',
    ],
    [
      'a title that starts with *',
      'title: *draft',
      '2:8',
      '*draft refers to no anchor &draft before it',
      'A value that starts with `*` must be put in quotes: `title: "*New* notes"`.',
    ],
    [
      'a line that is no key',
      'just some words',
      '2:1',
      'Implicit keys need to be on a single line',
      'Each line is `key: value`; a value that goes on over several lines must be indented below its key.',
    ],
    [
      'a list indented with a tab',
      'tags:\n\t- oman',
      '3:1',
      'Tabs are not allowed as indentation',
      'Indent with spaces: YAML does not allow tabs at the start of a line.',
    ],
  ];

  it.each(cases)('reports %s', (_name, line, at, message, hint) => {
    const { frontMatter, errors } = read(post('---', line, 'date: 2025-04-12', '---', 'Body'));
    expect(frontMatter).toBeNull();
    expect(where(errors)).toEqual([`FrontMatterSyntax ${FILE}:${at}`]);
    expect(errors[0]?.message).toBe(`The front matter is not valid YAML: ${message}.`);
    expect(errors[0]?.hint).toBe(hint);
  });

  it('reports what is still wrong after a continued title, at its own line', () => {
    const { errors } = read(
      post('---', 'title: "One', 'two \\d"', 'summary: "x" y', 'date: 2025-04-12', '---'),
    );
    expect(where(errors)).toEqual([`FrontMatterSyntax ${FILE}:3:5`]);
    expect(errors[0]?.message).toBe(
      'The front matter is not valid YAML: Invalid escape sequence \\d.',
    );
  });
});

describe('text keys keep the characters the author wrote (10.4)', () => {
  it.each(['1.10', '007', '3.0', '0x1F', '1e3', '0o17', '.5', '+12', 'true', 'False', 'yes', 'on'])(
    'reads title %s as written',
    (written) => {
      const { frontMatter, errors } = read(
        post('---', `title: ${written}`, 'date: 2025-04-12', '---'),
      );
      expect(errors).toEqual([]);
      expect(frontMatter?.title).toBe(written);
    },
  );

  it('reads labels, tags, author, summary and slug as written, and dates still as dates', () => {
    const { frontMatter, errors } = read(
      post(
        '---',
        'title: Release notes',
        'date: 2025-04-12',
        'updated: 2025-04-13 9:30',
        'labels: [1.10, 007, 3.0]',
        'tags:',
        '  - 0x1F',
        '  - 1e3',
        '  - true',
        'author: 1.0',
        'summary: 2.50',
        'slug: 007',
        'editor: 1.10',
        '---',
      ),
    );
    expect(errors).toEqual([]);
    expect(frontMatter).toMatchObject({
      labels: ['1.10', '007', '3.0', '0x1F', '1e3', 'true'],
      authors: ['1.0'],
      summary: '2.50',
      slug: '007',
      date: Date.parse('2025-04-12T00:00:00Z'),
      updated: Date.parse('2025-04-13T09:30:00Z'),
      // Keys Rubric does not read are YAML's values, for templates to use as numbers.
      data: { editor: 1.1 },
    });
  });

  it('keeps a quoted number as it is and reads a null title as missing', () => {
    expect(read(post('---', 'title: "1.10"', 'date: 2025-04-12', '---')).frontMatter?.title).toBe(
      '1.10',
    );
    const { errors } = read(post('---', 'title: ~', 'date: 2025-04-12', '---'));
    expect(where(errors)).toEqual([`MissingTitle ${FILE}:2:8`]);
  });
});

describe('broken text (10.5)', () => {
  it('removes control characters from front matter and body, with a warning at each', () => {
    const { frontMatter, body, warnings } = read(
      post(
        '---',
        'title: Oman\u0000 talks',
        'date: 2025-04-12',
        'labels: [a\u0007b]',
        '---',
        'Body \u001b[1mbold\u007f.',
      ),
    );
    expect(frontMatter?.title).toBe('Oman talks');
    expect(frontMatter?.labels).toEqual(['ab']);
    expect(body).toBe('Body [1mbold.\n');
    expect(where(warnings)).toEqual([
      `ControlCharacter ${FILE}:2:12`,
      `ControlCharacter ${FILE}:4:11`,
      `ControlCharacter ${FILE}:6:6`,
      `ControlCharacter ${FILE}:6:14`,
    ]);
    expect(warnings[0]?.message).toBe(
      'The control character U+0000 here was removed: no page may contain it.',
    );
  });

  it('keeps tabs, and reads Windows line ends as line ends', () => {
    const { frontMatter, body, warnings } = read(
      '---\r\ntitle: "Oman\ttalks"\r\ndate: 2025-04-12\r\n---\r\nA\tB\r\n',
    );
    expect(warnings).toEqual([]);
    expect(frontMatter?.title).toBe('Oman\ttalks');
    expect(body).toBe('A\tB\n');
  });

  it('removes control characters that a YAML escape writes, with a warning at the value', () => {
    const { frontMatter, warnings } = read(
      post('---', 'title: "Oman\\u0007 talks\\f"', 'date: 2025-04-12', 'tags: ["a\\x00b"]', '---'),
    );
    expect(frontMatter?.title).toBe('Oman talks');
    expect(frontMatter?.labels).toEqual(['ab']);
    expect(where(warnings)).toEqual([
      `ControlCharacter ${FILE}:2:8`,
      `ControlCharacter ${FILE}:4:7`,
    ]);
  });

  it('says how many more there are after the tenth in one file', () => {
    const { body, warnings } = read(
      post('---', 'title: T', 'date: 2025-04-12', '---', '\u0001'.repeat(12)),
    );
    expect(body).toBe('\n');
    expect(warnings).toHaveLength(10);
    expect(warnings[9]?.message).toBe(
      'The control character U+0001 here (and 2 more after it) was removed: no page may contain it.',
    );
    expect(where(warnings)[9]).toBe(`ControlCharacter ${FILE}:5:10`);
  });

  it('warns about bytes that were not UTF-8 at the place load found them', () => {
    const { warnings } = readFrontMatter(
      {
        path: FILE,
        text: post('---', 'title: Caf\ufffd', 'date: 2025-04-12', '---'),
        invalidUtf8At: { line: 2, column: 11 },
      },
      'UTC',
    );
    expect(where(warnings)).toEqual([`InvalidUtf8 ${FILE}:2:11`]);
  });
});

describe('front matter never closed (10.9)', () => {
  it.each([
    ['a body after it', post('---', 'title: Oman', 'date: 2025-04-12', '', 'The talks went on.')],
    [
      'a body that reads as YAML',
      post('---', 'title: Oman', 'date: 2025-04-12', '', 'Note: the talks.'),
    ],
    ['nothing after the opening line', '---\n'],
    [
      'a closing line with text after the dashes',
      post('---', 'title: Oman', 'date: 2025-04-12', '--- more', 'Body'),
    ],
  ])('is an error at the opening line with %s', (_name, text) => {
    const { frontMatter, errors } = read(text);
    expect(frontMatter).toBeNull();
    expect(errors).toEqual([
      {
        severity: 'error',
        name: 'FrontMatterUnclosed',
        file: FILE,
        line: 1,
        column: 1,
        message:
          'The front matter opened by the `---` on line 1 is never closed: no later line is `---`, so the whole file would be read as front matter.',
        hint: 'Add a line `---` after the last front-matter key, before the text of the post.',
      },
    ]);
  });

  it('is closed by `...` as YAML ends a document, or by `---` with spaces after it', () => {
    for (const close of ['...', '---   ']) {
      const { frontMatter, body, bodyLine } = read(
        post('---', 'title: Oman', 'date: 2025-04-12', close, 'Body'),
      );
      expect(frontMatter?.title).toBe('Oman');
      expect([body, bodyLine]).toEqual(['Body\n', 5]);
    }
  });
});
