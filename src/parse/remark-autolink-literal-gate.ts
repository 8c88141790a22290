/**
 * GFM autolink literals (`www.example.com`, `https://…`, `someone@example.org`) at the cost
 * of the few places that can hold one, rather than of every word.
 *
 * remark-gfm's micromark extension registers its autolink constructs on every letter and
 * digit, guarded only by the character before: so at the start of each word micromark ends
 * the run of plain text, tries the e-mail construct (which reads the whole word looking for
 * an `@`), fails, and starts a new run. That was a third of the Markdown parse. This plugin,
 * used after remark-gfm, adds a second guard to those same constructs: the place must be
 * one where a literal can start, found by one scan of the document before it is parsed
 * (`www.` and `http://`/`https://`, any case; the run of e-mail characters before an
 * `@`). Everywhere else the text run simply goes on. The constructs themselves are
 * unchanged, so wherever they are tried they decide as before, and the tree is the same
 * (the GFM spec's autolink examples are a test: `tests/unit/autolink-literals.test.ts`).
 * remark-gfm's own tree transform, which finds `mailto:`, `xmpp:` and literals split by
 * other syntax, runs as before.
 */
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import type { Code, Construct, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';

/** Where an autolink literal may start in the document being parsed: a flag per offset. */
interface Gate {
  starts: Uint8Array | null;
}

/** `www.` and the two protocols GFM links, in any case. */
const URL_START = /www\.|https?:\/\//gi;

/**
 * Replaces remark-gfm's autolink literal constructs with guarded copies, and has the
 * parser scan each document for the places they may start before parsing it.
 */
export default function remarkAutolinkLiteralGate(this: Processor): undefined {
  const gate: Gate = { starts: null };
  const guarded = new Map<Construct, Construct>();
  for (const construct of autolinkConstructs()) guarded.set(construct, guard(construct, gate));
  const extensions = this.data('micromarkExtensions') ?? [];
  for (const extension of extensions) {
    const text = extension.text ?? {};
    for (const [code, constructs] of Object.entries(text)) {
      if (Array.isArray(constructs)) text[code] = constructs.map((c) => guarded.get(c) ?? c);
      else if (constructs) text[code] = guarded.get(constructs) ?? constructs;
    }
  }
  const parse = this.parser;
  if (!parse) throw new Error('remark-autolink-literal-gate must come after remark-parse.');
  this.parser = (document, file) => {
    gate.starts = autolinkStarts(document);
    try {
      return parse(document, file);
    } finally {
      gate.starts = null;
    }
  };
  return undefined;
}

/** The construct objects of micromark's autolink literal extension (the ones remark-gfm uses). */
export function autolinkConstructs(): Set<Construct> {
  const text = gfmAutolinkLiteral().text ?? {};
  return new Set(Object.values(text).flatMap((constructs) => constructs ?? []));
}

/** A copy of `construct` that is also held back where the scan found no possible start. */
function guard(construct: Construct, gate: Gate): Construct {
  const previous = construct.previous;
  return {
    ...construct,
    previous(this: TokenizeContext, code: Code): boolean {
      if (previous && !previous.call(this, code)) return false;
      const starts = gate.starts;
      return starts === null || starts[this.now().offset] === 1;
    },
  };
}

/**
 * The offsets where an autolink literal may start, or null to allow every one. micromark's
 * offsets are UTF-16 indices into the document, except after a byte order mark, which it
 * skips: such a document is not gated.
 */
export function autolinkStarts(document: string): Uint8Array | null {
  if (document.charCodeAt(0) === 0xfeff) return null;
  const starts = new Uint8Array(document.length + 1);
  for (const match of document.matchAll(URL_START)) starts[match.index] = 1;
  // An e-mail literal starts somewhere in the run of its characters before an `@`.
  for (let at = document.indexOf('@'); at !== -1; at = document.indexOf('@', at + 1)) {
    for (let i = at - 1; i >= 0 && isEmailCharacter(document.charCodeAt(i)); i--) starts[i] = 1;
  }
  return starts;
}

/** GFM's e-mail characters before the `@`: ASCII letters and digits, `+`, `-`, `.`, `_`. */
function isEmailCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 43 ||
    code === 45 ||
    code === 46 ||
    code === 95
  );
}
