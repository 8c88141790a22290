/**
 * What labels and authors share: names written on posts, gathered into one group per
 * identity (names differing only in case or spacing are one, `labelKey`), the spelling
 * a group is shown by, and the error when two groups would have one slug. Each problem
 * is placed where the first post (newest first) that shows it writes the name. Pure.
 */
import {
  buildError,
  buildWarning,
  compareStrings,
  type BuildError,
  type BuildWarning,
  type WarningName,
  type ErrorName,
  type Location,
} from '../errors.js';
import type { Post } from '../parse/post.js';
import { labelKey } from '../slug.js';
import type { LineColumn } from '../yaml.js';

/** Where a post writes a name: the post's index, and the place in it (none: the site's). */
interface NameUse {
  readonly post: number;
  readonly at: LineColumn | undefined;
}

/** The posts under one identity, with every spelling of it and the posts using each. */
export interface NameGroup {
  readonly key: string;
  readonly spellings: Map<string, string[]>;
  /** Where each spelling is first written. */
  readonly firstUses: Map<string, NameUse>;
  /** Indices into the posts, in their order. */
  readonly posts: number[];
}

/**
 * Groups the names `namesOf` gives for each post by identity, in order of first use;
 * `placesOf` says where each of those names is written (`placesOf(post)[i]` for
 * `namesOf(post)[i]`). `identity` maps a name's {@link labelKey} to the group's key
 * (authors: a name to the `authors:` entry it belongs to).
 */
export function groupNames(
  posts: readonly Post[],
  namesOf: (post: Post) => readonly string[],
  placesOf: (post: Post) => readonly LineColumn[],
  identity: (key: string) => string = (key) => key,
): { groups: Map<string, NameGroup>; keyOf: (name: string) => string } {
  // Sites reuse a few names thousands of times: work out each name's key once.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) {
      key = identity(labelKey(name));
      keys.set(name, key);
    }
    return key;
  };
  const groups = new Map<string, NameGroup>();
  posts.forEach((post, index) => {
    const places = placesOf(post);
    namesOf(post).forEach((name, nameIndex) => {
      const key = keyOf(name);
      let group = groups.get(key);
      if (!group) {
        group = { key, spellings: new Map(), firstUses: new Map(), posts: [] };
        groups.set(key, group);
      }
      const users = group.spellings.get(name);
      if (users) users.push(post.source);
      else {
        group.spellings.set(name, [post.source]);
        group.firstUses.set(name, { post: index, at: places[nameIndex] });
      }
      group.posts.push(index);
    });
  });
  return { groups, keyOf };
}

/**
 * `groups` sorted by name as `language` sorts (by key on a tie), and for each post the
 * indices into them of its names (`namesOf`, grouped by `keyOf`), in the post's order.
 */
export function sortByName<T extends { readonly key: string; readonly name: string }>(
  groups: T[],
  language: string,
  posts: readonly Post[],
  namesOf: (post: Post) => readonly string[],
  keyOf: (name: string) => string,
): { sorted: T[]; perPost: number[][] } {
  const collator = new Intl.Collator(language);
  const sorted = groups.sort(
    (a, b) => collator.compare(a.name, b.name) || compareStrings(a.key, b.key),
  );
  const indexOfKey = new Map(sorted.map((group, index) => [group.key, index]));
  const perPost = posts.map((post) =>
    namesOf(post).map((name) => indexOfKey.get(keyOf(name)) ?? -1),
  );
  return { sorted, perPost };
}

/** The spelling with the most posts; on a tie, the one the newest post uses. */
export function mostUsedSpelling(spellings: ReadonlyMap<string, readonly string[]>): string {
  let best = '';
  let bestCount = 0;
  for (const [name, users] of spellings) {
    if (users.length > bestCount) {
      best = name;
      bestCount = users.length;
    }
  }
  return best;
}

/** How a kind of group is named in messages. */
export interface GroupWords {
  /** `label`, `author`. */
  readonly kind: string;
  readonly warning: WarningName;
  readonly collision: ErrorName;
  /** The page a slug gives: `/labels/iran/`. */
  readonly urlOf: (slug: string) => string;
  /** The site.yaml setting that gives `name` the slug `slug`. */
  readonly slugSetting: (name: string, slug: string) => string;
}

/** Where a name is written: the post's file, and the line and column when known. */
function placeOf(use: NameUse | undefined, posts: readonly Post[]): Location {
  const file = posts[use?.post ?? 0]?.source ?? '';
  return use?.at ? { file, ...use.at } : { file };
}

/**
 * A warning that one identity is written in several ways, naming the files of each; at
 * the first post that writes it otherwise than `name`, where it does.
 */
export function variantsWarning(
  words: GroupWords,
  name: string,
  group: NameGroup,
  posts: readonly Post[],
): BuildWarning {
  const others = [...group.spellings].filter(([spelling]) => spelling !== name);
  const listed = others.map(([spelling, users]) => `"${spelling}" (${users.join(', ')})`);
  // Spellings are kept in order of first use, so the first other is the first written.
  const firstOther = others[0]?.[0] ?? '';
  return buildWarning(
    words.warning,
    placeOf(group.firstUses.get(firstOther), posts),
    `The ${words.kind} "${name}" is also written ${listed.join(', ')}; they are shown as one ${words.kind}, "${name}".`,
    'Write it the same way everywhere to silence this warning.',
  );
}

/** A group as the slug check sees it. */
interface Slugged {
  readonly key: string;
  readonly name: string;
  readonly slug: string;
  readonly posts: readonly number[];
}

/**
 * Two groups with one slug would write one page over the other: an error naming all, at
 * the first post that writes the second of them (as the site's language sorts), where it
 * does. `named` are the groups by key, as {@link groupNames} made them.
 */
export function slugCollisions(
  words: GroupWords,
  groups: readonly Slugged[],
  named: ReadonlyMap<string, NameGroup>,
  posts: readonly Post[],
): BuildError[] {
  const bySlug = new Map<string, Slugged[]>();
  for (const group of groups) bySlug.set(group.slug, [...(bySlug.get(group.slug) ?? []), group]);
  const errors: BuildError[] = [];
  for (const [slug, sharing] of bySlug) {
    if (sharing.length < 2) continue;
    const described = sharing.map((group) => {
      const files = group.posts.map((i) => posts[i]?.source ?? '').sort();
      return `"${group.name}" (${files.join(', ')})`;
    });
    errors.push(
      buildError(
        words.collision,
        placeOf(firstUse(named.get(sharing[1]?.key ?? '')), posts),
        `The ${words.kind}s ${described.join(' and ')} would all be at ${words.urlOf(slug)}.`,
        `Give one of them its own slug in site.yaml, like \`${words.slugSetting(sharing[1]?.name ?? '', `${slug}-2`)}\`.`,
      ),
    );
  }
  return errors;
}

/** The first place a group's name is written, whichever its spelling. */
function firstUse(group: NameGroup | undefined): NameUse | undefined {
  // Spellings are kept in order of first use, and posts are read in order.
  return group?.firstUses.values().next().value;
}
