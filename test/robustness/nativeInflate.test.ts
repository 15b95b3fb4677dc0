/**
 * The worker's fast path for ZIP containers: the native DecompressionStream check (Node 20 has the
 * same web API as Chromium) must accept what guardZip accepts and refuse what it refuses, within its
 * bound, and an import that skips the second inflation must read exactly the same organization.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ContainerRefusal, guardZip, Outgrown, skipInflateCheck } from '../../renderer/src/engine/formats/zipGuard';
import { importOrganization } from '../../renderer/src/engine/import';
import { nativeInflate, hasNativeInflate } from '../../renderer/src/worker/nativeInflate';
import { fastRead } from '../../renderer/src/worker/parallelRead';
import { buildZip, deflated, deflatedZeros, lyingBombXlsx, manyEntryBombXlsx, smallXlsx } from '../helpers/hostile-zip';

const nativeInflateCheck = (data: Uint8Array, limit: number) => nativeInflate(data, limit);

/** True when the worker's fast path verified the container (its import then skips the second inflation). */
async function verifiedByWorker(bytes: Uint8Array): Promise<boolean> {
  const fast = await fastRead(bytes, 'file.xlsx', {}, null);
  return 'options' in fast && fast.options.inflateCheck === skipInflateCheck;
}

const SAMPLE = path.resolve(__dirname, '../../resources/sample-organization.xlsx');
const LIMIT = 256 * 1_048_576;

describe('native inflate check', () => {
  test('the runtime has a raw-deflate DecompressionStream', () => {
    expect(hasNativeInflate()).toBe(true);
  });

  test('counts an honest stream and passes it at exactly its size', async () => {
    const { data, size } = deflated('x'.repeat(100_000));
    await expect(nativeInflateCheck(data, size)).resolves.toBeNull();
    expect(await nativeInflate(data, size, true)).toEqual(new TextEncoder().encode('x'.repeat(100_000)));
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

describe('the worker path verifies exactly what guardZip accepts', () => {
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
    expect(await verifiedByWorker(bytes)).toBe(accepted);
  });

  test('an import that skips the second inflation reads the same organization, issues and layout', async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    expect(await verifiedByWorker(bytes)).toBe(true);
    const usual = importOrganization(bytes, 'sample-organization.xlsx');
    const fast = importOrganization(bytes, 'sample-organization.xlsx', { inflateCheck: skipInflateCheck });
    expect(fast).toEqual(usual);
    expect(usual.organization?.people.length).toBe(40);
  });
});

describe('ZIP directories that would let SheetJS read what was never checked', () => {
  test('a deflated entry that declares no compressed bytes is refused', () => {
    const zip = buildZip([{ name: 'xl/media/pad.bin', payload: { data: Buffer.alloc(0), crc: 0, size: 0 } }]);
    expect(() => guardZip(zip, LIMIT)).toThrow(ContainerRefusal);
    expect(() => guardZip(zip, LIMIT)).toThrow(/declares no compressed data/);
  });

  test('a fake end record at the very end (where SheetJS looks first) is the one checked, and refused', () => {
    const real = new Uint8Array(smallXlsx([['Name', 'Task', 'Hours'], ['Ann', 'Filing', 4]]));
    expect(() => guardZip(real, LIMIT)).not.toThrow();
    // The real end record gets a 20-byte comment that is itself the start of an end record.
    const fake = new Uint8Array(20);
    new DataView(fake.buffer).setUint32(0, 0x06054b50, true);
    const out = new Uint8Array(real.length + fake.length);
    out.set(real);
    out.set(fake, real.length);
    new DataView(out.buffer).setUint16(real.length - 2, fake.length, true);
    expect(() => guardZip(out, LIMIT)).toThrow(/directory record is cut short/);
  });
});
