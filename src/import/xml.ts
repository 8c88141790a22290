/**
 * Reading an export: the file is streamed through saxes, a SAX parser that keeps no
 * document in memory, checks well-formedness and namespaces, and never expands an
 * entity the XML standard does not define (a `<!DOCTYPE>` with `<!ENTITY x SYSTEM …>` is
 * not loaded, so `&x;` is an undefined-entity error rather than a file read). Each
 * `<entry>` becomes a small element tree handed on as soon as it closes.
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
}

/** The root of an export and every entry in it. */
export interface XmlDocument {
  /** The root element, without its `<entry>` children. */
  readonly root: XmlElement;
  /** Every `<entry>` directly under the root, in file order. */
  readonly entries: readonly XmlElement[];
  /** Every namespace declared on the root element. */
  readonly rootNamespaces: readonly string[];
}

/** Why an export could not be read as XML: the parser's words and where it stopped. */
export class XmlReadError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'XmlReadError';
  }
}

/** The Atom namespace, in which both export formats are written. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** Streams an XML file into its root and entries. Throws {@link XmlReadError} when it is not XML. */
export async function readXmlFile(file: string): Promise<XmlDocument> {
  const reader = createXmlReader();
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    reader.write(chunk as string);
  }
  return reader.close();
}

function createXmlReader(): { write(chunk: string): void; close(): XmlDocument } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  const entries: XmlElement[] = [];
  let root: XmlElement | null = null;
  let rootNamespaces: string[] = [];

  const fail = (error: unknown): never => {
    const message = error instanceof Error ? error.message : String(error);
    // saxes prefixes its messages with `line:column: `; keep the words, return the place.
    const place = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(message);
    throw new XmlReadError(
      (place?.[3] ?? message).trim(),
      Number(place?.[1] ?? parser.line),
      Number(place?.[2] ?? parser.column),
    );
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
    const parent = stack.at(-1);
    // An entry is handed on whole and dropped from the root, so the root stays small.
    if (element && parent && parent === root && element.name === 'entry') {
      parent.children.pop();
      entries.push(element);
    }
  });

  return {
    write(chunk) {
      try {
        parser.write(chunk);
      } catch (error) {
        fail(error);
      }
    },
    close() {
      try {
        parser.close();
      } catch (error) {
        fail(error);
      }
      if (!root) throw new XmlReadError('the file has no root element', 1, 1);
      return { root, entries, rootNamespaces };
    },
  };
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
