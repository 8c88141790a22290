import { describe, expect, it } from 'vitest';
import { dateFormatter, isTimeZone, readDate } from '../../src/dates.js';

/** The host zone the test run started with (vitest.config.ts sets one). */
const HOST_TZ = process.env.TZ;

const NOT_IN_FORM =
  'it is not one of the forms 2025-04-12, 2025-04-12 09:30, 2025-04-12T09:30:00 or one of those with an offset (Z, +02:00, +0200, -04, -4)';

/** Runs `fn` with the host's time zone set to `zone`, then puts the old one back. */
function withHostZone<T>(zone: string, fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** Intl may put a narrow no-break space before AM/PM; compare with plain spaces. */
function plainSpaces(text: string): string {
  return text.replace(/\s/gu, ' ');
}

describe('readDate', () => {
  it.each([
    // A date alone is midnight in the zone.
    ['2025-04-12', 'Asia/Tehran', '2025-04-11T20:30:00Z'],
    ['2025-04-12', 'UTC', '2025-04-12T00:00:00Z'],
    ['2025-04-12', 'America/New_York', '2025-04-12T04:00:00Z'],
    ['2025-04-12', 'Pacific/Auckland', '2025-04-11T12:00:00Z'],
    ['2025-01-15', 'Europe/Paris', '2025-01-14T23:00:00Z'],
    ['2025-07-15', 'Europe/Paris', '2025-07-14T22:00:00Z'],
    // A date-time without offset is wall-clock time in the zone.
    ['2025-04-12T08:30', 'Asia/Tehran', '2025-04-12T05:00:00Z'],
    ['2025-04-12T08:30:15', 'Asia/Tehran', '2025-04-12T05:00:15Z'],
    ['2025-04-12T08:30', 'UTC', '2025-04-12T08:30:00Z'],
    ['2025-07-15T12:00', 'Europe/Paris', '2025-07-15T10:00:00Z'],
    // A space instead of T.
    ['2025-04-12 08:30', 'Asia/Tehran', '2025-04-12T05:00:00Z'],
    ['2025-04-12 08:30:15', 'Asia/Tehran', '2025-04-12T05:00:15Z'],
    // An offset wins over the zone.
    ['2025-04-12T08:30:00Z', 'Asia/Tehran', '2025-04-12T08:30:00Z'],
    ['2025-04-12T08:30Z', 'America/New_York', '2025-04-12T08:30:00Z'],
    ['2025-04-12T08:30+02:00', 'Asia/Tehran', '2025-04-12T06:30:00Z'],
    ['2025-04-12T08:30:00-05:00', 'Asia/Tehran', '2025-04-12T13:30:00Z'],
    ['2025-04-12 08:30:00+02:00', 'UTC', '2025-04-12T06:30:00Z'],
    // Surrounding spaces do not matter.
    ['  2025-04-12  ', 'UTC', '2025-04-12T00:00:00Z'],
  ])('reads %j in %s as %s', (text, zone, instant) => {
    expect(readDate(text, zone)).toEqual({
      ok: true,
      epochMs: Date.parse(instant),
      hasTime: text.trim().length > 10,
    });
  });

  it.each([
    ['2025-13-40', 'there is no such day'],
    ['2025-02-30', 'there is no such day'],
    ['2025-02-29', 'there is no such day'],
    ['2025-04-12T25:00', 'there is no such time'],
    ['2025-04-12T08:61', 'there is no such time'],
    ['yesterday', NOT_IN_FORM],
    ['12/04/2025', NOT_IN_FORM],
    ['2025-04-12T8', NOT_IN_FORM],
    ['2025-04-12 08:30 EST', NOT_IN_FORM],
    ['April 12, 2025', NOT_IN_FORM],
    ['', NOT_IN_FORM],
  ])('rejects %j with the reason %j', (text, reason) => {
    expect(readDate(text, 'Asia/Tehran')).toEqual({ ok: false, reason });
  });

  it('accepts a leap day in a leap year', () => {
    expect(readDate('2024-02-29', 'UTC')).toEqual({
      ok: true,
      epochMs: Date.parse('2024-02-29T00:00:00Z'),
      hasTime: false,
    });
  });

  it('gives the same instants whatever the host time zone is', () => {
    const readAll = () => [
      readDate('2025-04-12', 'Asia/Tehran'),
      readDate('2025-04-12T08:30', 'Asia/Tehran'),
      readDate('2025-04-12 08:30', 'UTC'),
      readDate('2025-04-12T08:30+02:00', 'Asia/Tehran'),
    ];
    const expected = [
      { ok: true, epochMs: Date.parse('2025-04-11T20:30:00Z'), hasTime: false },
      { ok: true, epochMs: Date.parse('2025-04-12T05:00:00Z'), hasTime: true },
      { ok: true, epochMs: Date.parse('2025-04-12T08:30:00Z'), hasTime: true },
      { ok: true, epochMs: Date.parse('2025-04-12T06:30:00Z'), hasTime: true },
    ];
    withHostZone('Pacific/Auckland', () => {
      // The host zone really is Auckland here (NZDT, UTC+13, in January) ...
      expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(-780);
      // ... and still nothing changes.
      expect(readAll()).toEqual(expected);
    });
    withHostZone('America/Los_Angeles', () => {
      expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(480);
      expect(readAll()).toEqual(expected);
    });
  });

  it('puts the host time zone back after the test above', () => {
    expect(process.env.TZ).toBe(HOST_TZ);
  });
});

describe('dateFormatter', () => {
  const midnightInTehran = Date.parse('2025-04-11T20:30:00Z');

  it('gives the ISO date with the zone offset and the text in English', () => {
    const display = dateFormatter('en', 'Asia/Tehran')(midnightInTehran);
    expect(display).toMatchObject({
      iso: '2025-04-12T00:00:00+03:30',
      text: 'April 12, 2025',
      year: '2025',
      month: '04',
      day: '12',
    });
    expect(plainSpaces(display.time)).toBe('12:00 AM');
  });

  it('writes the text in French for fr', () => {
    const display = dateFormatter('fr', 'Europe/Paris')(Date.parse('2025-04-12T10:00:00Z'));
    expect(display).toMatchObject({
      iso: '2025-04-12T12:00:00+02:00',
      text: '12 avril 2025',
      year: '2025',
      month: '04',
      day: '12',
    });
    expect(display.time).toBe('12:00');
  });

  it('shows the day of the zone, not of UTC', () => {
    expect(dateFormatter('en', 'UTC')(midnightInTehran)).toMatchObject({
      iso: '2025-04-11T20:30:00Z',
      text: 'April 11, 2025',
      day: '11',
    });
    expect(dateFormatter('fr', 'Asia/Tehran')(midnightInTehran)).toMatchObject({
      iso: '2025-04-12T00:00:00+03:30',
      text: '12 avril 2025',
      day: '12',
    });
  });

  it('gives the same output whatever the host time zone is', () => {
    const display = withHostZone('Pacific/Auckland', () =>
      dateFormatter('en', 'Asia/Tehran')(midnightInTehran),
    );
    expect(display).toMatchObject({
      iso: '2025-04-12T00:00:00+03:30',
      text: 'April 12, 2025',
      year: '2025',
      month: '04',
      day: '12',
    });
    expect(plainSpaces(display.time)).toBe('12:00 AM');
  });
});

describe('isTimeZone', () => {
  it.each([
    ['UTC', true],
    ['Europe/Paris', true],
    ['Asia/Tehran', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Mars/Olympus', false],
    ['Paris', false],
    ['', false],
  ])('isTimeZone(%j) is %s', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });
});
