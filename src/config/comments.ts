/**
 * `comments:` in site.yaml: the comment system that takes new comments on post pages.
 * `giscus` (GitHub Discussions) and `utterances` (GitHub issues) are mappings of their
 * settings, checked here key by key; `custom` renders the site's own partial,
 * `templates/partials/comments-custom.hbs`. Comments kept in files beside posts are shown
 * whatever this says. Pure.
 */
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { buildError, type BuildError } from '../errors.js';
import { closest } from '../suggest.js';
import { positionAt, type LineColumn, type YamlEntry, type YamlText } from '../yaml.js';
import type { SettingProblem } from './settings.js';

/** giscus, as its configurator at giscus.app writes the script's `data-` attributes. */
export interface GiscusSettings {
  readonly kind: 'giscus';
  readonly repo: string;
  readonly repoId: string;
  readonly category: string;
  readonly categoryId: string;
  readonly mapping: string;
  /** The discussion's term or number, for `mapping: specific` or `number`. */
  readonly term: string | null;
  readonly strict: boolean;
  readonly reactions: boolean;
  readonly inputPosition: string;
  readonly theme: string;
  /** The widget's language; null for the site's `language`. */
  readonly lang: string | null;
}

/** utterances, as its page at utteranc.es writes the script's attributes. */
export interface UtterancesSettings {
  readonly kind: 'utterances';
  readonly repo: string;
  readonly issueTerm: string;
  readonly label: string | null;
  readonly theme: string;
}

/** `comments: custom`, and where it is written (a missing partial is reported there). */
export interface CustomComments {
  readonly kind: 'custom';
  readonly at: LineColumn;
}

export type CommentSystem = GiscusSettings | UtterancesSettings | CustomComments;

/** The partial `comments: custom` renders on post pages. */
export const CUSTOM_COMMENTS_PARTIAL = 'comments-custom';

type Value = string | boolean | null;

/** How one key of a system is read: its default (undefined: required) and its check. */
interface Key {
  readonly fallback?: Value;
  /** The value, or the reason it is not one. */
  readonly read: (value: unknown) => { value: Value } | { reason: string };
}

const REPO = /^[\w.-]+\/[\w.-]+$/;
const text = (fallback?: string | null): Key => ({
  ...(fallback !== undefined && { fallback }),
  read: (value) =>
    typeof value === 'string' && value.trim() !== ''
      ? { value: value.trim() }
      : typeof value === 'number'
        ? { value: String(value) }
        : { reason: 'must be text' },
});
const repo: Key = {
  read: (value) =>
    typeof value === 'string' && REPO.test(value.trim())
      ? { value: value.trim() }
      : { reason: 'must name a GitHub repository as `owner/name`' },
};
const flag = (fallback: boolean): Key => ({
  fallback,
  read: (value) => (typeof value === 'boolean' ? { value } : { reason: 'must be true or false' }),
});
const oneOf = (choices: readonly string[], fallback: string): Key => ({
  fallback,
  read: (value) =>
    typeof value === 'string' && choices.includes(value)
      ? { value }
      : { reason: `must be one of ${choices.map((c) => `\`${c}\``).join(', ')}` },
});

const GISCUS: Readonly<Record<string, Key>> = {
  repo,
  repoId: text(),
  category: text(),
  categoryId: text(),
  mapping: oneOf(['pathname', 'url', 'title', 'og:title', 'specific', 'number'], 'pathname'),
  term: text(null),
  strict: flag(false),
  reactions: flag(true),
  inputPosition: oneOf(['bottom', 'top'], 'bottom'),
  theme: text('preferred_color_scheme'),
  lang: text(null),
};

const UTTERANCES: Readonly<Record<string, Key>> = {
  repo,
  issueTerm: text('pathname'),
  label: text(null),
  theme: text('github-light'),
};

const SYSTEMS = { giscus: GISCUS, utterances: UTTERANCES } as const;

const HINT =
  'Write it like `comments: { giscus: { repo: owner/name, repoId: …, category: …, categoryId: … } }`, `comments: { utterances: { repo: owner/name } }` or `comments: custom`; see the README, Comments.';

/** Reads `comments:` into `settings.comments`, or says what is wrong, where. */
export function readCommentSystem(
  entry: YamlEntry,
  yaml: YamlText,
): { system: CommentSystem | null } | SettingProblem {
  const { value, node } = entry;
  if (value === null || value === false) return { system: null };
  if (value === 'custom') return { system: { kind: 'custom', at: entry.valueAt } };
  if (!isMap(node) || node.items.length !== 1) {
    return problem(entry.valueAt, 'comments must name one comment system.', HINT);
  }
  const pair = node.items[0] as Pair;
  const name = isScalar(pair.key) ? String(pair.key.value) : '';
  const keyAt = placeOf(yaml, pair.key as Node | null, entry.valueAt);
  if (name !== 'giscus' && name !== 'utterances') {
    const near = closest(name, ['giscus', 'utterances']);
    return unknown(keyAt, `comments has no system called \`${name}\`.`, near, HINT);
  }
  const settings = readKeys(yaml, pair.value as Node | null, `comments.${name}`, SYSTEMS[name]);
  if (settings instanceof Map)
    return { system: { kind: name, ...Object.fromEntries(settings) } as unknown as CommentSystem };
  return settings;
}

