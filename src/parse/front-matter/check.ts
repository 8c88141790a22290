/**
 * Checks the parsed front matter of one post against the contract: each row of the key
 * table reads its fields, and every other key goes to `data`, with a warning when it is
 * one edit from a key Rubric reads.
 */
import { buildError, buildWarning, type BuildError, type BuildWarning } from '../../errors.js';
import { closest } from '../../suggest.js';
import { topLevelEntries, type YamlEntry, type YamlText } from '../../yaml.js';
import { withoutControlCharacters } from '../source-text.js';
import { repeatedKeyWarnings } from '../yaml-compat.js';
import type { FrontMatter, ReadFields } from './contract.js';
import { KEY_ROWS, type AnyKeyRow } from './keys.js';
import { postKeys } from './post-keys.js';

/** What checking the front matter found: the fields, or null when there are errors. */
export interface CheckedFrontMatter {
  readonly frontMatter: FrontMatter | null;
  readonly errors: BuildError[];
  readonly warnings: BuildWarning[];
}

const PEER_KEYS = new Set(KEY_ROWS.flatMap((row) => row.peerKeys ?? []));
const KNOWN_KEYS = new Set([...KEY_ROWS.flatMap((row) => row.keys), ...PEER_KEYS]);
/** Keys whose lists are merged when the key is given twice (Jekyll writes `tags` twice). */
const LIST_KEYS = KEY_ROWS.filter((row) => row.list === true).flatMap(keysOf);
/**
 * Keys a near-miss is compared with: Rubric's own, then the peers' (`closest` takes the
 * first of two as near).
 */
const SUGGESTED_KEYS = [
  ...KEY_ROWS.filter((row) => row.suggested !== false).flatMap((row) => row.keys),
  ...KEY_ROWS.filter((row) => row.suggested !== false).flatMap((row) => row.peerKeys ?? []),
];

function keysOf(row: AnyKeyRow): string[] {
  return [...row.keys, ...(row.peerKeys ?? [])];
}

/** Reads the fields of one post's front matter; `zone` reads dates without an offset. */
export function checkFrontMatter(file: string, yaml: YamlText, zone: string): CheckedFrontMatter {
  const warnings: BuildWarning[] = [];
  const entries = withoutControlCharacters(file, topLevelEntries(yaml), warnings);
  if (entries === null) {
    const error = buildError(
      'FrontMatterInvalid',
      { file, line: 2, column: 1 },
      'The front matter must be a list of `key: value` lines.',
      'Write it like `title: My post` and `date: 2025-04-12` on their own lines.',
    );
    return { frontMatter: null, errors: [error], warnings };
  }
  warnings.push(...repeatedKeyWarnings(file, entries, LIST_KEYS));
  const post = postKeys(file, yaml, zone, entries);
  // Each row gives its own fields; together they give all of them (see `keyTable`).
  const fields = KEY_ROWS.reduce<Partial<ReadFields>>(
    (read, row) => ({ ...read, ...row.read(post) }),
    {},
  ) as ReadFields;
  warnings.push(...post.warnings, ...typoWarnings(file, entries));
  if (post.errors.length > 0) return { frontMatter: null, errors: post.errors, warnings };
  return { frontMatter: { ...fields, data: dataOf(entries) }, errors: post.errors, warnings };
}

/** The keys the contract does not know, and the peer keys, as written, for templates. */
function dataOf(entries: readonly YamlEntry[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const entry of entries) {
    if (PEER_KEYS.has(entry.key) || !KNOWN_KEYS.has(entry.key)) data[entry.key] = entry.value;
  }
  return data;
}

/** A key Rubric does not read but one edit from one it does (and that the post lacks). */
function typoWarnings(file: string, entries: readonly YamlEntry[]): BuildWarning[] {
  const given = new Set(entries.map((entry) => entry.key));
  return entries.flatMap((entry) => {
    if (KNOWN_KEYS.has(entry.key)) return [];
    const meant = closest(entry.key, SUGGESTED_KEYS);
    if (meant === null || given.has(meant)) return [];
    return [
      buildWarning(
        'FrontMatterTypo',
        { file, ...entry.keyAt },
        `\`${entry.key}\` is not a front-matter key Rubric reads; it is passed to templates as post.data.${entry.key}.`,
        `Did you mean \`${meant}\`?`,
      ),
    ];
  });
}
