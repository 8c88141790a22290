/**
 * Reading an export: the file is streamed through saxes, a SAX parser that keeps no
 * document in memory, checks well-formedness and namespaces, and never expands an
 * entity the XML standard does not define (a `<!DOCTYPE>` with `<!ENTITY x SYSTEM …>` is
 * not loaded, so `&x;` is an undefined-entity error rather than a file read). Each
 * `<entry>` becomes a small element tree handed on as soon as it closes.
 *
 * Blogger writes `<app:control><app:draft>yes</app:draft></app:control>` in its classic
 * exports, often without declaring the `app:` prefix; an undeclared `app:` is read as the
 * Atom Publishing Protocol namespace Blogger means. A declared one keeps its declaration.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** One XML element: its namespace and local name, attributes by local name, children. */
export interface XmlElement {
  readonly ns: string;
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (text and CDATA directly inside it), as the parser decoded it. */
  text: string;
  /** The line of its start tag in the export, for messages. */
  readonly line: number;
  /** The column where its start tag ends (exports are often one long line). */
  readonly column: number;
}

/** The root of an export and every entry in it. */
export interface XmlDocument {
  /** The root element, without its `<entry>` children. */
  readonly root: XmlElement;
  /** Every entry (by default each `<entry>` directly under the root), in file order. */
  readonly entries: readonly XmlElement[];
  /** Every namespace declared on the root element. */
  readonly rootNamespaces: readonly string[];
}

/**
 * Why an export could not be read as XML: the parser's words and where it stopped.
 * `truncated` when the file ends before its XML does (elements still open, a tag cut in
 * two, nothing at all): the mark of a download cut short, unlike a mistake inside the file.
 */
export class XmlReadError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly truncated: boolean,
  ) {
    super(message);
    this.name = 'XmlReadError';
  }
}

/** The Atom namespace, in which both export formats are written. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** The Atom Publishing Protocol draft namespace of Blogger's `<app:control>`. */
export const APP_NS = 'http://purl.org/atom/app#';

/**
 * Which elements are entries, handed on whole: by default Atom's `<entry>` under the root;
 * a WordPress export's are `<item>`s under `<channel>`.
 */
export type EntryTest = (element: XmlElement, parent: XmlElement, root: XmlElement) => boolean;

const ATOM_ENTRY: EntryTest = (element, parent, root) =>
  parent === root && element.name === 'entry';

/** Streams an XML file into its root and entries. Throws {@link XmlReadError} when it is not XML. */
export async function readXmlFile(file: string, isEntry = ATOM_ENTRY): Promise<XmlDocument> {
  const reader = createXmlReader(isEntry);
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    reader.write(chunk as string);
  }
  return reader.close();
}

function createXmlReader(isEntry: EntryTest): { write(chunk: string): void; close(): XmlDocument } {
  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    additionalNamespaces: { app: APP_NS },
  });
  const stack: XmlElement[] = [];
  const entries: XmlElement[] = [];
  let root: XmlElement | null = null;
  let rootNamespaces: string[] = [];
  let lastClosed: XmlElement | null = null;

  const fail = (error: unknown, atEnd: boolean): never => {
    const message = error instanceof Error ? error.message : String(error);
    // saxes prefixes its messages with `line:column: `; keep the words, return the place.
    const place = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(message);
    const words = (place?.[3] ?? message).trim().replace(/\.$/, '');
    const line = Number(place?.[1] ?? parser.line);
    // saxes counts the column of the last character read, 0 before the first one.
    const column = Math.max(1, Number(place?.[2] ?? parser.column));
    // Every check saxes makes at the end is about the file stopping too early.
    if (atEnd) throw new XmlReadError(endedEarly(stack, words), line, column, true);
    // On a close tag that matches nothing, saxes has just closed the element still open.
    const open = words === 'unexpected close tag' && lastClosed ? [lastClosed] : stack;
    throw new XmlReadError(malformed(open, words), line, column, false);
  };

  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      attrs[attribute.local] = attribute.value;
    }
    const element: XmlElement = {
      ns: tag.uri,
      name: tag.local,
      attrs,
      children: [],
      text: '',
      line: parser.line,
      column: parser.column,
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else {
      root = element;
      rootNamespaces = Object.values(tag.ns);
    }
    stack.push(element);
  });
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const element = stack.pop();
    lastClosed = element ?? null;
    const parent = stack.at(-1);
    // An entry is handed on whole and dropped from its parent, so the root stays small.
    if (element && parent && root && isEntry(element, parent, root)) {
      parent.children.pop();
      entries.push(element);
    }
  });

  return {
    write(chunk) {
      try {
        parser.write(chunk);
      } catch (error) {
        fail(error, false);
      }
    },
    close() {
      try {
        parser.close();
      } catch (error) {
        fail(error, true);
      }
      if (!root) throw new XmlReadError('the file has no root element', 1, 1, true);
      return { root, entries, rootNamespaces };
    },
  };
}

/**
 * saxes reads an entity up to the next `;`, so a bare `&` is reported far after it; the
 * element it stands in (named with its place) is where to look.
 */
const PLAINER: Readonly<Record<string, string>> = {
  'unexpected close tag': 'a close tag that does not match the open element,',
  'disallowed character in entity name':
    'an & that starts no entity (a bare & must be written &amp;; saxes read on to the next ;)',
};

/** A mistake inside a complete file, with the element it stands in. */
function malformed(open: readonly XmlElement[], words: string): string {
  const what = PLAINER[words] ?? words;
  const inside = open.at(-1);
  if (inside === undefined) return what;
  return `${what} inside <${inside.name}> (its start tag ends at line ${String(inside.line)}, column ${String(inside.column)})`;
}

/** What a file that stops too early left open: the innermost element still open, if any. */
function endedEarly(open: readonly XmlElement[], words: string): string {
  const innermost = open.at(-1);
  if (innermost === undefined) return `the file ends too early: ${words}`;
  return `the file ends while <${innermost.name}> (line ${String(innermost.line)}, column ${String(innermost.column)}) is still open`;
}

/** The first child of `element` called `name` in namespace `ns`. */
export function child(element: XmlElement, ns: string, name: string): XmlElement | undefined {
  return element.children.find((c) => c.ns === ns && c.name === name);
}

/** Every child of `element` called `name` in namespace `ns`. */
export function childrenOf(element: XmlElement, ns: string, name: string): XmlElement[] {
  return element.children.filter((c) => c.ns === ns && c.name === name);
}

/** The trimmed text of a child, or null when there is no such child or it is blank. */
export function childText(element: XmlElement, ns: string, name: string): string | null {
  const text = child(element, ns, name)?.text.trim();
  return text === undefined || text === '' ? null : text;
}
