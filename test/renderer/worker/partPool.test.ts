/**
 * The helpers' pool: a helper whose script fails to load (or that crashes) must not leave an
 * import waiting forever — parts in flight and every later part are refused at once, and the
 * worker then reads the file on one core.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../../../renderer/src/engine/formats/readWorkbook';
import { startPartPool } from '../../../renderer/src/worker/partPool';

/** A Worker whose script fails to load shortly after it is created. */
class FailingWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  posted = 0;
  constructor() {
    setTimeout(() => this.onerror?.({ message: 'the helper script did not load', preventDefault() {} }), 5);
  }
  postMessage(): void {
    this.posted++;
  }
  terminate(): void {}
}

afterEach(() => vi.unstubAllGlobals());

describe('part pool', () => {
  test('no spare core, no helpers', () => {
    vi.stubGlobal('Worker', FailingWorker);
    expect(startPartPool(1)).toBeNull();
  });

  test('a helper that fails to load refuses the part it was given and every part after', async () => {
    vi.stubGlobal('Worker', FailingWorker);
    const pool = startPartPool(2)!;
    expect(pool.parallelism).toBe(1);
    const first = pool.read(new Uint8Array(8), 0, 'x.xlsx', DEFAULT_LIMITS, 10);
    await expect(first.rows).rejects.toThrow('the helper script did not load');
    await expect(first.started).resolves.toBeUndefined();
    const later = pool.read(new Uint8Array(8), 0, 'x.xlsx', DEFAULT_LIMITS, 10);
    await expect(later.rows).rejects.toThrow('the helper script did not load');
  });
});
