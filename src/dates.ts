/**
 * Dates in the site's time zone. A front-matter date without an offset means wall-clock
 * time in `timezone` from site.yaml, never the host's zone, so a build in Auckland and a
 * build in UTC write the same bytes. Luxon does the zone arithmetic (DST gaps included).
 */
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

/** True when `zone` is an IANA time zone name this Node.js knows (`Europe/Paris`). */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The result of reading a front-matter date: epoch milliseconds, or why it is not a date. */
export type DateReading =
  { ok: true; epochMs: number; hasTime: boolean } | { ok: false; reason: string };

/**
 * The dates blogs write, as Jekyll (Ruby's Time.parse) and Hugo read them: a day, then
 * optionally `T` or spaces and a time of one- or two-digit hours, minutes, and seconds
 * with or without a fraction, then optionally an offset: `Z`, `+00:00`, `+0000`, `-04`,
 * `-4` (with or without a space before it).
 */
const DATE_FORM =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:[ \t]*(?:([Zz])|([+-])(\d{1,2})(?::?(\d{2}))?))?)?$/;

/** What an unreadable date is told: the forms that are read. */
const FORMS =
  'it is not one of the forms 2025-04-12, 2025-04-12 09:30, 2025-04-12T09:30:00 or one of those with an offset (Z, +02:00, +0200, -04, -4)';

/**
 * Reads a front-matter date in one of the forms of {@link DATE_FORM}; surrounding spaces do
 * not matter. A date alone is midnight in `zone`, a time without an offset is wall-clock
 * time in `zone`, and a time with an offset is that instant.
 */
export function readDate(text: string, zone: string): DateReading {
  const match = DATE_FORM.exec(text.trim());
  if (!match) return { ok: false, reason: FORMS };
  const [
    ,
    year,
    month,
    day,
    hour,
    minute,
    second,
    fraction,
    utc,
    sign,
    offsetHours,
    offsetMinutes,
  ] = match;
  const hasTime = hour !== undefined;
  const offset =
    sign === undefined
      ? utc === undefined
        ? null
        : 0
      : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes ?? 0));
  if (offset !== null && (Math.abs(offset) > 18 * 60 || Number(offsetMinutes ?? 0) > 59)) {
    return { ok: false, reason: 'there is no such offset from UTC' };
  }
  const parsed = DateTime.fromObject(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
      second: Number(second ?? 0),
      millisecond: fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000),
    },
    { zone: offset === null ? zone : FixedOffsetZone.instance(offset) },
  );
  if (!parsed.isValid || Number(hour ?? 0) > 23) {
    return { ok: false, reason: `there is no such ${hasTime ? 'time' : 'day'}` };
  }
  return { ok: true, epochMs: parsed.toMillis(), hasTime };
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
