// Documents named on the command line (first start, a second instance, "Open with"): paths the
// user gave the OS, filtered to files Fairshare opens.
import path from 'node:path';
import { documentKindOf } from './documents';

/**
 * Paths of project and spreadsheet files in an argv. Flags (Chromium adds some to a second
 * instance's argv), the executable and the app folder `.` in development are skipped.
 */
export function documentPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.length === 0 || arg.length > 4096 || arg.startsWith('-') || arg.includes('\0')) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) continue; // URLs are not files
    const full = path.resolve(cwd, arg);
    if (documentKindOf(full) !== null && !out.includes(full)) out.push(full);
  }
  return out;
}
