/**
 * The pages Rubric writes itself rather than through the theme. A redirect page is the
 * same few lines whatever the theme: a meta refresh for browsers, a canonical link for
 * search engines, and a plain link for everyone else; no JavaScript. A `_redirects` file
 * is one `FROM TO 301` rule a line, the format Netlify and Cloudflare Pages read.
 */
import type { Page } from '../route/view.js';

type BuiltInPage = Extract<Page, { template: 'redirect' | 'redirects' }>;

/** Renders a built-in page; `escape` is the build's Handlebars escaper. */
export function renderBuiltIn(page: BuiltInPage, escape: (text: string) => string): string {
  if (page.template === 'redirects') {
    const lines = page.data.rules.map((rule) => `${rule.from} ${rule.to} 301`);
    return `# Old addresses (post aliases, imported blogs' pages), written by Rubric.\n${lines.join('\n')}\n`;
  }
  const { site, target, movedTo } = page.data;
  const link = `<a href="${escape(target.url)}">${escape(target.title)}</a>`;
  const [before = '', ...after] = movedTo.split('{link}');
  const sentence = `${escape(before)}${link}${escape(after.join('{link}'))}`;
  return `<!DOCTYPE html>
<html lang="${escape(site.language)}">
<head>
<meta charset="utf-8">
<title>${escape(target.title)}</title>
<link rel="canonical" href="${escape(target.canonical)}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${escape(target.url)}">
</head>
<body>
<p>${sentence}</p>
</body>
</html>
`;
}