/** The keys of one system's mapping, each checked, defaults filled in. */
function readKeys(
  yaml: YamlText,
  node: Node | null,
  where: string,
  keys: Readonly<Record<string, Key>>,
): Map<string, Value> | SettingProblem {
  const at = placeOf(yaml, node, { line: 1, column: 1 });
  if (!isMap(node)) return problem(at, `${where} must be a mapping of its settings.`, HINT);
  const read = new Map<string, Value>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyAt = placeOf(yaml, pair.key as Node | null, at);
    const rule = Object.hasOwn(keys, key) ? keys[key] : undefined;
    if (!rule) {
      const near = closest(key, Object.keys(keys));
      return unknown(keyAt, `${where} has no setting called \`${key}\`.`, near, HINT);
    }
    const valueNode = pair.value as Node | null;
    const reading = rule.read(isScalar(valueNode) ? valueNode.value : valueNode?.toJSON());
    if ('reason' in reading) {
      return problem(placeOf(yaml, valueNode, keyAt), `${where}.${key} ${reading.reason}.`, HINT);
    }
    read.set(key, reading.value);
  }
  for (const [key, rule] of Object.entries(keys)) {
    if (read.has(key)) continue;
    if (rule.fallback === undefined) {
      return problem(at, `${where} needs \`${key}\`.`, HINT);
    }
    read.set(key, rule.fallback);
  }
  const mapping = read.get('mapping');
  if ((mapping === 'specific' || mapping === 'number') && read.get('term') === null) {
    return problem(at, `${where} needs \`term\` with \`mapping: ${mapping}\`.`, HINT);
  }
  return read;
}

function placeOf(yaml: YamlText, node: Node | null, fallback: LineColumn): LineColumn {
  return node?.range ? positionAt(yaml, node.range[0]) : fallback;
}

function problem(at: LineColumn, message: string, hint: string): SettingProblem {
  return { name: 'ConfigInvalid', at, text: [message, hint] };
}

function unknown(
  at: LineColumn,
  message: string,
  near: string | null,
  hint: string,
): SettingProblem {
  return {
    name: 'ConfigUnknownKey',
    at,
    text: [message, near ? `Did you mean \`${near}\`?` : hint],
  };
}

/**
 * `comments: custom` with no `templates/partials/comments-custom.hbs` to render: an
 * error at the setting, before any page renders without it.
 */
export function missingCustomPartial(
  system: CommentSystem | null,
  templates: readonly { readonly kind: string; readonly name: string }[],
): BuildError[] {
  if (system?.kind !== 'custom') return [];
  const name = CUSTOM_COMMENTS_PARTIAL;
  if (templates.some((t) => t.kind === 'partial' && t.name === name)) return [];
  return [
    buildError(
      'TemplateMissing',
      { file: 'site.yaml', ...system.at },
      `comments: custom renders templates/partials/${name}.hbs, and the site has none.`,
      `Write the comment system's snippet into templates/partials/${name}.hbs, or remove \`comments: custom\`.`,
    ),
  ];
}
