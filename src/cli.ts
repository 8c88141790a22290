/** The command line; see `cli/main.ts`. Kept so `bin/rubric.js` and callers import one path. */
export { COMMANDS, EXIT, exitCodeOf, main, run, version, type CliIO } from './cli/main.js';
