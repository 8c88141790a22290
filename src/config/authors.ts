/**
 * `authors:` in site.yaml: who writes the blog. Each key is a name as posts write it in
 * `author:`/`authors:` (or a short id they write instead), and says how the author is
 * shown: `name`, `bio`, `avatar`, `links`, and a hand-set `slug`. Every field is checked
 * where it stands, so a wrong one is reported at its own line and column.
 */
import { isMap, isNode, isScalar, type Node, type Pair } from 'yaml';
import { labelKey } from '../slug.js';
import { closest } from '../suggest.js';
import { positionAt, type LineColumn, type YamlEntry, type YamlText } from '../yaml.js';
import { handSetSlugProblem } from './label-slugs.js';
import type { SettingProblem, SettingsDraft } from './settings.js';

/** One link of an author's profile: `Website`, `Mastodon`. */
export interface AuthorLinkSetting {
  readonly text: string;
  /** An `https://` or `mailto:` address, or a site path starting with `/`. */
  readonly url: string;
}

/** One entry of `authors:`, as site.yaml gives it. */
export interface AuthorSetting {
  /** The key as written: a name (`Mina Farahani`) or a short id (`mina`). */
  readonly id: string;
  /** The name bylines show; null means the key is the name. */
  readonly name: string | null;
  readonly bio: string | null;
  /** A site path (`/images/mina.jpg`) or a full URL. */
  readonly avatar: string | null;
  readonly links: readonly AuthorLinkSetting[];
  /** A hand-set slug for `/authors/SLUG/`; null means the slug of the key. */
  readonly slug: string | null;
}

const FIELDS = ['name', 'bio', 'avatar', 'links', 'slug'] as const;
type FieldName = (typeof FIELDS)[number];

const HINT =
  'Write it like `authors: { mina: { name: Mina Farahani, bio: "…", avatar: /images/mina.jpg, links: { Website: "https://…" } } }`.';

/**
 * A problem of one part of `authors:`, thrown only inside this module to stop at the
 * first wrong field from any depth; {@link applyAuthors} returns it as a value.
 */
class AuthorsProblem extends Error {
  constructor(readonly problem: SettingProblem) {
    super(problem.text[0]);
  }
}

/** Reads `authors:` into the settings, keyed by {@link labelKey} of each key. */
export function applyAuthors(
  { settings }: SettingsDraft,
  entry: YamlEntry,
  yaml: YamlText,
): SettingProblem | null {
  const node = entry.node;
  if (!isMap(node)) return invalid(entry.valueAt, 'authors must map names to what to show.');
  const authors = new Map<string, AuthorSetting>();
  try {
    for (const pair of node.items) {
      const id = scalarText(pair.key);
      const at = at0(yaml, pair.key, entry.valueAt);
      if (id === null || id.trim() === '')
        throw new AuthorsProblem(invalid(at, 'An author key must be a name.'));
      authors.set(labelKey(id), readAuthor(yaml, id.trim(), pair, at));
    }
  } catch (problem) {
    if (problem instanceof AuthorsProblem) return problem.problem;
    throw problem;
  }
  settings.authors = authors;
  return null;
}

