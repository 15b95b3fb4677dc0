/**
 * The report's Chromium finder and printer (electron/cli/chromium.ts) with fake executables: the
 * candidates in order, --chromium taken alone, a clear message when none is found, the arguments a
 * Chromium is given, the PDF written atomically, the temporary folder removed, and failures — an
 * exit without a PDF, something that is not a PDF, a print that outlives its time limit — in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumCandidates, findChromium, NO_CHROMIUM, printToPdf } from '../../electron/cli/chromium';

let dir = '';
// The fakes are shell scripts.
const windows = process.platform === 'win32';

/** An executable shell script in the test folder. */
function script(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** A fake Chromium that logs its arguments and prints "%PDF-" followed by the page it was given. */
function fakeChromium(log: string): string {
  return script('fake-chromium', `
for a in "$@"; do
  echo "$a" >> "${log}"
  case "$a" in
    --print-to-pdf=*) out="\${a#--print-to-pdf=}" ;;
    file://*) page="\${a#file://}" ;;
  esac
done
printf '%%PDF-1.4 fake\\n' > "$out"
cat "$page" >> "$out"
echo "$out bytes written" >&2`);
}

/** Whether a process runs: a killed one whose new parent does not reap it (PID 1 in a container) stays a zombie ("Z"). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return !existsSync('/proc/self');
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-chromium-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(windows)('findChromium', () => {
  it('takes --chromium alone: an executable is used, anything else is the clear message', () => {
    const fake = script('given', 'exit 0');
    expect(findChromium(fake, {}, 'linux')).toBe(fake);
    expect(() => findChromium('/nonexistent', { CHROME_PATH: fake }, 'linux')).toThrow(`${NO_CHROMIUM} (--chromium /nonexistent is not an executable file)`);
    const plain = path.join(dir, 'not-executable');
    writeFileSync(plain, 'text');
    expect(() => findChromium(plain, {}, 'linux')).toThrow(NO_CHROMIUM);
    expect(() => findChromium(dir, {}, 'linux')).toThrow(NO_CHROMIUM);
  });

  it('looks at $CHROME_PATH and $CHROMIUM_PATH first, then the platform’s usual places', () => {
    const fake = script('from-env', 'exit 0');
    expect(findChromium(undefined, { CHROME_PATH: fake }, 'linux')).toBe(fake);
    expect(findChromium(undefined, { CHROMIUM_PATH: ` ${fake} ` }, 'linux')).toBe(fake);
    expect(chromiumCandidates({}, 'linux').slice(0, 4)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']);
    expect(chromiumCandidates({ CHROME_PATH: '/opt/c' }, 'darwin')).toEqual(['/opt/c', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']);
    const win = chromiumCandidates({ PROGRAMFILES: 'C:\\PF', 'PROGRAMFILES(X86)': 'C:\\PF86', LOCALAPPDATA: 'C:\\U\\L' }, 'win32');
    expect(win.slice(0, 3)).toEqual(['C:\\PF\\Google\\Chrome\\Application\\chrome.exe', 'C:\\PF86\\Google\\Chrome\\Application\\chrome.exe', 'C:\\U\\L\\Google\\Chrome\\Application\\chrome.exe']);
    expect(win).toContain('C:\\PF86\\Microsoft\\Edge\\Application\\msedge.exe');
  });

  it('says where it looked when no candidate exists (here: the macOS places on Linux)', () => {
    const missing = path.join(dir, 'no-such-chrome');
    expect(() => findChromium(undefined, { CHROME_PATH: missing }, 'darwin')).toThrow(`${NO_CHROMIUM} (looked at ${missing}, /Applications/Google Chrome.app`);
  });
});

describe.skipIf(windows)('printToPdf', () => {
  it('prints the page headless from a temporary folder it removes, and writes the PDF', async () => {
    const log = path.join(dir, 'args.log');
    const fake = fakeChromium(log);
    const out = path.join(dir, 'report.pdf');
    const html = '<!doctype html><html><body>Riverside “report” é</body></html>';
    await printToPdf(fake, html, out);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('utf8')).toContain(html);
    const args = readFileSync(log, 'utf8').trim().split('\n');
    for (const flag of ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']) expect(args).toContain(flag);
    const profile = args.find((a) => a.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    const page = args.find((a) => a.startsWith('file://'))!;
    expect(page).toMatch(/^file:\/\/.*fairshare-report-[^/]+\/report\.html$/);
    // The page, the profile and Chromium's PDF lived in one temporary folder, gone now.
    expect(path.dirname(profile)).toBe(path.dirname(new URL(page).pathname));
    expect(existsSync(path.dirname(profile))).toBe(false);
    // Nothing but the PDF is left beside it (the atomic write's temporary file is renamed).
    expect(readFileSync(out).length).toBe(bytes.length);
  });

  it('a Chromium that exits without a PDF: its exit and last words, and the old file untouched', async () => {
    const out = path.join(dir, 'kept.pdf');
    writeFileSync(out, 'old');
    const failing = script('failing', 'echo "[0101/ERROR:ozone] noise" >&2\necho "cannot open display" >&2\nexit 3');
    await expect(printToPdf(failing, '<html></html>', out)).rejects.toThrow(`${failing} did not print the PDF (exit 3): [0101/ERROR:ozone] noise | cannot open display`);
    const notPdf = script('not-pdf', 'for a in "$@"; do case "$a" in --print-to-pdf=*) echo hello > "${a#--print-to-pdf=}";; esac; done');
    await expect(printToPdf(notPdf, '<html></html>', out)).rejects.toThrow(`${notPdf} did not print the PDF (exit 0)`);
    expect(readFileSync(out, 'utf8')).toBe('old');
  });

  it('a Chromium that hangs is stopped at the time limit, with its helpers, and said so', async () => {
    const pidFile = path.join(dir, 'helper.pid');
    // A helper process in the background, as Chromium's renderer is: the whole group must stop.
    const hanging = script('hanging', `sleep 30 &\necho $! > "${pidFile}"\nwait`);
    const started = Date.now();
    await expect(printToPdf(hanging, '<html></html>', path.join(dir, 'never.pdf'), 1000)).rejects.toThrow(`${hanging} did not print the PDF within 1 s and was stopped`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(path.join(dir, 'never.pdf'))).toBe(false);
    const helper = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(helper)).toBe(false);
  });

  it('an executable that cannot start is said so', async () => {
    const broken = script('broken', '');
    writeFileSync(broken, '#!/nonexistent/interpreter\n');
    await expect(printToPdf(broken, '<html></html>', path.join(dir, 'x.pdf'))).rejects.toThrow(/cannot start .*broken to print the PDF|did not print the PDF/);
  });
});
