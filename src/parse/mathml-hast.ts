/**
 * KaTeX's MathML, as a hast element. KaTeX writes a string; reading it back into the
 * tree (with saxes, since KaTeX's MathML is well-formed XML) keeps the body one tree,
 * so word counts, summaries and the HTML writer see the formula as elements and text,
 * and the raw-HTML pass is not woken up by every formula.
 *
 * Kept: the presentation MathML that browsers draw. Dropped: KaTeX's `<span
 * class="katex">` wrapper, the `xmlns` (HTML needs none) and the TeX `<annotation>` with
 * its `<semantics>` wrapper, which would double each formula's bytes and its text in
 * summaries and reading time.
 */
import type { Element, ElementContent } from 'hast';
import { SaxesParser } from 'saxes';

/** The `<math>` element of KaTeX's output. */
export function mathmlToHast(markup: string): Element {
  const parser = new SaxesParser();
  const root: Element = { type: 'element', tagName: 'root', properties: {}, children: [] };
  const open: Element[] = [root];
  let skipping = 0;
  parser.on('opentag', (tag) => {
    if (skipping > 0 || tag.name === 'annotation') {
      skipping += 1;
      return;
    }
    const element: Element = {
      type: 'element',
      tagName: tag.name,
      properties: propertiesOf(tag.attributes),
      children: [],
    };
    open.at(-1)?.children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => {
    if (skipping > 0) skipping -= 1;
    else open.pop();
  });
  parser.on('text', (text) => {
    if (skipping === 0) open.at(-1)?.children.push({ type: 'text', value: text });
  });
  parser.write(markup).close();
  const math = findMath(root);
  if (math === null) throw new Error('KaTeX wrote no <math> element');
  math.children = math.children.flatMap(unwrapSemantics);
  return math;
}

/** hast properties: `class` as a class list, as hast keeps it; no `xmlns`. */
function propertiesOf(attributes: Record<string, string>): Element['properties'] {
  const properties: Element['properties'] = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'xmlns') continue;
    properties[name === 'class' ? 'className' : name] =
      name === 'class' ? value.split(/\s+/).filter(Boolean) : value;
  }
  return properties;
}

function findMath(element: Element): Element | null {
  if (element.tagName === 'math') return element;
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    const found = findMath(child);
    if (found !== null) return found;
  }
  return null;
}

/** `<semantics>` holding one presentation element (the annotation is gone): that element. */
function unwrapSemantics(node: ElementContent): ElementContent[] {
  return node.type === 'element' && node.tagName === 'semantics' ? node.children : [node];
}
