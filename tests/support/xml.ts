/**
 * Reading the XML a build writes: checked for well-formedness by a strict XML parser
 * first, then read by a real feed parser (feeds) or as a plain XML tree (sitemaps).
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { expect } from 'vitest';

/**
 * Fails the test, with the parser's own words, unless `xml` is well-formed XML 1.0 with
 * namespaces. saxes is a conformant parser: it also rejects characters XML cannot hold.
 */
export function expectWellFormed(xml: string): void {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => problems.push(error.message));
  parser.write(xml).close();
  expect(problems).toEqual([]);
}

/** A feed as a feed reader sees it, after checking that it is well-formed XML. */
export function readFeed(xml: string): ReturnType<typeof parseFeed> {
  expectWellFormed(xml);
  return parseFeed(xml);
}

/** A plain XML tree (attributes as `@_name`, elements that may repeat always as arrays). */
export function readXml(xml: string, repeated: readonly string[] = []): Record<string, unknown> {
  expectWellFormed(xml);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => repeated.includes(name),
  });
  return parser.parse(xml) as Record<string, unknown>;
}
