/**
 * What each page template consumes: its own text, the layout's, and the partials it
 * names, followed through partials that name others. A page is rendered again when this
 * changes. A partial named at run time (`{{> (whichPartial) }}`) could be any of them,
 * so a template that does that depends on every partial.
 */
import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import type { TemplateSource } from '../load/load.js';

/** For each page template name, a digest of every template text it depends on. */
export type TemplateDigests = ReadonlyMap<string, string>;

/** Digests the theme, per page template. */
export function digestTemplates(templates: readonly TemplateSource[]): TemplateDigests {
  const partials = new Map<string, TemplateSource>();
  for (const t of templates) if (t.kind === 'partial') partials.set(t.name, t);
  const named = new Map<string, ReadonlySet<string> | 'all'>();
  const namedBy = (source: TemplateSource) => {
    const key = `${source.kind}:${source.name}`;
    let found = named.get(key);
    if (!found) {
      found = partialNames(source.text);
      named.set(key, found);
    }
    return found;
  };

  const layout = templates.find((t) => t.kind === 'page' && t.name === 'layout');
  const digests = new Map<string, string>();
  for (const page of templates) {
    if (page.kind !== 'page') continue;
    const used = new Map<string, TemplateSource>();
    const queue = [page, ...(layout && layout !== page ? [layout] : [])];
    for (const t of queue) used.set(`${t.kind}:${t.name}`, t);
    while (queue.length > 0) {
      const next = queue.pop() as TemplateSource;
      const names = namedBy(next);
      const wanted = names === 'all' ? [...partials.keys()] : [...names];
      for (const name of wanted) {
        const partial = partials.get(name);
        if (!partial || used.has(`partial:${name}`)) continue;
        used.set(`partial:${name}`, partial);
        queue.push(partial);
      }
    }
    const hash = createHash('sha256');
    for (const key of [...used.keys()].sort()) {
      hash.update(`${key}\0${used.get(key)?.text ?? ''}\0`);
    }
    digests.set(page.name, hash.digest('hex'));
  }
  return digests;
}

/** The partials a template names, or `all` when it names one at run time or does not parse. */
function partialNames(text: string): ReadonlySet<string> | 'all' {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(text);
  } catch {
    return 'all';
  }
  const names = new Set<string>();
  const found = { dynamic: false };
  const visitor = new Handlebars.Visitor();
  // The types say a partial is named by a path or a subexpression; Handlebars also
  // accepts a string (`{{> "name"}}`).
  const note = (name: hbs.AST.Node) => {
    if (name.type === 'PathExpression') names.add((name as hbs.AST.PathExpression).original);
    else if (name.type === 'StringLiteral') names.add((name as hbs.AST.StringLiteral).value);
    else found.dynamic = true;
  };
  visitor.PartialStatement = function (partial) {
    note(partial.name);
  };
  visitor.PartialBlockStatement = function (partial) {
    note(partial.name);
    this.acceptKey(partial, 'program');
  };
  visitor.accept(program);
  return found.dynamic ? 'all' : names;
}