/** One author's entry: a mapping of fields, a name alone, or nothing (`mina:`). */
function readAuthor(yaml: YamlText, id: string, pair: Pair, keyAt: LineColumn): AuthorSetting {
  const value = isNode(pair.value) ? pair.value : null;
  const author: { -readonly [K in keyof AuthorSetting]: AuthorSetting[K] } = {
    id,
    name: null,
    bio: null,
    avatar: null,
    links: [],
    slug: null,
  };
  if (value === null || (isScalar(value) && value.value === null)) return author;
  const at = at0(yaml, value, keyAt);
  if (isScalar(value)) {
    author.name = text(value, `authors.${id}`, at);
    return author;
  }
  if (!isMap(value))
    throw new AuthorsProblem(
      invalid(at, `authors.${id} must be a mapping of name, bio, avatar, links and slug.`),
    );
  for (const field of value.items) {
    const key = scalarText(field.key) ?? '';
    const keyPlace = at0(yaml, field.key, at);
    if (!isFieldName(key)) throw new AuthorsProblem(unknownField(id, key, keyPlace));
    const fieldValue = isNode(field.value) ? field.value : null;
    const place = at0(yaml, fieldValue, keyPlace);
    const where = `authors.${id}.${key}`;
    if (key === 'links') author.links = readLinks(yaml, fieldValue, where, place);
    else if (key === 'slug') author.slug = readSlug(fieldValue, id, place);
    else if (key === 'avatar') author.avatar = readAddress(fieldValue, where, place, 'an image');
    else author[key] = text(fieldValue, where, place);
  }
  return author;
}

/** `links:`: link text → address, in the order written. */
function readLinks(
  yaml: YamlText,
  node: Node | null,
  where: string,
  at: LineColumn,
): AuthorLinkSetting[] {
  if (!isMap(node)) {
    throw new AuthorsProblem(
      invalid(at, `${where} must map link text to an address, like \`{ Website: "https://…" }\`.`),
    );
  }
  return node.items.map((pair) => {
    const linkText = scalarText(pair.key);
    const keyAt = at0(yaml, pair.key, at);
    if (linkText === null || linkText.trim() === '') {
      throw new AuthorsProblem(invalid(keyAt, `The text of a link in ${where} must be text.`));
    }
    const valueNode = isNode(pair.value) ? pair.value : null;
    const url = readAddress(
      valueNode,
      `${where}.${linkText}`,
      at0(yaml, valueNode, keyAt),
      'a page',
    );
    return { text: linkText.trim(), url };
  });
}

/** An address: `https://…`, `mailto:…`, or a site path from the root. */
function readAddress(node: Node | null, where: string, at: LineColumn, what: string): string {
  const value = text(node, where, at);
  if (/^(https?:\/\/|mailto:)\S+$/i.test(value) || /^\/(?!\/)\S*$/.test(value)) return value;
  throw new AuthorsProblem(
    invalid(
      at,
      `${where} must be the address of ${what}: a full https:// URL or a site path starting with / (got ${JSON.stringify(value)}).`,
    ),
  );
}

function readSlug(node: Node | null, id: string, at: LineColumn): string {
  const value = isScalar(node) ? node.value : null;
  const problem = handSetSlugProblem(`author "${id}"`, value);
  if (problem !== null) throw new AuthorsProblem(invalid(at, problem));
  return value as string;
}

/** Text that is not blank; a number (`bio: 1979`) is its text. */
function text(node: Node | null, where: string, at: LineColumn): string {
  const value = isScalar(node) ? node.value : null;
  if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') {
    return String(value).trim();
  }
  throw new AuthorsProblem(invalid(at, `${where} must be text.`));
}

function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const { value } = node;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** Where a node starts, or `fallback` when it has no place (an empty value). */
function at0(yaml: YamlText, node: unknown, fallback: LineColumn): LineColumn {
  return isNode(node) && node.range ? positionAt(yaml, node.range[0]) : fallback;
}

function isFieldName(key: string): key is FieldName {
  return (FIELDS as readonly string[]).includes(key);
}

function invalid(at: LineColumn, message: string): SettingProblem {
  return { name: 'ConfigInvalid', at, text: [message, HINT] };
}

function unknownField(id: string, key: string, at: LineColumn): SettingProblem {
  const near = closest(key, FIELDS);
  return {
    name: 'ConfigUnknownKey',
    at,
    text: [
      `authors.${id} has no field called \`${key}\`.`,
      near
        ? `Did you mean \`${near}\`?`
        : `The fields are: ${FIELDS.map((f) => `\`${f}\``).join(', ')}.`,
    ],
  };
}
