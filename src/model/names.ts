/**
 * What labels and authors share: names written on posts, gathered into one group per
 * identity (names differing only in case or spacing are one, `labelKey`), the spelling
 * a group is shown by, and the error when two groups would have one slug. Pure.
 */
import {
  buildError,
  buildWarning,
  type BuildError,
  type BuildWarning,
  type WarningName,
  type ErrorName,
} from '../errors.js';
import type { Post } from '../parse/post.js';
import { labelKey } from '../slug.js';

/** The posts under one identity, with every spelling of it and the posts using each. */
export interface NameGroup {
  readonly key: string;
  readonly spellings: Map<string, string[]>;
  /** Indices into the posts, in their order. */
  readonly posts: number[];
}

/**
 * Groups the names `namesOf` gives for each post by identity, in order of first use.
 * `identity` maps a name's {@link labelKey} to the group's key (authors: a name to the
 * `authors:` entry it belongs to).
 */
export function groupNames(
  posts: readonly Post[],
  namesOf: (post: Post) => readonly string[],
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
    for (const name of namesOf(post)) {
      const key = keyOf(name);
      let group = groups.get(key);
      if (!group) {
        group = { key, spellings: new Map(), posts: [] };
        groups.set(key, group);
      }
      const users = group.spellings.get(name) ?? [];
      users.push(post.source);
      group.spellings.set(name, users);
      group.posts.push(index);
    }
  });
  return { groups, keyOf };
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
  /** How to give `name` a slug of its own. */
  readonly fix: (name: string, slug: string) => string;
}

/** A warning that one identity is written in several ways, naming the files of each. */
export function variantsWarning(
  words: GroupWords,
  name: string,
  spellings: ReadonlyMap<string, readonly string[]>,
): BuildWarning {
  const others = [...spellings].filter(([spelling]) => spelling !== name);
  const firstOther = others[0]?.[1][0] ?? '';
  const listed = others.map(([spelling, users]) => `"${spelling}" (${users.join(', ')})`);
  return buildWarning(
    words.warning,
    { file: firstOther },
    `The ${words.kind} "${name}" is also written ${listed.join(', ')}; they are shown as one ${words.kind}, "${name}".`,
    'Write it the same way everywhere to silence this warning.',
  );
}

/** A group as the slug check sees it. */
interface Slugged {
  readonly name: string;
  readonly slug: string;
  readonly posts: readonly number[];
}

/** Two groups with one slug would write one page over the other: an error naming all. */
export function slugCollisions(
  words: GroupWords,
  groups: readonly Slugged[],
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
    const firstFile = posts[sharing[1]?.posts[0] ?? 0]?.source ?? '';
    errors.push(
      buildError(
        words.collision,
        { file: firstFile },
        `The ${words.kind}s ${described.join(' and ')} would all be at ${words.urlOf(slug)}.`,
        words.fix(sharing[1]?.name ?? '', slug),
      ),
    );
  }
  return errors;
}
