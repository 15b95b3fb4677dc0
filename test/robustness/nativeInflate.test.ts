/**
 * The worker's fast path for ZIP containers: the native DecompressionStream check (Node 20 has the
 * same web API as Chromium) must accept what guardZip accepts and refuse what it refuses, within its
 * bound, and an import that skips the second inflation must read exactly the same organization.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { guardZip, Outgrown, skipInflateCheck, verifyZip } from '../../renderer/src/engine/formats/zipGuard';
import { importOrganization } from '../../renderer/src/engine/import';
import { nativeInflateCheck, hasNativeInflate } from '../../renderer/src/worker/nativeInflate';
import { deflated, deflatedZeros, lyingBombXlsx, manyEntryBombXlsx, smallXlsx } from '../helpers/hostile-zip';

const SAMPLE = path.resolve(__dirname, '../../resources/sample-organization.xlsx');
const LIMIT = 256 * 1_048_576;

describe('native inflate check', () => {
  test('the runtime has a raw-deflate DecompressionStream', () => {
    expect(hasNativeInflate()).toBe(true);
  });

  test('counts an honest stream and passes it at exactly its size', async () => {
    const { data, size } = deflated('x'.repeat(100_000));
    await expect(nativeInflateCheck(data, size)).resolves.toBeUndefined();
    await expect(nativeInflateCheck(data, size - 1)).rejects.toBeInstanceOf(Outgrown);
  });

  test('stops a 1 GiB stream declared as 4 KB long before inflating it', async () => {
    const { data } = deflatedZeros(1024 * 1_048_576);
    const t0 = performance.now();
    await expect(nativeInflateCheck(data, 4096)).rejects.toBeInstanceOf(Outgrown);
    // A full inflation of 1 GiB takes seconds; one 16 KB push's output is at most ~16 MB.
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  test('rejects damaged compressed data with an error other than Outgrown', async () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `<c r="A${i}"><v>${(i * 7919) % 1013}</v></c>`).join('');
    const { data } = deflated(text);
    expect(data.length).toBeGreaterThan(1_000);
    const broken = data.slice(0, data.length >> 1);
    broken.fill(0xff, 100, 400);
    const err = await nativeInflateCheck(broken, LIMIT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(Outgrown);
  });
});

describe('verifyZip (the worker path) agrees with guardZip', () => {
  const cases: [string, () => Uint8Array, boolean][] = [
    ['the sample organization', () => new Uint8Array(readFileSync(SAMPLE)), true],
    ['a small valid workbook', () => smallXlsx([['Name', 'Task', 'Hours'], ['Ann', 'Filing', 4]]), true],
    ['a lying bomb (64 MiB declared as 4 KB)', () => lyingBombXlsx(64 * 1_048_576), false],
    ['many entries over the declared total', () => manyEntryBombXlsx([['Name', 'Task', 'Hours']], 300, 1_048_576), false],
    ['a truncated container', () => new Uint8Array(readFileSync(SAMPLE)).slice(0, 20_000), false],
  ];
  test.each(cases)('%s', async (_name, make, accepted) => {
    const bytes = make();
    const limit = 256 * 1_048_576;
    let guardAccepts = true;
    try {
      guardZip(bytes, limit);
    } catch {
      guardAccepts = false;
    }
    expect(guardAccepts).toBe(accepted);
    expect(await verifyZip(bytes, limit, nativeInflateCheck)).toBe(accepted);
  });

  test('an import that skips the second inflation reads the same organization, issues and layout', async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    expect(await verifyZip(bytes, LIMIT, nativeInflateCheck)).toBe(true);
    const usual = importOrganization(bytes, 'sample-organization.xlsx');
    const fast = importOrganization(bytes, 'sample-organization.xlsx', { inflateCheck: skipInflateCheck });
    expect(fast).toEqual(usual);
    expect(usual.organization?.people.length).toBe(40);
  });
});
