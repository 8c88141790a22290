/**
 * A page's digest: a hash of everything its rendering reads — its template and the
 * templates that one pulls in (with the helpers), the settings the helpers read, Rubric's
 * own code, and the page's view data. Two pages with one digest render to the same text,
 * so a build whose output folder already holds a page with that digest (`write/stamps.ts`)
 * need not render it again.
 *
 * View data is plain, immutable data, and the views of one run share their parts (every
 * label page holds the same post views), so each object is hashed once and remembered by
 * identity: a site's digests cost about one walk over its distinct views, not one per page.
 */
import { hash } from 'node:crypto';
import type { Page } from '../route/view.js';
import { templateOf } from './layouts.js';

/** The digest of a page, or null when its data is not plain data (it is rendered anew). */
export type PageDigester = (page: Page) => string | null;

/** Strings up to this long go into a digest as they are; longer ones as their own hash. */
const INLINE_STRING = 64;

/**
 * The digester of one run. `templates` holds each page template's digest (see
 * `session/template-deps.ts`); `context` is what every page shares: the settings and a
 * hash of the code that renders.
 */
export function createPageDigester(
  templates: ReadonlyMap<string, string>,
  context: readonly string[],
): PageDigester {
  const digestOfValue = valueDigester();
  const shared = hashOf(context.join('\0'));
  return (page) => {
    const template = templateOf(page);
    const data = digestOfValue(page.data);
    if (data === null) return null;
    return hashOf(
      `${shared}\0${page.template}\0${template}\0${templates.get(template) ?? ''}\0${data}`,
    );
  };
}

/**
 * A function giving each value's digest, or null for a value that is not plain data (a
 * function, a class instance other than Map, Set and Date). Objects and arrays are
 * remembered by identity, so views must not change once made, which they never do.
 */
export function valueDigester(): (value: unknown) => string | null {
  const known = new WeakMap<object, string | null>();
  // A post's HTML is in every view made of its post (a label page's copy of it too):
  // hashed once. V8 keeps a string's own hash, so the lookup costs little.
  const strings = new Map<string, string>();
  const digest = (value: unknown): string | null => {
    switch (typeof value) {
      case 'string': {
        if (value.length <= INLINE_STRING) return JSON.stringify(value);
        let hashed = strings.get(value);
        if (hashed === undefined) strings.set(value, (hashed = `#${hashOf(value)}`));
        return hashed;
      }
      case 'number':
      case 'boolean':
      case 'undefined':
        return String(value);
      case 'object':
        if (value === null) return 'null';
        break;
      default:
        return null;
    }
    const remembered = known.get(value);
    if (remembered !== undefined) return remembered;
    const parts = partsOf(value, digest);
    // A small object (a link, a label) is its own digest: hashing it would cost more.
    const result = parts !== null && parts.length > INLINE_OBJECT ? `@${hashOf(parts)}` : parts;
    known.set(value, result);
    return result;
  };
  return digest;
}

/** Objects whose parts are up to this long are their own digest. */
const INLINE_OBJECT = 256;

/**
 * One object's parts as one string, each child by its digest (keys quoted, so that no
 * key or value can pass for another's); null if a child is not plain data. A Map is the
 * list of its [key, value] pairs, so keys of any kind are digested as values.
 */
function partsOf(value: object, digest: (value: unknown) => string | null): string | null {
  if (Array.isArray(value)) return listParts('[', value, digest);
  if (value instanceof Map) return listParts('Map', [...value], digest);
  if (value instanceof Set) return listParts('Set', [...value], digest);
  if (value instanceof Date) return `Date(${String(value.getTime())})`;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return null;
  const record = value as Record<string, unknown>;
  let parts = '{(';
  for (const key in record) {
    const part = digest(record[key]);
    if (part === null) return null;
    parts += `${quoted(key)}:${part},`;
  }
  return `${parts})`;
}

function listParts(
  open: string,
  items: readonly unknown[],
  digest: (value: unknown) => string | null,
): string | null {
  let parts = `${open}(`;
  for (const item of items) {
    const part = digest(item);
    if (part === null) return null;
    parts += `${part},`;
  }
  return `${parts})`;
}

/** Keys quoted, once each: views use a few dozen keys, over and over. */
const QUOTED = new Map<string, string>();
function quoted(key: string): string {
  let text = QUOTED.get(key);
  if (text === undefined) QUOTED.set(key, (text = JSON.stringify(key)));
  return text;
}

function hashOf(text: string): string {
  return hash('sha1', text, 'base64');
}
