/**
 * `fairshare` — the engine without a window (DESIGN.md §4). Never imports electron. Exit 0 when at
 * least one person was imported, 1 when nothing usable (one line on stderr), 2 on usage errors.
 */
import { parseArgs, USAGE, UsageError } from './args';
import { audit } from './audit';
import { Unusable } from './io';
import { propose } from './propose';
import { merge } from './merge';
import { ratingsCollect } from './ratingsCollect';
import { ratingsForm } from './ratingsForm';
import { report } from './report';
import { guardStream, jsonTerminalSafe, oneLine, terminalSafe } from './terminal';

declare const FAIRSHARE_VERSION: string;

async function run(argv: string[]): Promise<number> {
  let req;
  try {
    req = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`fairshare: ${oneLine(err.message)}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  // Names in the output come from the spreadsheet: JSON keeps them whole (escaped), text drops controls.
  guardStream(process.stdout, 'json' in req && req.json ? jsonTerminalSafe : terminalSafe);
  switch (req.command) {
    case 'help':
      process.stdout.write(USAGE + '\n');
      return 0;
    case 'version':
      process.stdout.write(`${FAIRSHARE_VERSION}\n`);
      return 0;
    case 'audit':
      return audit(req);
    case 'propose':
      return propose(req);
    case 'merge':
      return merge(req);
    case 'ratings-form':
      return ratingsForm(req);
    case 'ratings-collect':
      return ratingsCollect(req);
    case 'report':
      return report(req);
  }
}

// A reader that closes the pipe early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// stderr carries our one line (or the usage text): never a terminal escape from a file's name.
guardStream(process.stderr, terminalSafe);

// Spreadsheet libraries log warnings on some files; keep them off stderr, which carries only our one line.
console.error = () => undefined;
console.warn = () => undefined;

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const msg = err instanceof Unusable ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`fairshare: ${oneLine(msg)}\n`);
    process.exitCode = 1;
  },
);
