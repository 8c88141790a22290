#!/usr/bin/env node
/* global console, process, URL */
/**
 * `npm run bench`: the build table beside the peers (bench/bench.js), then what embeds and
 * math cost the renderer (bench/body-syntax.js), then what each reader feature costs a
 * build (bench/features.js). One script rather than `a && b && c` in package.json, since
 * npm appends `npm run bench -- ARGS` to the last command only.
 *
 *   npm run bench                                  # everything, default sizes
 *   npm run bench -- --sizes 4000 --peers none --no-dev --no-syntax --no-features
 *   npm run bench -- --features-size 1000 --features-runs 3
 *
 * Its own options: --no-syntax, --no-features (skip those sections), --features-size N
 * (default 4000), --features-runs N (default 1). Every other option goes to bench/bench.js
 * (see `node bench/bench.js --help`); --work, --bench and --rubric go to the others too.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const OWN_FLAGS = new Set(['--no-syntax', '--no-features']);
const OWN_VALUES = new Set(['--features-size', '--features-runs']);
const SHARED = new Set(['--work', '--bench', '--rubric']);

/** The arguments split: this script's options, bench.js's, and those every section takes. */
function split(argv) {
  const own = new Map();
  const build = [];
  /** [flag, value] pairs. */
  const shared = [];
  for (let at = 0; at < argv.length; at++) {
    const [flag, inline] = argv[at].split(/=(.*)/s);
    const value = () => inline ?? argv[++at];
    if (OWN_FLAGS.has(flag)) own.set(flag, true);
    else if (OWN_VALUES.has(flag)) own.set(flag, value());
    else if (SHARED.has(flag)) {
      const v = value();
      build.push(flag, v);
      shared.push([flag, v]);
    } else build.push(argv[at]);
  }
  return { own, build, shared };
}

function run(script, args) {
  const result = spawnSync(process.execPath, [here(script), ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { own, build, shared } = split(process.argv.slice(2));
if (build.includes('--help') || build.includes('-h')) {
  const doc = /\/\*\*([\s\S]*?)\*\//.exec(readFileSync(here('all.js'), 'utf8'))?.[1] ?? '';
  console.log(`${doc.replace(/^ \* ?/gm, '').trim()}\n\nbench/bench.js:\n`);
  run('bench.js', ['--help']);
  process.exit(0);
}
run('bench.js', build);
if (!own.has('--no-syntax')) {
  // The renderer benchmark imports this checkout's lib/: it takes no --rubric.
  run('body-syntax.js', shared.filter(([flag]) => flag !== '--rubric').flat());
}
if (!own.has('--no-features')) {
  const size = own.get('--features-size') ?? '4000';
  const runs = own.get('--features-runs') ?? '1';
  console.log('');
  run('features.js', ['--size', size, '--runs', runs, ...shared.flat()]);
}
