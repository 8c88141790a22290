#!/usr/bin/env node
// Incremental rebuild benchmark for `rubric dev`.
//
//   npm run bench:rebuild [-- --posts 4000 --edits 9 --generator PATH]
//   node bench/rebuild.js --corpus DIR --json FILE   # as `npm run bench` runs it
//
// Builds a generated corpus once, then saves one post at a time and measures, as a
// median over the edits:
//   engine  from the save to the last output file written, calling the rebuilder
//           directly with the changed path (what the session and writer cost);
//   watch   the same through the real watcher (chokidar event + the 10 ms quiet spell
//           + rebuild), as `rubric dev` runs it.
// The engine line also gives the process's CPU time per rebuild (all its threads), which
// a busy machine disturbs less than wall time.
// for a body edit (a paragraph appended) and a label change (a label swapped for
// another), each edit on a different post, after three unmeasured warm-up saves.
// Targets: body < 50 ms, label < 150 ms.
// --corpus DIR copies a corpus made already (DIR/posts) instead of generating one;
// --json FILE also writes the medians there (ms; CPU ms; the load average at the end).
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRebuilder } from '../lib/dev/rebuild.js';
import { dev } from '../lib/dev/dev.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const POSTS = Number(option('posts', '4000'));
const EDITS = Number(option('edits', '9'));
const CORPUS = option('corpus', null);
const JSON_OUT = option('json', null);

/** The corpus generator: --generator, else ../shared/bench/gen-corpus.mjs above the repo. */
function generator() {
  const given = option('generator', process.env.RUBRIC_CORPUS_GENERATOR);
  if (given) return path.resolve(given);
  for (let dir = path.resolve(here, '..'); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'bench', 'gen-corpus.mjs');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir)
      throw new Error('gen-corpus.mjs not found; pass --generator PATH');
  }
}

const print = (line) => process.stdout.write(`${line}\n`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const scratch = mkdtempSync(path.join(tmpdir(), 'rubric-bench-rebuild-'));
const root = path.join(scratch, 'site');
try {
  if (CORPUS) {
    cpSync(path.join(CORPUS, 'posts'), path.join(root, 'posts'), { recursive: true });
  } else {
    const corpus = path.join(scratch, 'corpus');
    execFileSync(process.execPath, [generator(), '--posts', String(POSTS), '--out', corpus], {
      stdio: 'ignore',
    });
    cpSync(corpus, root, { recursive: true });
  }
  const files = readdirSync(path.join(root, 'posts'))
    .filter((f) => f.endsWith('.md'))
    .sort();
  // Different posts for each edit, spread over the corpus.
  const targets = Array.from(
    { length: EDITS * 4 },
    (_, i) => `posts/${files[Math.floor(((i + 0.5) * files.length) / (EDITS * 4))]}`,
  );

  const bodyEdit = (file, n) => {
    const abs = path.join(root, file);
    writeFileSync(abs, `${readFileSync(abs, 'utf8')}\nA new paragraph, edit ${n}.\n`);
  };
  const labelEdit = (file) => {
    const abs = path.join(root, file);
    const text = readFileSync(abs, 'utf8');
    // Swap the first label for another, or add one when the post has none.
    const swapped = text.replace(/^labels:\n {2}- .*$/m, 'labels:\n  - Oman and the Gulf');
    writeFileSync(
      abs,
      swapped !== text ? swapped : text.replace(/^---\n/, '---\nlabels: [Oman and the Gulf]\n'),
    );
  };

  const results = {};
  {
    const rebuilder = createRebuilder({ root });
    let started = performance.now();
    const first = await rebuilder.rebuild();
    if (first.run.errors.length > 0) throw new Error(first.run.errors[0].message);
    print(
      `corpus: ${files.length} posts, ${first.run.files.length} pages; first build ${Math.round(performance.now() - started)} ms`,
    );
    // A few unmeasured saves first: a preview session is warm after its first edits.
    for (let i = 0; i < 3; i++) {
      const file = `posts/${files[i]}`;
      bodyEdit(file, i);
      await rebuilder.rebuild([file]);
    }
    for (const [kind, edit] of [
      ['body', bodyEdit],
      ['label', labelEdit],
    ]) {
      const times = [];
      const cpuTimes = [];
      const stages = [];
      const rendered = [];
      for (let i = 0; i < EDITS; i++) {
        const file = targets[(kind === 'body' ? 0 : EDITS) + i];
        started = performance.now();
        const cpuBefore = process.cpuUsage();
        edit(file, i);
        const result = await rebuilder.rebuild([file]);
        times.push(performance.now() - started);
        const cpu = process.cpuUsage(cpuBefore);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
        stages.push({ ...result.run.timings, write: result.writeMs });
        rendered.push(result.run.rendered.length);
      }
      results[`engine ${kind}`] = {
        median: median(times),
        cpu: median(cpuTimes),
        rendered: median(rendered),
        stages: Object.keys(stages[0])
          .map((stage) => `${stage} ${median(stages.map((s) => s[stage])).toFixed(1)}`)
          .join(', '),
      };
    }
  }
  {
    let resolveBuilt = () => {};
    const server = await dev({
      root,
      port: 0,
      strictPort: false,
      host: '127.0.0.1',
      log: (line) => {
        if (/ changed: /.test(line)) resolveBuilt();
      },
    });
    for (const [kind, edit] of [
      ['body', bodyEdit],
      ['label', labelEdit],
    ]) {
      const times = [];
      for (let i = 0; i < EDITS; i++) {
        const file = targets[(kind === 'body' ? 2 * EDITS : 3 * EDITS) + i];
        const built = new Promise((resolve) => (resolveBuilt = resolve));
        const started = performance.now();
        edit(file, i);
        await built;
        times.push(performance.now() - started);
        await server.idle();
      }
      results[`watch ${kind}`] = { median: median(times) };
    }
    await server.close();
  }
  for (const [name, r] of Object.entries(results)) {
    const target = name.endsWith('body') ? 50 : 150;
    const extra =
      r.rendered === undefined ? '' : `, CPU ${r.cpu.toFixed(1)} ms, ${r.rendered} pages rendered`;
    print(
      `${name.padEnd(13)} median ${r.median.toFixed(1).padStart(6)} ms (target < ${target} ms${extra})`,
    );
    if (r.stages) print(`${''.padEnd(13)} median ms per stage: ${r.stages}`);
  }
  // The machine's load: medians from a busy machine are not the tool's own speed.
  print(
    `load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ ...results, load: loadavg()[0] }));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
