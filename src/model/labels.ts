/**
 * Labels: which names are one label, what each is called, what its slug is, and which
 * posts carry it. Pure; the whole table is recomputed on every build.
 */
import type { SiteConfig } from '../config/config.js';
import {
  buildError,
  buildWarning,
  compareStrings,
  type BuildError,
  type BuildWarning,
} from '../errors.js';
import { labelKey, slugify } from '../slug.js';
import type { Post } from '../parse/post.js';

/** One label of the site. */
export interface Label {
  /** Identity: names differing only in case or spacing share it. */
  readonly key: string;
  /** The spelling most posts use. */
  readonly name: string;
  readonly slug: string;
  /** Indices into the site's posts (newest first) of the posts under this label. */
  readonly posts: readonly number[];
}

/** The labels of a site and, for each post, the indices of its labels. */
export interface LabelTable {
  /** Sorted by name as the site's language sorts. */
  readonly labels: readonly Label[];
  /** `postLabels[i]`: indices into `labels` of post i's labels, in the author's order. */
  readonly postLabels: readonly (readonly number[])[];
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
}

interface Gathered {
  readonly key: string;
  readonly spellings: Map<string, string[]>;
  readonly posts: number[];
}

/**
 * The slug of a label, the one place that decides it: the site's `labelSlugs` entry for the
 * label's key, else the slug of the key. Of the key, not of the name as written, so every
 * spelling of one label (`"+  +"` and `"+ +"`, `C++ ` and `c++`) has the same slug; the
 * importers call this too, so the label links they write lead to the pages the build makes.
 */
export function labelSlug(name: string, config: Pick<SiteConfig, 'labelSlugs'>): string {
  const key = labelKey(name);
  return config.labelSlugs.get(key) ?? slugify(key);
}

/** Groups the labels of `posts`, which must be sorted newest first. */
export function collectLabels(posts: readonly Post[], config: SiteConfig): LabelTable {
  // Sites reuse a few label names thousands of times: work out each name's key once.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) {
      key = labelKey(name);
      keys.set(name, key);
    }
    return key;
  };
  const byKey = new Map<string, Gathered>();
  posts.forEach((post, index) => {
    for (const name of post.labels) {
      const key = keyOf(name);
      let gathered = byKey.get(key);
      if (!gathered) {
        gathered = { key, spellings: new Map(), posts: [] };
        byKey.set(key, gathered);
      }
      const users = gathered.spellings.get(name) ?? [];
      users.push(post.source);
      gathered.spellings.set(name, users);
      gathered.posts.push(index);
    }
  });

  const warnings: BuildWarning[] = [];
  const collator = new Intl.Collator(config.language);
  const unsorted = [...byKey.values()].map((gathered): Label => {
    const name = mostUsedSpelling(gathered.spellings);
    if (gathered.spellings.size > 1) warnings.push(variantsWarning(name, gathered.spellings));
    const slug = labelSlug(gathered.key, config);
    return { key: gathered.key, name, slug, posts: gathered.posts };
  });
  const labels = unsorted.sort(
    (a, b) => collator.compare(a.name, b.name) || compareStrings(a.key, b.key),
  );

  const indexOfKey = new Map(labels.map((label, index) => [label.key, index]));
  const postLabels = posts.map((post) =>
    post.labels.map((name) => indexOfKey.get(keyOf(name)) ?? -1),
  );
  return { labels, postLabels, errors: slugCollisions(labels, posts), warnings };
}

/** The spelling with the most posts; on a tie, the one the newest post uses. */
function mostUsedSpelling(spellings: ReadonlyMap<string, readonly string[]>): string {
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

function variantsWarning(
  name: string,
  spellings: ReadonlyMap<string, readonly string[]>,
): BuildWarning {
  const others = [...spellings].filter(([spelling]) => spelling !== name);
  const firstOther = others[0]?.[1][0] ?? '';
  const listed = others.map(([spelling, users]) => `"${spelling}" (${users.join(', ')})`);
  return buildWarning(
    'LabelVariants',
    { file: firstOther },
    `The label "${name}" is also written ${listed.join(', ')}; they are shown as one label, "${name}".`,
    'Write it the same way everywhere to silence this warning.',
  );
}

/** Two labels with one slug would write one page over the other: an error naming both. */
function slugCollisions(labels: readonly Label[], posts: readonly Post[]): BuildError[] {
  const bySlug = new Map<string, Label[]>();
  for (const label of labels) bySlug.set(label.slug, [...(bySlug.get(label.slug) ?? []), label]);
  const errors: BuildError[] = [];
  for (const [slug, sharing] of bySlug) {
    if (sharing.length < 2) continue;
    const described = sharing.map((label) => {
      const files = label.posts.map((i) => posts[i]?.source ?? '').sort();
      return `"${label.name}" (${files.join(', ')})`;
    });
    const firstFile = posts[sharing[1]?.posts[0] ?? 0]?.source ?? '';
    errors.push(
      buildError(
        'LabelSlugCollision',
        { file: firstFile },
        `The labels ${described.join(' and ')} would all be at /labels/${slug}/.`,
        `Give one of them its own slug in site.yaml, like \`labelSlugs: { "${sharing[1]?.name ?? ''}": ${slug}-2 }\`.`,
      ),
    );
  }
  return errors;
}
