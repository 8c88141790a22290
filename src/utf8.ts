/**
 * Decoding source files. Node's `readFile(…, 'utf8')` turns a byte that is not UTF-8 into
 * U+FFFD without a word; Rubric decodes the same way but also says where the first bad
 * byte was, so the author can fix the file (usually one saved as Latin-1 or Windows-1252).
 */
import type { LineColumn } from './yaml.js';

/** A decoded text file, and where its first byte that is not UTF-8 stands. */
export interface DecodedText {
  /** The text, without a leading byte order mark; bad bytes are U+FFFD. */
  readonly text: string;
  /** Line and column (in UTF-16 code units, as editors count) of the first bad byte. */
  readonly invalidUtf8At: LineColumn | null;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes UTF-8, dropping a byte order mark. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const content = bytes.subarray(start);
  try {
    return { text: strict.decode(content), invalidUtf8At: null };
  } catch {
    const bad = firstInvalidByte(content);
    return { text: lenient.decode(content), invalidUtf8At: lineColumnOf(content, bad) };
  }
}

/**
 * The offset of the first byte that does not begin or continue a well-formed UTF-8
 * sequence (overlong forms, surrogates and code points above U+10FFFF are not
 * well-formed), or the length when every byte is fine.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** The length of the well-formed sequence at `i`, or 0 when there is none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return 1;
  // The allowed range of the second byte depends on the lead (Unicode table 3-7).
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    const byte = bytes[i + k];
    const min = k === 1 ? low : 0x80;
    const max = k === 1 ? high : 0xbf;
    if (byte === undefined || byte < min || byte > max) return 0;
  }
  return length;
}

function lineColumnOf(bytes: Uint8Array, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Everything before the first bad byte is well-formed, so it decodes exactly.
  const before = strict.decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}
