// The autosave recovery file: written atomically, offered after a crash, removed when unusable.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecoveryGate, RECOVERY_FILE_NAME, RecoveryStore } from '../../electron/main/recovery';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fairshare-recovery-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('RecoveryStore', () => {
  it('has nothing to offer at first', async () => {
    await expect(new RecoveryStore(path.join(root, 'none')).read()).resolves.toBeNull();
  });

  it('offers the latest autosave to the next run', async () => {
    const dir = path.join(root, 'crash');
    const now = new Date('2025-05-01T10:00:00.000Z');
    const running = new RecoveryStore(dir, () => now);
    await running.write('{"version":2,"name":"first"}', null);
    await running.write('{"version":2,"name":"second"}', '/home/a/plan.fairshare');
    // The app crashed here. The next start:
    const next = new RecoveryStore(dir);
    await expect(next.read()).resolves.toEqual({
      savedAt: '2025-05-01T10:00:00.000Z',
      documentPath: '/home/a/plan.fairshare',
      text: '{"version":2,"name":"second"}',
    });
    expect(await readdir(dir)).toEqual([RECOVERY_FILE_NAME]);
    await next.discard();
    await expect(next.read()).resolves.toBeNull();
    await expect(next.discard()).resolves.toBeUndefined(); // twice is fine
  });

  it('removes a damaged recovery file instead of offering it', async () => {
    const dir = path.join(root, 'damaged');
    const store = new RecoveryStore(dir);
    await store.write('{}', null);
    for (const junk of ['{ truncated', '{"format":"other","text":"x"}', '[]']) {
      await writeFile(store.file, junk);
      await expect(store.read()).resolves.toBeNull();
      expect(await readdir(dir)).toEqual([]);
    }
  });
});

describe('RecoveryGate', () => {
  it('after a clean close, removes the file once a write under way has landed, and drops later autosaves', async () => {
    const dir = path.join(root, 'gate');
    const gate = new RecoveryGate(new RecoveryStore(dir));
    const late = gate.write('{"version":2,"name":"late"}', null); // the autosave timer fired just before closing
    await gate.closeCleanly();
    await late;
    await gate.write('{"version":2,"name":"after"}', null);
    await expect(gate.read()).resolves.toBeNull();
    gate.reopen(); // a new window: autosaves count again
    await gate.write('{"version":2,"name":"new"}', null);
    await expect(gate.read()).resolves.toMatchObject({ text: '{"version":2,"name":"new"}' });
    await gate.discard();
    expect(await readdir(dir)).toEqual([]);
  });
});
