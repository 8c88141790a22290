/**
 * A Jekyll or Hugo source file → its front matter (YAML between `---`, or TOML between
 * `+++` as Hugo allows) and its body, with the line the body starts on, for messages.
 * Dates are handed on as text, as written. Pure.
 */
import { DateTime } from 'luxon';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

/** A source file split. */
export interface SourceDocument {
  readonly data: Readonly<Record<string, unknown>>;
  readonly body: string;
  /** The 1-based line of the body's first line in the file. */
  readonly bodyLine: number;
  /** Why the front matter could not be read, when it could not (the body is then all). */
  readonly problem: string | null;
}

/** Splits a file into front matter and body. */
export function splitSource(text: string): SourceDocument {
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^(---|\+\+\+)\n([\s\S]*?)\n?\1[ \t]*(?:\n|$)/.exec(normal);
  if (!match) return { data: {}, body: normal, bodyLine: 1, problem: null };
  const [whole, fence, block = ''] = match;
  const bodyLine = whole.split('\n').length - (whole.endsWith('\n') ? 0 : 1);
  const body = normal.slice(whole.length);
  try {
    const parsed: unknown = fence === '+++' ? parseToml(block) : parseYaml(block);
    const data =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    return { data, body, bodyLine, problem: null };
  } catch (error) {
    return { data: {}, body, bodyLine, problem: (error as Error).message.split('\n')[0] ?? '' };
  }
}

/** A front-matter value as a list of strings: `tags: a b`, `tags: [a, b]`, `tags: a`. */
export function stringList(value: unknown, splitSpaces = false): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
  if (typeof value === 'string') {
    const parts = splitSpaces ? value.split(/\s+/) : [value];
    return parts.map((v) => v.trim()).filter((v) => v !== '');
  }
  return [];
}

/** A front-matter value as text, or null. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

const DATE_FORMATS = [
  'yyyy-MM-dd HH:mm:ss ZZZ',
  'yyyy-MM-dd HH:mm:ss ZZ',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd',
];

/**
 * A date as Jekyll or Hugo accept it (`2024-03-01 10:00:00 +0100`, ISO 8601, a TOML date)
 * → ISO 8601 with its offset as written, or without one when none was written.
 */
export function isoDate(value: unknown): string | null {
  if (value instanceof Date) {
    // smol-toml's dates print as written, offset included.
    const text = value.toISOString();
    return Number.isNaN(value.getTime()) ? null : text.replace(/\.000(?=Z|[+-]|$)/, '');
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const iso = DateTime.fromISO(text, { setZone: true });
  if (iso.isValid)
    return /[zZ]|[+-]\d\d:?\d\d$/.test(text)
      ? text
      : iso.toISO({ includeOffset: false, suppressMilliseconds: true });
  for (const format of DATE_FORMATS) {
    const date = DateTime.fromFormat(text, format, { setZone: true });
    if (date.isValid) {
      return format.includes('Z')
        ? date.toISO({ suppressMilliseconds: true })
        : date.toISO({ includeOffset: false, suppressMilliseconds: true });
    }
  }
  return null;
}
