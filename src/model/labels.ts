/**
 * Labels: which names are one label, what each is called, what its slug is, and which
 * posts carry it. Pure; the whole table is recomputed on every build.
 */
import type { SiteConfig } from '../config/config.js';
import type { BuildError, BuildWarning } from '../errors.js';
import { labelKey, slugify } from '../slug.js';
import type { Post } from '../parse/post.js';
import { labelUrl } from '../urls.js';
import {
  groupNames,
  mostUsedSpelling,
  slugCollisions,
  sortByName,
  variantsWarning,
  type GroupWords,
} from './names.js';

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

/** How labels are named in messages. */
const LABEL_WORDS: GroupWords = {
  kind: 'label',
  warning: 'LabelVariants',
  collision: 'LabelSlugCollision',
  urlOf: labelUrl,
  slugSetting: (name, slug) => `labelSlugs: { "${name}": ${slug} }`,
};

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
  const { groups, keyOf } = groupNames(
    posts,
    (post) => post.labels,
    (post) => post.labelsAt,
  );
  const warnings: BuildWarning[] = [];
  const unsorted = [...groups.values()].map((group): Label => {
    const name = mostUsedSpelling(group.spellings);
    if (group.spellings.size > 1) warnings.push(variantsWarning(LABEL_WORDS, name, group, posts));
    const slug = labelSlug(group.key, config);
    return { key: group.key, name, slug, posts: group.posts };
  });
  const { sorted: labels, perPost: postLabels } = sortByName(
    unsorted,
    config.language,
    posts,
    (post) => post.labels,
    keyOf,
  );
  return {
    labels,
    postLabels,
    errors: slugCollisions(LABEL_WORDS, labels, groups, posts),
    warnings,
  };
}
