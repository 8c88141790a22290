/**
 * Hugo shortcodes in a post body → plain Markdown or HTML. `{{< ref "x.md" >}}` and
 * `{{< relref >}}` become the other post's new URL, `{{< figure src=… >}}` a figure,
 * `{{< youtube ID >}}` and `{{< vimeo ID >}}` the embed, `{{< highlight go >}}…{{< /highlight >}}`
 * a fenced block. Any other shortcode is kept as written and reported with its line. Pure.
 */
import { embedHtml } from '../embeds.js';

/** A shortcode left as written, and its 1-based line in the body. */
export interface UnconvertedShortcode {
  readonly text: string;
  readonly line: number;
}

const PAIRED =
  /\{\{([<%])\s*highlight\s+([\w+#.-]+)[^>%]*?\s*[>%]\}\}\n?([\s\S]*?)\n?\{\{[<%]\s*\/highlight\s*[>%]\}\}/g;
const SHORTCODE =
  /\{\{([<%])(?!\/\*)\s*([\w-]+)((?:\s+(?:"[^"]*"|'[^']*'|`[^`]*`|[^\s>%]+))*)\s*[>%]\}\}/g;

/** Rewrites a body; `ref(target)` gives a post's new URL from the path Hugo was given. */
export function convertShortcodes(
  body: string,
  ref: (target: string) => string | undefined,
): { markdown: string; unconverted: UnconvertedShortcode[] } {
  const unconverted: UnconvertedShortcode[] = [];
  let text = body.replace(
    PAIRED,
    (_whole, _d, language: string, code: string) => `\`\`\`${language}\n${code}\n\`\`\``,
  );
  text = text.replace(SHORTCODE, (whole, _d, name: string, argText: string, offset: number) => {
    const args = parseArgs(argText);
    const first = args.positional[0] ?? '';
    switch (name) {
      case 'ref':
      case 'relref': {
        const url = ref(first.split('#')[0] ?? '');
        if (url !== undefined)
          return url + (first.includes('#') ? `#${first.split('#')[1] ?? ''}` : '');
        break;
      }
      case 'figure':
        return figure(args.named);
      case 'youtube': {
        const id = args.named.get('id') ?? first;
        if (id !== '') return embedHtml({ kind: 'youtube', id });
        break;
      }
      case 'vimeo': {
        const id = args.named.get('id') ?? first;
        if (id !== '') return embedHtml({ kind: 'vimeo', id });
        break;
      }
    }
    unconverted.push({ text: whole, line: text.slice(0, offset).split('\n').length });
    return whole;
  });
  return { markdown: text, unconverted };
}

function parseArgs(text: string): { named: Map<string, string>; positional: string[] } {
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (const m of text.matchAll(
    /([\w-]+)=(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+))|"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+)/g,
  )) {
    if (m[1] !== undefined) named.set(m[1], m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
    else positional.push(m[6] ?? m[7] ?? m[8] ?? m[9] ?? '');
  }
  return { named, positional };
}

function figure(named: ReadonlyMap<string, string>): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const src = esc(named.get('src') ?? '');
  const alt = esc(named.get('alt') ?? named.get('title') ?? named.get('caption') ?? '');
  const caption = named.get('caption') ?? named.get('title');
  const img = `<img src="${src}" alt="${alt}">`;
  const link = named.get('link');
  const media = link === undefined ? img : `<a href="${esc(link)}">${img}</a>`;
  return `<figure>${media}${caption === undefined ? '' : `<figcaption>${esc(caption)}</figcaption>`}</figure>`;
}
