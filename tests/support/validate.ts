/**
 * html-validate set to judge structure: what a parser repairs (stray and missing end
 * tags, misnested elements, duplicate ids, references to missing ids), not what the
 * author of a post chose to write. The rules turned off are about content an old post
 * carries as its author wrote it, or about the theme (part of other tests).
 */
import { HtmlValidate } from 'html-validate';

export const structureValidator = new HtmlValidate({
  extends: ['html-validate:standard', 'html-validate:document'],
  // `<param>` is allowed in `<object>` (HTML's content model), but the validator checks
  // it against the parent of the transparent `<object>`; this tells it what HTML says.
  elements: ['html5', { param: { phrasing: true, flow: true } }],
  rules: {
    // The author's: inline styles, `border="0"`, titles of embeds, alt text, link text,
    // `type="text/javascript"`, a headline's length.
    'no-inline-style': 'off',
    'no-deprecated-attr': 'off',
    'element-required-attributes': 'off',
    'wcag/h30': 'off',
    'wcag/h37': 'off',
    'script-type': 'off',
    'long-title': 'off',
    // The theme's: a local stylesheet needs no SRI; headings per page are issue 11 part 8.
    'require-sri': 'off',
    'heading-level': 'off',
  },
});

/** Every message the validator has about a page, as `line:column rule message`. */
export async function structureProblems(html: string, name: string): Promise<string[]> {
  const report = await structureValidator.validateString(html, name);
  return report.results.flatMap((result) =>
    result.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
  );
}
