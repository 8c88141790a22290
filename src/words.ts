/**
 * The fixed phrases of the built-in theme ("Older posts", "Read more"), in the site's
 * `language`: one table per language, every table with the same typed keys, so a missing
 * translation is a type error. A language without a table uses English phrases; month
 * names come from Intl (through luxon, as dates do) for every language. `words:` in
 * site.yaml overrides any phrase.
 *
 * A phrase may hold a `{name}` slot (`Page {n}`); templates fill it with the `fill`
 * helper, which escapes the phrase and the values.
 */
import { Info } from 'luxon';

/** The keys of every phrase table. */
export const PHRASE_KEYS = [
  'home',
  'labels',
  'archive',
  'showingPostsWithLabel',
  'showAllPosts',
  'showingPostsByAuthor',
  'pinnedPost',
  'newerPosts',
  'olderPosts',
  'newerPost',
  'olderPost',
  'readMore',
  'postedBy',
  'posted',
  'at',
  'on',
  'updated',
  'labelsLine',
  'pageN',
  'titlePageN',
  'monthYear',
  'postsOne',
  'postsOther',
  'readingTime',
  'tableOfContents',
  'relatedPosts',
  'blogArchive',
  'labelList',
  'labelCloud',
  'noPosts',
  'noLabels',
  'notFoundTitle',
  'notFoundText',
  'latestPosts',
  'rssFeedTitle',
  'labelFeedTitle',
  'authorFeedTitle',
  'movedTo',
  'skipToContent',
  'search',
  'searchThisBlog',
  'searchLabel',
  'searchAnyLabel',
  'searchYear',
  'searchAnyYear',
  'searchResultsOne',
  'searchResultsOther',
  'searchNoResults',
  'searchNoScript',
  'commentsOne',
  'commentsOther',
  'anonymous',
] as const;

/** The name of one phrase. */
export type PhraseKey = (typeof PHRASE_KEYS)[number];

/** One language's phrases. */
export type Phrases = Readonly<Record<PhraseKey, string>>;

/** Every phrase of a site, plus month names, as templates get them (`words.olderPosts`). */
export interface Words extends Phrases {
  /** The twelve month names, January first, as the site's language writes them alone. */
  readonly months: readonly string[];
}

const en: Phrases = {
  home: 'Home',
  labels: 'Labels',
  archive: 'Archive',
  showingPostsWithLabel: 'Showing posts with label {label}.',
  showAllPosts: 'Show all posts',
  showingPostsByAuthor: 'Showing posts by {author}.',
  pinnedPost: 'Pinned post',
  newerPosts: 'Newer posts',
  olderPosts: 'Older posts',
  newerPost: 'Newer post',
  olderPost: 'Older post',
  readMore: 'Read more »',
  postedBy: 'Posted by',
  posted: 'Posted',
  at: 'at',
  on: 'on',
  updated: 'updated',
  labelsLine: 'Labels:',
  pageN: 'Page {n}',
  titlePageN: '{title} (page {n})',
  monthYear: '{month} {year}',
  postsOne: '{n} post',
  postsOther: '{n} posts',
  readingTime: '{n} min read',
  tableOfContents: 'Contents',
  relatedPosts: 'Related posts',
  blogArchive: 'Blog archive',
  labelList: 'All labels',
  labelCloud: 'Label cloud',
  noPosts: 'No posts yet.',
  noLabels: 'No labels yet.',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is nothing at this address. It may have moved when the blog did.',
  latestPosts: 'The latest posts',
  rssFeedTitle: '{title} (RSS)',
  labelFeedTitle: '{title}: {label}',
  authorFeedTitle: '{title}: posts by {author}',
  movedTo: 'This page has moved to {link}.',
  skipToContent: 'Skip to main content',
  search: 'Search',
  searchThisBlog: 'Search this blog',
  searchLabel: 'Label',
  searchAnyLabel: 'Any label',
  searchYear: 'Year',
  searchAnyYear: 'Any year',
  searchResultsOne: '{n} post found',
  searchResultsOther: '{n} posts found',
  searchNoResults: 'No posts match.',
  searchNoScript: 'Search needs JavaScript; the archive and the labels list every post.',
  commentsOne: '{n} comment',
  commentsOther: '{n} comments',
  anonymous: 'Anonymous',
};

