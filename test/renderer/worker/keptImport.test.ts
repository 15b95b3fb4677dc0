/**
 * The worker's kept import: the audit asked for by reference equals the audit of the organization
 * sent in full, is computed ahead when asked, and a reference to an import the worker no longer
 * holds fails with the message the UI falls back on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { buildAuditReport } from '../../../renderer/src/engine/analysis/auditReport';
import * as audit from '../../../renderer/src/engine/analysis/auditReport';
import { importOrganization } from '../../../renderer/src/engine/import';
import { auditKept, keepImport } from '../../../renderer/src/worker/keptImport';
import { STALE_IMPORT_REF } from '../../../renderer/src/worker/protocol';

const FILE = 'sample-organization.xlsx';
const result = importOrganization(new Uint8Array(readFileSync(path.resolve(__dirname, '../../../resources', FILE))), FILE);

describe('kept import', () => {
  test('the audit by reference is the audit of the same input sent in full', () => {
    keepImport('a', FILE, result, undefined);
    const byRef = auditKept('a', { tolerance: 1.5, pseudonymize: true });
    const full = buildAuditReport({ organization: result.organization!, issues: result.issues, layout: result.layout, file: FILE, format: result.format }, { tolerance: 1.5, pseudonymize: true });
    expect(byRef).toEqual(full);
    expect(byRef.people.length).toBe(40);
  });

  test('a prepared audit is computed after the reply, once, and reused for the same options only', async () => {
    const spy = vi.spyOn(audit, 'buildAuditReport');
    keepImport('b', FILE, result, { pseudonymize: false });
    expect(spy).not.toHaveBeenCalled(); // not before the import's reply is posted
    await new Promise((r) => setTimeout(r, 0));
    expect(spy).toHaveBeenCalledTimes(1);
    const first = auditKept('b', { pseudonymize: false });
    expect(auditKept('b', {})).toBe(first); // same options key: no tolerance, not pseudonymized
    expect(spy).toHaveBeenCalledTimes(1);
    const other = auditKept('b', { tolerance: 2 });
    expect(other).not.toBe(first);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });

  test('a newer import, or a failed one, makes older references stale', () => {
    keepImport('c', FILE, result, undefined);
    keepImport('d', FILE, result, undefined);
    expect(() => auditKept('c', {})).toThrow(STALE_IMPORT_REF);
    expect(auditKept('d', {}).people.length).toBe(40);
    keepImport('e', FILE, { ...result, organization: null, fatal: 'bad file' }, undefined);
    expect(() => auditKept('d', {})).toThrow(STALE_IMPORT_REF);
    expect(() => auditKept('e', {})).toThrow(STALE_IMPORT_REF);
  });
});
