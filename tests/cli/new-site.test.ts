/** `rubric new site DIR`: a blog that builds, links right, and deploys from GitHub. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runBin } from '../support/cli.js';
import { crawl } from '../support/crawl.js';
import { listFiles } from '../support/site.js';

const tempFolder = () => mkdtemp(path.join(tmpdir(), 'rubric-new-site-'));

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Workflow {
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, { readonly needs?: string; readonly steps: readonly Step[] }>;
}

describe('rubric new site', () => {
  it('writes a blog that builds with no warning and whose every link leads somewhere', async () => {
    const cwd = await tempFolder();
    const made = await runBin(['new', 'site', 'my-blog'], cwd);
    expect(made.code).toBe(0);
    expect(made.stderr).toBe('');
    const root = path.join(cwd, 'my-blog');
    const files = await listFiles(root);
    const first = files.find((f) => f.startsWith('posts/'));
    expect(first).toMatch(/^posts\/\d{4}-\d{2}-\d{2}-hello-world\.md$/);
    expect(files.sort()).toEqual(
      ['.github/workflows/pages.yml', '.gitignore', 'package.json', first, 'site.yaml'].sort(),
    );
    expect(made.stdout.trim().split('\n').at(-1)).toBe(
      'new site in my-blog/: cd my-blog && npm install && npm run dev',
    );

    const built = await runBin(['build'], root);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^built \d+ pages from 1 posts in \d+\.\d s into dist\/\n$/);
    const { checked, broken } = await crawl(path.join(root, 'dist'), 'https://example.org/');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it('comments every setting, ignores the output and the cache, and depends on rubric', async () => {
    const cwd = await tempFolder();
    await runBin(['new', 'site', 'blog'], cwd);
    const root = path.join(cwd, 'blog');
    const settings = await readFile(path.join(root, 'site.yaml'), 'utf8');
    const keys = [
      ...['title', 'description', 'baseUrl', 'language', 'timezone', 'author', 'postsPerPage'],
      ...['permalink', 'labelSlugs', 'bloggerRedirects', 'redirects', 'feedContent', 'feedLimit'],
      ...['labelIndex', 'relatedPosts', 'linkCheck', 'words', 'theme'],
    ];
    const lines = settings.split('\n');
    for (const key of keys) {
      const at = lines.findIndex((line) => new RegExp(`^(# )?${key}:`).test(line));
      expect(at, key).toBeGreaterThan(0);
      // The line above a key is the comment that explains it.
      expect(lines[at - 1], key).toMatch(/^# \S/);
    }
    expect((await readFile(path.join(root, '.gitignore'), 'utf8')).split('\n')).toEqual(
      expect.arrayContaining(['dist/', '.cache/', 'node_modules/']),
    );
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.scripts).toEqual({ build: 'rubric build', dev: 'rubric dev' });
    expect(pkg.dependencies).toEqual({ rubric: '^0.1.0' });
  });

  it('writes a Pages workflow that restores the cache, builds with the Pages URL, and deploys', async () => {
    const cwd = await tempFolder();
    await runBin(['new', 'site', 'blog'], cwd);
    const text = await readFile(path.join(cwd, 'blog/.github/workflows/pages.yml'), 'utf8');
    const workflow = parse(text) as Workflow;
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    const build = workflow.jobs.build?.steps ?? [];
    const uses = build.map((step) => step.uses?.split('@')[0] ?? step.run?.split(' ')[0]);
    expect(uses).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'npm',
      'actions/configure-pages',
      'actions/cache',
      'npx',
      'actions/upload-pages-artifact',
    ]);
    const cache = build.find((step) => step.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('.cache/rubric');
    const run = build.find((step) => step.run?.startsWith('npx'));
    expect(run?.run).toBe('npx rubric build --base-url "${{ steps.pages.outputs.base_url }}/"');
    expect(build.at(-1)?.with).toEqual({ path: 'dist' });
    expect(workflow.jobs.deploy?.needs).toBe('build');
    expect(workflow.jobs.deploy?.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
  });

  it('refuses a folder that is not empty, unless --force', async () => {
    const cwd = await tempFolder();
    const root = path.join(cwd, 'notes');
    await runBin(['new', 'site', 'notes'], cwd);
    await writeFile(path.join(root, 'site.yaml'), 'title: Mine\n');
    const refused = await runBin(['new', 'site', 'notes'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('notes is not empty');
    expect(await readFile(path.join(root, 'site.yaml'), 'utf8')).toBe('title: Mine\n');
    const forced = await runBin(['new', 'site', 'notes', '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(root, 'site.yaml'), 'utf8')).toContain('title: "notes"');
  });

  it('asks nothing when its input is not a terminal', async () => {
    // execFile gives the child a pipe for stdin that never sends anything: a question would hang.
    const done = await runBin(['new', 'site', 'quiet'], await tempFolder());
    expect(done.code).toBe(0);
  });
});
