/**
 * Dates in the site's time zone. A front-matter date without an offset means wall-clock
 * time in `timezone` from site.yaml, never the host's zone, so a build in Auckland and a
 * build in UTC write the same bytes. Luxon does the zone arithmetic (DST gaps included).
 */
import { DateTime, IANAZone } from 'luxon';

/** True when `zone` is an IANA time zone name this Node.js knows (`Europe/Paris`). */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The result of reading a front-matter date: epoch milliseconds, or why it is not a date. */
export type DateReading =
  { ok: true; epochMs: number; hasTime: boolean } | { ok: false; reason: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$/i;

/**
 * Reads `2025-04-12`, `2025-04-12T08:30`, `2025-04-12 08:30:00` or one of those with an
 * offset (`Z`, `+02:00`). A date alone is midnight in `zone`.
 */
export function readDate(text: string, zone: string): DateReading {
  const value = text.trim();
  if (!DATE_ONLY.test(value) && !DATE_TIME.test(value)) {
    return { ok: false, reason: 'it is not in the form YYYY-MM-DD or YYYY-MM-DDTHH:MM' };
  }
  const iso = value.replace(' ', 'T').replace(/\s+/g, '');
  const parsed = DateTime.fromISO(iso, { zone, setZone: false });
  if (!parsed.isValid) {
    return { ok: false, reason: `there is no such ${iso.includes('T') ? 'time' : 'day'}` };
  }
  return { ok: true, epochMs: parsed.toMillis(), hasTime: !DATE_ONLY.test(value) };
}

/** A date ready for a template: machine-readable and as the site's readers read dates. */
export interface DisplayDate {
  /** ISO 8601 with the site's offset, for `<time datetime>`: `2025-04-12T09:30:00+03:30`. */
  readonly iso: string;
  /** `12 April 2025` / `April 12, 2025` as the site's language writes it. */
  readonly text: string;
  /** The time of day, `9:30 AM`; empty for a post dated by day alone. */
  readonly time: string;
  readonly year: string;
  readonly month: string;
  readonly day: string;
}

/** Formats dates for one site: built once, used for every date on every page. */
export interface DateFormatter {
  (epochMs: number, withTime?: boolean): DisplayDate;
}

/** Makes the formatter for a language (BCP 47) and an IANA zone. */
export function dateFormatter(language: string, zone: string): DateFormatter {
  const long = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: zone });
  const short = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: zone });
  return (epochMs, withTime = true) => {
    const local = DateTime.fromMillis(epochMs, { zone });
    return {
      iso: local.toISO({ suppressMilliseconds: true }) ?? '',
      text: long.format(epochMs),
      time: withTime ? short.format(epochMs) : '',
      year: local.toFormat('yyyy'),
      month: local.toFormat('MM'),
      day: local.toFormat('dd'),
    };
  };
}

/** `2026-12-01 09:00 (Europe/Paris)`: how the build summary says when a post is due. */
export function describeInstant(epochMs: number, zone: string): string {
  return `${DateTime.fromMillis(epochMs, { zone }).toFormat('yyyy-MM-dd HH:mm')} (${zone})`;
}

/** RFC 3339 in `zone`, for Atom and the sitemap: `2025-03-14T09:30:00+03:30`. */
export function rfc3339(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}

/** RFC 822 in `zone`, as RSS 2.0 wants it (English names): `Fri, 14 Mar 2025 09:30:00 +0330`. */
export function rfc822(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toRFC2822() ?? '';
}
