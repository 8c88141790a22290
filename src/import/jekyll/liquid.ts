/**
 * The Liquid a Jekyll post body holds → plain Markdown. Rubric runs no template code in
 * posts, so each tag that only made a link or a code block is rewritten:
 *
 * - `{{ site.baseurl }}`, `{{ site.url }}` → nothing (links become site paths);
 * - `{{ "/x" | relative_url }}`, `absolute_url`, `prepend: site.baseurl` → `/x`;
 * - `{% post_url 2024-01-02-name %}`, `{% link _posts/2024-01-02-name.md %}` → the new URL;
 * - `{% highlight ruby %}…{% endhighlight %}` → a fenced block;
 * - `{% raw %}…{% endraw %}` → what is inside, as written.
 *
 * Any other tag is kept as written and reported with its line. Pure.
 */

/** Finds the new URL of a post (`post_url` name) or file (`link` path). */
export interface LiquidLinks {
  readonly postUrl: (name: string) => string | undefined;
  readonly linkUrl: (file: string) => string | undefined;
}

/** A tag left as written: what it is and its 1-based line in the body. */
export interface Unconverted {
  readonly text: string;
  readonly line: number;
}

const RAW = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g;
const HIGHLIGHT =
  /\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}\n?([\s\S]*?)\n?\{%-?\s*endhighlight\s*-?%\}/g;
const POST_URL = /\{%-?\s*post_url\s+([^\s%]+)\s*-?%\}/g;
const LINK = /\{%-?\s*link\s+([^\s%]+)\s*-?%\}/g;
const SITE_VAR = /\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}/g;
const FILTERED =
  /\{\{-?\s*(["'])([^"']*)\1\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.baseurl)\s*-?\}\}/g;
const ANY_TAG = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g;

/** Rewrites a body; the tags it could not are reported and stay. */
export function convertLiquid(
  body: string,
  links: LiquidLinks,
): { markdown: string; unconverted: Unconverted[] } {
  const kept: string[] = [];
  const unconverted: Unconverted[] = [];
  const keep = (text: string) => {
    kept.push(text);
    return `\uE000${String(kept.length - 1)}\uE000`;
  };
  let text = body.replace(RAW, (_whole, inside: string) => keep(inside));
  text = text.replace(HIGHLIGHT, (_whole, language: string, code: string) =>
    keep(`\`\`\`${language}\n${code}\n\`\`\``),
  );
  text = text.replace(POST_URL, (whole, name: string) => links.postUrl(name) ?? whole);
  text = text.replace(LINK, (whole, file: string) => links.linkUrl(file) ?? whole);
  text = text.replace(SITE_VAR, '').replace(FILTERED, (_whole, _q, url: string) => url);
  for (const match of text.matchAll(ANY_TAG)) {
    unconverted.push({ text: match[0], line: lineOf(text, match.index, kept) });
  }
  const markdown = text.replace(/\uE000(\d+)\uE000/g, (_whole, i: string) => kept[Number(i)] ?? '');
  return { markdown, unconverted };
}

/** The line of `offset` in the original body: placeholders stand for their lines. */
function lineOf(text: string, offset: number, kept: readonly string[]): number {
  const before = text
    .slice(0, offset)
    .replace(/\uE000(\d+)\uE000/g, (_w, i: string) => kept[Number(i)] ?? '');
  return before.split('\n').length;
}
