// A ZIP entry whose local header and central directory declare different uncompressed sizes is
// bounded by the larger: SheetJS allocates what the local header says, and either size may lie.
import { describe, expect, it } from 'vitest';
import { ContainerRefusal, guardZip, scanZip } from '../../renderer/src/engine/formats/zipGuard';
import { importOrganization } from '../../renderer/src/engine/import/index';
import { buildZip, deflated, sheetXml, smallXlsx } from '../helpers/hostile-zip';

const MiB = 1024 * 1024;
const SHEET = sheetXml([['Name', 'Task', 'Hours'], ['Ana', 'Filing', 10]]);

/** One honest deflated entry whose local or central header claims `claimed` bytes instead of the truth. */
function lyingHeader(where: 'local' | 'central', claimed: number): Buffer {
  const payload = deflated(SHEET);
  return buildZip([{ name: 'xl/worksheets/sheet1.xml', payload, ...(where === 'local' ? { localUncompressedSize: claimed } : { centralUncompressedSize: claimed }) }]);
}

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof ContainerRefusal) return err.message;
    throw err;
  }
  return '(accepted)';
}

describe('local and central sizes differ', () => {
  it.each(['local', 'central'] as const)('a %s header claiming more than the limit is refused by its claim', (where) => {
    const zip = lyingHeader(where, 2 * MiB);
    expect(refusal(() => scanZip(zip, MiB))).toBe('the ZIP container declares over 2 MB uncompressed, over the limit of 1 MB (possible zip bomb)');
    expect(refusal(() => guardZip(zip, MiB))).toMatch(/declares over 2 MB/);
  });

  it.each(['local', 'central'] as const)('the larger size is the one the inflate check allows (%s header larger)', (where) => {
    const zip = lyingHeader(where, 64 * 1024);
    const { entries } = scanZip(zip, MiB);
    expect(entries[0].declared).toBe(64 * 1024);
    expect(refusal(() => guardZip(zip, MiB))).toBe('(accepted)');
  });

  it('through the importer: the refusal names the file', () => {
    const honest = smallXlsx([['Name', 'Task', 'Hours'], ['Ana', 'Filing', 10]]);
    expect(importOrganization(new Uint8Array(honest), 'ok.xlsx').fatal).toBeNull();
    const r = importOrganization(new Uint8Array(lyingHeader('local', 300 * MiB)), 'liar.xlsx');
    expect(r.fatal).toMatch(/^liar\.xlsx: the ZIP container declares over 300 MB uncompressed, over the limit of 256 MB/);
  });
});
