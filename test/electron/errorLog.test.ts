// The error log: our errors' messages and stacks, with paths and file names kept out.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createErrorLog, describeError } from '../../electron/main/errorLog';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fairshare-log-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('describeError', () => {
  it('records name, message and stack frames with the home folder shortened', () => {
    const error = new TypeError('Invalid arguments for saveProject: argument 1: expected object');
    error.stack = `TypeError: Invalid arguments\n    at run (/home/ada/apps/fairshare/out/main/index.js:10:5)\n    at next (node:internal/x:1:1)`;
    const text = describeError('ipc saveProject', error, '/home/ada');
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT.* \[ipc saveProject\] TypeError: Invalid arguments for saveProject/);
    expect(text).toContain('at run (~/apps/fairshare/out/main/index.js:10:5)');
    expect(text).not.toContain('/home/ada');
  });

  it('reduces file-system errors to code and call, dropping the file name', async () => {
    const error = await readFile('/home/ada/Salaries of Bo Chen.xlsx').catch((e: unknown) => e);
    const text = describeError('read', error, '/home/ada');
    expect(text).toContain('Error ENOENT (open)');
    expect(text).not.toContain('Salaries');
    expect(text).not.toContain('Bo Chen');
  });

  it('records only the type of thrown non-errors (they may carry anything)', () => {
    expect(describeError('x', 'Ada Byron earns 90000')).toMatch(/non-Error value thrown \(string\)\n$/);
    expect(describeError('x', { row: ['Ada', 90000] })).toMatch(/\(object\)/);
    expect(describeError('x', 'secret')).not.toContain('secret');
  });

  it('keeps one entry on one line plus its frames, with long messages cut', () => {
    const text = describeError('x', new Error(`line one\nline two ${'z'.repeat(2000)}`));
    const [first] = text.split('\n');
    expect(first).toContain('line one line two');
    expect(first.length).toBeLessThan(700);
  });
});

describe('createErrorLog', () => {
  it('appends entries to a file in the folder, creating it', async () => {
    const file = path.join(dir, 'logs', 'errors.log');
    const { log, flush } = createErrorLog(file);
    log('startup', new Error('first'));
    log('ipc readDocument', new Error('second'));
    await flush();
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/\[startup\] Error: first[\s\S]*\[ipc readDocument\] Error: second/);
  });

  it('rotates to .old past the size limit', async () => {
    const file = path.join(dir, 'small.log');
    const { log, flush } = createErrorLog(file, { maxBytes: 2000 });
    for (let i = 0; i < 40; i++) log('loop', new Error(`entry ${i}`));
    await flush();
    expect((await stat(file)).size).toBeLessThanOrEqual(2000);
    expect((await stat(`${file}.old`)).size).toBeGreaterThan(0);
    expect(await readFile(file, 'utf8')).toContain('entry 39');
  });

  it('never throws when the log cannot be written', async () => {
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'x'); // a file where the log folder should be
    const { log, flush } = createErrorLog(path.join(blocker, 'logs', 'errors.log'));
    log('x', new Error('y'));
    await expect(flush()).resolves.toBeUndefined();
  });
});
