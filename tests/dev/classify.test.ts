/** The change classifier: a path in, a kind out, as a table. */
import { describe, expect, it } from 'vitest';
import { classify, type ChangeKind } from '../../src/session/classify.js';

describe('classify', () => {
  it.each<[string, ChangeKind]>([
    ['site.yaml', 'config'],
    ['posts/a.md', 'post'],
    ['posts/2025/04/a.markdown', 'post'],
    ['posts/notes.txt', 'static'],
    ['posts/2024-05-01-oman/photo.jpg', 'static'],
    ['posts/2024-05-01-oman.comments.yaml', 'comments'],
    ['posts/.hidden.md', 'ignored'],
    ['posts/.drafts/a.md', 'ignored'],
    ['posts/node_modules/a.md', 'ignored'],
    ['posts/a.md~', 'ignored'],
    ['posts/.a.md.swp', 'ignored'],
    ['posts/.a.md.swx', 'ignored'],
    ['posts/#a.md#', 'ignored'],
    ['posts/.#a.md', 'ignored'],
    ['posts/.DS_Store', 'ignored'],
    ['templates/post.hbs', 'template'],
    ['templates/layout.handlebars', 'template'],
    ['templates/partials/byline.hbs', 'partial'],
    ['templates/partials/widgets/about.hbs', 'partial'],
    ['templates/readme.md', 'ignored'],
    ['templates/.post.hbs.swp', 'ignored'],
    ['static/style.css', 'static'],
    ['static/.well-known/security.txt', 'static'],
    ['static/img/Thumbs.db', 'ignored'],
    ['static/style.css~', 'ignored'],
    ['dist/index.html', 'ignored'],
    ['README.md', 'ignored'],
    ['package.json', 'ignored'],
    ['src/cli.ts', 'ignored'],
    ['../posts/a.md', 'ignored'],
    ['', 'ignored'],
  ])('%s is %s', (file, kind) => {
    expect(classify(file, 'dist')).toBe(kind);
  });

  it('ignores the output folder wherever it is inside the site', () => {
    expect(classify('public/index.html', 'public')).toBe('ignored');
    expect(classify('dist/index.html', 'public')).toBe('ignored');
    expect(classify('site.yaml', 'public')).toBe('config');
  });

  it.each<[string, ChangeKind]>([
    ['posts/', 'folder'],
    ['posts/2025/', 'folder'],
    ['templates/partials/', 'folder'],
    ['static/img/', 'folder'],
    ['posts/.git/', 'ignored'],
    ['dist/', 'ignored'],
    ['node_modules/', 'ignored'],
  ])('the folder %s is %s', (folder, kind) => {
    expect(classify(folder, 'dist')).toBe(kind);
  });
});
