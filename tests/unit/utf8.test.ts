import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/utf8.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a byte order mark, with nothing to report', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'Café ☕ 𝄞\n'))).toEqual({
      text: 'Café ☕ 𝄞\n',
      invalidUtf8At: null,
    });
  });

  it.each([
    ['a Latin-1 é', bytes('title: Caf', [0xe9], '\n'), 1, 11],
    ['a bad byte after a line of emoji (columns in UTF-16 units)', bytes('ok\n𝄞é ', [0xff]), 2, 5],
    ['an overlong slash', bytes('a\nb\nxy', [0xc0, 0xaf]), 3, 3],
    ['a surrogate written as UTF-8', bytes('--', [0xed, 0xa0, 0x80]), 1, 3],
    ['a sequence cut short at the end', bytes('abc', [0xe2, 0x82]), 1, 4],
  ])('finds %s at its line and column', (_name, input, line, column) => {
    const decoded = decodeUtf8(input);
    expect(decoded.invalidUtf8At).toEqual({ line, column });
    expect(decoded.text).toContain('\ufffd');
  });
});
