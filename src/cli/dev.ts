/** `rubric dev`: serves until `io.stop` fires. The dev modules are loaded only now. */
import {
  EXIT,
  HELP_OPTION,
  flag,
  notASite,
  rootOf,
  text,
  usageError,
  type CliIO,
  type Colors,
  type CommandSpec,
  type Values,
} from './args.js';
import { SITE_OPTIONS, siteOptions } from './build.js';

export const DEV: CommandSpec = {
  name: 'dev',
  summary: 'build, serve and rebuild on every save, with live reload',
  usage: [
    'rubric dev [--root DIR] [--out DIR] [--drafts] [--future] [--base-url URL] [--no-cache] [--port 4000] [--host 127.0.0.1] [--open]',
  ],
  options: [
    ...SITE_OPTIONS,
    {
      name: 'port',
      type: 'string',
      value: 'N',
      help: 'the port to serve on; default: 4000, or the next free one',
    },
    {
      name: 'host',
      type: 'string',
      value: 'H',
      help: 'the address to listen on; default: 127.0.0.1',
    },
    { name: 'open', type: 'boolean', help: 'open the preview in the browser' },
    HELP_OPTION,
  ],
  positionals: false,
  notes: ['Stop it with Ctrl+C.'],
};

export async function runDev(values: Values, io: CliIO, colors: Colors): Promise<number> {
  const portText = text(values, 'port');
  const port = portText === undefined ? 4000 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return usageError(
      io,
      colors,
      'dev',
      `--port must be a number from 0 to 65535, not "${portText ?? ''}".`,
    );
  const root = rootOf(values, io);
  const refused = await notASite(root, 'dev', io, colors);
  if (refused !== null) return refused;
  const { dev, PortInUseError } = await import('../dev/dev.js');
  let server;
  try {
    server = await dev({
      ...siteOptions(values, io, root),
      port,
      strictPort: portText !== undefined,
      host: text(values, 'host') ?? '127.0.0.1',
      log: (line, problem) => {
        if (!problem) io.out(line);
        else if (problem.severity === 'error') io.err(`${colors.red('error')} ${line}`);
        else io.out(`${colors.yellow('warning')} ${line}`);
      },
    });
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    io.err(
      colors.red(`rubric dev: port ${error.port} is already in use.`) +
        ' Stop whatever is using it, or choose another port with --port.',
    );
    return EXIT.usage;
  }
  io.out(`${colors.green('serving')} ${server.url} (Ctrl+C to stop)`);
  io.onServing?.(server.url);
  if (flag(values, 'open')) {
    const url = server.url;
    const { default: open } = await import('open');
    await open(url).catch(() => {
      io.err(`could not open a browser; visit ${url}`);
    });
  }
  await stopped(io.stop);
  await server.close();
  io.out('stopped');
  return EXIT.ok;
}

/** Resolves when `stop` fires; never without one. */
function stopped(stop: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!stop) return;
    if (stop.aborted) resolve();
    else
      stop.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
  });
}
