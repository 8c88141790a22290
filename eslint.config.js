// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const PURE_STAGE =
  'parse, model, route and render are pure: take values, return values. Read and write in load, write or an edge module (cache/, pool/), and pass the result in.';

export default tseslint.config(
  { ignores: ['node_modules/', 'lib/', 'dist/', 'coverage/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The pure stages take values and return values: only load, write and the edges
    // (cache, pool, dev, import, cli) touch the disk, threads or the process. The URL rule
    // (src/urls.ts) is imported by every pure stage, so it is held to the same.
    files: ['src/{parse,model,route,render}/**', 'src/urls.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'node:fs',
            'node:fs/promises',
            'fs',
            'fs/promises',
            'node:worker_threads',
            'worker_threads',
            'node:child_process',
            'child_process',
            'piscina',
          ].map((name) => ({ name, message: PURE_STAGE })),
          patterns: [{ group: ['**/cache/*', '**/pool/*'], message: PURE_STAGE }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: PURE_STAGE }],
      'no-restricted-properties': [
        'error',
        { object: 'globalThis', property: 'process', message: PURE_STAGE },
      ],
    },
  },
  {
    // Files a reader can hold in their head: docs/architecture.md, "Conventions". Comments
    // count toward a file (it is read whole) but not toward a function (a "why" above a
    // step should never be the reason to split it).
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80, skipComments: true, skipBlankLines: true }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
