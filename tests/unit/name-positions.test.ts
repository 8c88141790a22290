/**
 * Where each label and byline name is written (`labelsAt`, `authorsAt`): the line and
 * column of the name itself, in every shape the front matter may give it, so the label
 * and author problems of the model can point at it.
 */
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/parse/front-matter.js';

/** A post file from its lines: line 1 of the array is line 1 of the file. */
function read(...lines: string[]) {
  const { frontMatter, errors } = readFrontMatter(
    { path: 'posts/a.md', text: `${lines.join('\n')}\n` },
    'UTC',
  );
  expect(errors).toEqual([]);
  return frontMatter;
}

/** `name@line:column` for each label. */
function labelsWhere(...lines: string[]): string[] {
  const fields = read('---', 'title: Oman', 'date: 2025-04-12', ...lines, '---');
  return (fields?.labels ?? []).map(
    (name, i) => `${name}@${fields?.labelsAt[i]?.line}:${fields?.labelsAt[i]?.column}`,
  );
}

function authorsWhere(...lines: string[]): string[] {
  const fields = read('---', 'title: Oman', 'date: 2025-04-12', ...lines, '---');
  return (fields?.authors ?? []).map(
    (name, i) => `${name}@${fields?.authorsAt[i]?.line}:${fields?.authorsAt[i]?.column}`,
  );
}

describe('where labels are written', () => {
  it.each([
    ['a block list', ['labels:', '  - Iran', '  - "Oman"'], ['Iran@5:5', 'Oman@6:5']],
    ['a flow list', ['labels: [Iran,  Oman]'], ['Iran@4:10', 'Oman@4:17']],
    ['a comma string', ['labels: Iran,  nuclear talks'], ['Iran@4:9', 'nuclear talks@4:16']],
    ['a quoted comma string', ['tags: "  Iran ,Oman"'], ['Iran@4:10', 'Oman@4:16']],
    ['a single-quoted one', ["tags: ' Iran, Oman'"], ['Iran@4:9', 'Oman@4:15']],
    [
      'Jekyll categories split on spaces',
      ['categories: treaties  history'],
      ['treaties@4:13', 'history@4:23'],
    ],
    ['a number in a list', ['labels: [2025, Oman]'], ['2025@4:10', 'Oman@4:16']],
  ])('places each name of %s at its first character', (_what, lines, expected) => {
    expect(labelsWhere(...lines)).toEqual(expected);
  });

  it('keeps the place of the first of repeated names, labels before tags and categories', () => {
    expect(
      labelsWhere('tags: Oman, Gulf', 'author: Ann', 'labels: [OMAN, Iran]', 'category: gulf'),
    ).toEqual(['OMAN@6:10', 'Iran@6:16', 'Gulf@4:13']);
  });

  it('places every name of a string whose characters moved (an escape, a folded line) at the value', () => {
    expect(labelsWhere('labels: "Ir\\u0061n, Oman"')).toEqual(['Iran@4:9', 'Oman@4:9']);
    expect(labelsWhere('labels: Iran,', '  Oman')).toEqual(['Iran@4:9', 'Oman@4:9']);
  });

  it('places the names of an indented front matter in the columns of the file', () => {
    // yaml-compat indents a block list written at column 1 under its key before parsing.
    expect(labelsWhere('labels:', '- Iran', '- Oman')).toEqual(['Iran@5:3', 'Oman@6:3']);
  });
});

describe('where byline names are written', () => {
  it.each([
    ['one name', ['author: Ann Lambton'], ['Ann Lambton@4:9']],
    ['a list', ['authors:', '  - Ann', '  - Omid'], ['Ann@5:5', 'Omid@6:5']],
    ['a mapping with name', ['author: { name: Ann, url: /ann/ }'], ['Ann@4:17']],
    [
      'a list of mappings',
      ['authors:', '  - name: Ann', '  - name: Omid'],
      ['Ann@5:11', 'Omid@6:11'],
    ],
    ['author then authors', ['author: Ann', 'authors: [ann, Omid]'], ['Ann@4:9', 'Omid@5:16']],
  ])('places %s at the name', (_what, lines, expected) => {
    expect(authorsWhere(...lines)).toEqual(expected);
  });
});