const fr: Phrases = {
  home: 'Accueil',
  labels: 'Libellés',
  archive: 'Archives',
  showingPostsWithLabel: 'Affichage des articles dont le libellé est {label}.',
  showAllPosts: 'Afficher tous les articles',
  showingPostsByAuthor: 'Affichage des articles de {author}.',
  pinnedPost: 'Article épinglé',
  newerPosts: 'Articles plus récents',
  olderPosts: 'Articles plus anciens',
  newerPost: 'Article plus récent',
  olderPost: 'Article plus ancien',
  readMore: 'Lire la suite »',
  postedBy: 'Publié par',
  posted: 'Publié',
  at: 'à',
  on: 'le',
  updated: 'mis à jour le',
  labelsLine: 'Libellés :',
  pageN: 'Page {n}',
  titlePageN: '{title} (page {n})',
  monthYear: '{month} {year}',
  postsOne: '{n} article',
  postsOther: '{n} articles',
  readingTime: '{n} min de lecture',
  tableOfContents: 'Sommaire',
  relatedPosts: 'Articles similaires',
  blogArchive: 'Archives du blog',
  labelList: 'Tous les libellés',
  labelCloud: 'Nuage de libellés',
  noPosts: 'Aucun article pour le moment.',
  noLabels: 'Aucun libellé pour le moment.',
  notFoundTitle: 'Page introuvable',
  notFoundText:
    "Il n'y a rien à cette adresse. Elle a peut-être changé lors d'un déménagement du blog.",
  latestPosts: 'Les derniers articles',
  rssFeedTitle: '{title} (RSS)',
  labelFeedTitle: '{title} : {label}',
  authorFeedTitle: '{title} : articles de {author}',
  movedTo: 'Cette page a été déplacée : {link}.',
  skipToContent: 'Aller au contenu principal',
  search: 'Rechercher',
  searchThisBlog: 'Rechercher dans ce blog',
  searchLabel: 'Libellé',
  searchAnyLabel: 'Tous les libellés',
  searchYear: 'Année',
  searchAnyYear: 'Toutes les années',
  searchResultsOne: '{n} article trouvé',
  searchResultsOther: '{n} articles trouvés',
  searchNoResults: 'Aucun article ne correspond.',
  searchNoScript:
    'La recherche a besoin de JavaScript ; les archives et les libellés listent tous les articles.',
  commentsOne: '{n} commentaire',
  commentsOther: '{n} commentaires',
  anonymous: 'Anonyme',
};

const de: Phrases = {
  home: 'Startseite',
  labels: 'Labels',
  archive: 'Archiv',
  showingPostsWithLabel: 'Posts mit dem Label {label} werden angezeigt.',
  showAllPosts: 'Alle Posts anzeigen',
  showingPostsByAuthor: 'Posts von {author} werden angezeigt.',
  pinnedPost: 'Angehefteter Post',
  newerPosts: 'Neuere Posts',
  olderPosts: 'Ältere Posts',
  newerPost: 'Neuerer Post',
  olderPost: 'Älterer Post',
  readMore: 'Weiterlesen »',
  postedBy: 'Eingestellt von',
  posted: 'Eingestellt',
  at: 'um',
  on: 'am',
  updated: 'aktualisiert am',
  labelsLine: 'Labels:',
  pageN: 'Seite {n}',
  titlePageN: '{title} (Seite {n})',
  monthYear: '{month} {year}',
  postsOne: '{n} Post',
  postsOther: '{n} Posts',
  readingTime: '{n} Min. Lesezeit',
  tableOfContents: 'Inhalt',
  relatedPosts: 'Ähnliche Posts',
  blogArchive: 'Blog-Archiv',
  labelList: 'Alle Labels',
  labelCloud: 'Label-Wolke',
  noPosts: 'Noch keine Posts.',
  noLabels: 'Noch keine Labels.',
  notFoundTitle: 'Seite nicht gefunden',
  notFoundText:
    'Unter dieser Adresse gibt es nichts. Vielleicht ist sie beim Umzug des Blogs verschwunden.',
  latestPosts: 'Die neuesten Posts',
  rssFeedTitle: '{title} (RSS)',
  labelFeedTitle: '{title}: {label}',
  authorFeedTitle: '{title}: Posts von {author}',
  movedTo: 'Diese Seite ist umgezogen: {link}.',
  skipToContent: 'Zum Hauptinhalt springen',
  search: 'Suche',
  searchThisBlog: 'Dieses Blog durchsuchen',
  searchLabel: 'Label',
  searchAnyLabel: 'Alle Labels',
  searchYear: 'Jahr',
  searchAnyYear: 'Alle Jahre',
  searchResultsOne: '{n} Beitrag gefunden',
  searchResultsOther: '{n} Beiträge gefunden',
  searchNoResults: 'Keine passenden Beiträge.',
  searchNoScript:
    'Die Suche braucht JavaScript; das Archiv und die Labels führen alle Beiträge auf.',
  commentsOne: '{n} Kommentar',
  commentsOther: '{n} Kommentare',
  anonymous: 'Anonym',
};

/** The built-in phrase tables, by primary language subtag. */
export const PHRASES: Readonly<Record<string, Phrases>> = { en, fr, de };

/** True when `key` names a phrase. */
export function isPhraseKey(key: string): key is PhraseKey {
  return (PHRASE_KEYS as readonly string[]).includes(key);
}

/**
 * The words of a site: the table of `language` (`fr-CA` uses `fr`; a language without a
 * table uses English), month names from Intl, then the site's own `overrides`.
 */
export function wordsFor(
  language: string,
  overrides: Readonly<Partial<Phrases>> = {},
  months: readonly string[] | null = null,
): Words {
  const primary = language.split('-')[0]?.toLowerCase() ?? 'en';
  const table = PHRASES[primary] ?? en;
  return Object.freeze({
    ...table,
    ...overrides,
    months: Object.freeze([...(months ?? Info.months('long', { locale: language }))]),
  });
}

/**
 * Fills the `{name}` slots of a phrase. Unknown slots are left as written, so a typo in
 * an override shows on the page rather than vanishing.
 */
export function fillPhrase(
  phrase: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return phrase.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in values ? String(values[name]) : slot,
  );
}
