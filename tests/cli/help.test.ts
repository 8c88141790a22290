/** `rubric --help`, `rubric COMMAND --help`, `--version`, typos, and the README's command list. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { runBin } from '../support/cli.js';
import { makeSite } from '../support/site.js';

/** The lines of a help text's section (`Commands:`, `Options:`), up to the blank line. */
function section(help: string, title: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(title);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end).map((line) => line.trim());
}

/** `--root DIR   the site folder…` → `--root DIR`. */
const label = (line: string) => line.split(/ {2,}/)[0] ?? '';

/** The README's `### \`rubric X\`` subsections of Commands: name → first column of its table. */
function readmeCommands(readme: string): { name: string; options: string[] }[] {
  const start = readme.indexOf('\n## Commands\n');
  const end = readme.indexOf('\n## ', start + 1);
  const parts = readme.slice(start, end).split(/\n### `rubric (\w+)`\n/);
  const commands = [];
  for (let i = 1; i < parts.length; i += 2) {
    const lines = (parts[i + 1] ?? '').split('\n');
    const header = lines.findIndex((line) => line.startsWith('| option'));
    const end = lines.findIndex((line, at) => at > header && !line.startsWith('|'));
    // The option table: its rows after the header and the |---| line.
    const rows = lines.slice(header + 2, end < 0 ? undefined : end);
    const options = rows.map((row) => (row.split('|')[1] ?? '').trim().replaceAll('`', ''));
    commands.push({ name: parts[i] ?? '', options });
  }
  return commands;
}

describe('rubric help', () => {
  it("lists the commands, and each command's help lists every one of its options", async () => {
    const cwd = await makeSite({});
    const global = await runBin(['--help'], cwd);
    expect(global.code).toBe(0);
    const commands = section(global.stdout, 'Commands:').map(label);
    expect(commands).toEqual(['new', 'build', 'dev', 'import', 'clean']);
    const build = await runBin(['build', '--help'], cwd);
    expect(section(build.stdout, 'Options:').map(label)).toEqual([
      ...['--root DIR', '--out DIR', '--drafts', '--future', '--base-url URL', '--no-cache'],
      ...['-q, --quiet', '--json', '-h, --help'],
    ]);
    const dev = await runBin(['dev', '-h'], cwd);
    expect(section(dev.stdout, 'Options:').map(label)).toEqual([
      ...['--root DIR', '--out DIR', '--drafts', '--future', '--base-url URL', '--no-cache'],
      ...['--port N', '--host H', '--open', '-h, --help'],
    ]);
    expect(dev.stdout.split('\n')[0]).toBe(
      'rubric dev: build, serve and rebuild on every save, with live reload',
    );
  });

  it('has a README command section that lists every command and option in --help order', async () => {
    const cwd = await makeSite({});
    const readme = await readFile(path.join(packageRoot, 'README.md'), 'utf8');
    const documented = readmeCommands(readme);
    const global = await runBin(['--help'], cwd);
    expect(documented.map((c) => c.name)).toEqual(section(global.stdout, 'Commands:').map(label));
    for (const { name, options } of documented) {
      const help = await runBin([name, '--help'], cwd);
      expect(options, name).toEqual(section(help.stdout, 'Options:').map(label));
    }
  });

  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = await runBin(['--version'], await makeSite({}));
    expect(result).toEqual({ code: 0, stdout: `rubric ${pkg.version}\n`, stderr: '' });
  });

  it('names the nearest command or option for a typo', async () => {
    const cwd = await makeSite({});
    const command = await runBin(['biuld'], cwd);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe(
      'rubric: unknown command "biuld". Did you mean `rubric build`? Run `rubric --help`.\n',
    );
    const option = await runBin(['build', '--draft'], cwd);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe(
      'rubric build: unknown option --draft. Did you mean --drafts? Run `rubric build --help`.\n',
    );
    const far = await runBin(['build', '--zzzzzz'], cwd);
    expect(far.stderr).toBe('rubric build: unknown option --zzzzzz. Run `rubric build --help`.\n');
  });

  it('warns about a settings file under a near-miss name, naming site.yaml', async () => {
    const cwd = await makeSite({
      'site.yml': 'title: Mine\n',
      'posts/a.md': '---\ntitle: A\ndate: 2025-01-01\n---\nHi.\n',
    });
    const result = await runBin(['build'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'warning site.yml  site.yml is not read: Rubric reads its settings from site.yaml only, so this site is built with the defaults. Rename it to site.yaml (YAML), or delete it if it belongs to another tool. [ConfigFileName]',
    );
  });
});
