/**
 * Dates as Jekyll and Hugo blogs write them (issue 11.2): each form and the instant it
 * means. Forms without an offset are wall-clock time in the site's zone.
 */
import { describe, expect, it } from 'vitest';
import { readDate } from '../../src/dates.js';
import { readFrontMatter } from '../../src/parse/front-matter.js';

const FORMS =
  'it is not one of the forms 2025-04-12, 2025-04-12 09:30, 2025-04-12T09:30:00 or one of those with an offset (Z, +02:00, +0200, -04, -4)';

describe('readDate: the forms blogs write', () => {
  it.each([
    // Jekyll, with Ruby's offsets: hours alone, signed, one digit or two.
    ['2015-03-17 14:00:00 -4', 'Europe/Paris', '2015-03-17T18:00:00.000Z', true],
    ['2016-03-23 9:00:00 -4', 'Europe/Paris', '2016-03-23T13:00:00.000Z', true],
    ['2016-03-23 09:00:00 -04', 'Europe/Paris', '2016-03-23T13:00:00.000Z', true],
    ['2016-03-23 09:00:00 +5', 'UTC', '2016-03-23T04:00:00.000Z', true],
    ['2004-09-02 00:05:05+00:00', 'Asia/Tehran', '2004-09-02T00:05:05.000Z', true],
    ['2004-09-02 00:05:05 +0000', 'Asia/Tehran', '2004-09-02T00:05:05.000Z', true],
    ['2019-11-05 17:31:07 +0530', 'UTC', '2019-11-05T12:01:07.000Z', true],
    ['2019-11-05 17:31:07 -0330', 'UTC', '2019-11-05T21:01:07.000Z', true],
    ['2019-11-05 17:31 +05:30', 'UTC', '2019-11-05T12:01:00.000Z', true],
    // Hugo and WordPress exports: RFC 3339, fractions of a second, Z.
    ['2019-11-05T17:31:07Z', 'America/New_York', '2019-11-05T17:31:07.000Z', true],
    ['2019-11-05T17:31:07.123Z', 'America/New_York', '2019-11-05T17:31:07.123Z', true],
    ['2019-11-05T17:31:07.123456789+01:00', 'UTC', '2019-11-05T16:31:07.123Z', true],
    ['2019-11-05T17:31:07+01:00', 'UTC', '2019-11-05T16:31:07.000Z', true],
    ['2019-11-05t17:31:07z', 'UTC', '2019-11-05T17:31:07.000Z', true],
    // No offset: wall-clock time in the site's zone, with one- or two-digit hours.
    ['2016-03-23 9:00', 'America/New_York', '2016-03-23T13:00:00.000Z', true],
    ['2016-03-23 9:00:00', 'America/New_York', '2016-03-23T13:00:00.000Z', true],
    ['2016-03-23T09:00:00', 'America/New_York', '2016-03-23T13:00:00.000Z', true],
    ['2016-03-23  09:00:00.5', 'America/New_York', '2016-03-23T13:00:00.500Z', true],
    ['2016-01-23 09:00', 'America/New_York', '2016-01-23T14:00:00.000Z', true],
    // A day alone is midnight in the site's zone, trailing spaces or not.
    ['2016-08-04 ', 'UTC', '2016-08-04T00:00:00.000Z', false],
    ['2016-08-04\t', 'Asia/Tehran', '2016-08-03T19:30:00.000Z', false],
    ['2016-8-4', 'UTC', '2016-08-04T00:00:00.000Z', false],
    [' 2016-08-04 10:00:00 -4 ', 'UTC', '2016-08-04T14:00:00.000Z', true],
  ])('reads %j in %s as %s', (text, zone, instant, hasTime) => {
    expect(readDate(text, zone)).toEqual({ ok: true, epochMs: Date.parse(instant), hasTime });
  });

  it.each([
    ['2016-03-23 9', FORMS],
    ['2016-03-23 9:0', FORMS],
    ['March 23, 2016', FORMS],
    ['2016-03-23 09:00 EST', FORMS],
    ['2016/03/23', FORMS],
    ['2016-03-23 24:00', 'there is no such time'],
    ['2016-02-30 10:00', 'there is no such time'],
    ['2016-02-30', 'there is no such day'],
    ['2016-03-23 10:00 +25', 'there is no such offset from UTC'],
    ['2016-03-23 10:00 +05:75', 'there is no such offset from UTC'],
  ])('rejects %j: %s', (text, reason) => {
    expect(readDate(text, 'UTC')).toEqual({ ok: false, reason });
  });
});

describe('dates in front matter', () => {
  it('reads a Jekyll date with a one-digit offset, unquoted, at its instant', () => {
    const { frontMatter, errors } = readFrontMatter(
      { path: 'posts/a.md', text: '---\ntitle: T\ndate: 2015-03-17 14:00:00 -4\n---\n' },
      'Asia/Tehran',
    );
    expect(errors).toEqual([]);
    expect(frontMatter?.date).toBe(Date.parse('2015-03-17T18:00:00Z'));
    expect(frontMatter?.dateHasTime).toBe(true);
  });

  it('reads a quoted date with a trailing space as the day in the site zone', () => {
    const { frontMatter } = readFrontMatter(
      { path: 'posts/a.md', text: '---\ntitle: T\ndate: "2016-08-04 "\n---\n' },
      'America/New_York',
    );
    expect(frontMatter?.date).toBe(Date.parse('2016-08-04T04:00:00Z'));
    expect(frontMatter?.dateHasTime).toBe(false);
  });

  it('lists the accepted forms for a date it cannot read', () => {
    const { errors } = readFrontMatter(
      { path: 'posts/a.md', text: '---\ntitle: T\ndate: 23 March 2016\n---\n' },
      'UTC',
    );
    expect(errors.map((e) => [e.line, e.column, e.message, e.hint])).toEqual([
      [
        3,
        7,
        `date "23 March 2016" is not a date: ${FORMS}.`,
        "Write it like `date: 2025-04-12`, `date: 2025-04-12 09:30` or `date: 2025-04-12T09:30:00+02:00`; without an offset it is read in the site's timezone.",
      ],
    ]);
  });
});
