/**
 * Organizations cross the worker boundary packed: what arrives after a structured clone must be the
 * same organization (same JSON, key order included, so saved projects do not change), for the job
 * fields that carry one; anything inconsistent travels unpacked rather than wrong.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { packArgs, packOrganization, packResult, unpackArgs, unpackOrganization, unpackResult } from '../../../renderer/src/worker/packedOrganization';

const FILE = 'sample-organization.xlsx';
const result = importOrganization(new Uint8Array(readFileSync(path.resolve(__dirname, '../../../resources', FILE))), FILE);
const org = result.organization!;

describe('packed organization', () => {
  test('survives a structured clone as the same organization, key order included', () => {
    const packed = packOrganization(org);
    expect('packed' in packed).toBe(true);
    const back = unpackOrganization(structuredClone(packed));
    expect(back).toEqual(org);
    expect(JSON.stringify(back)).toBe(JSON.stringify(org));
    expect(back.assignments.length).toBeGreaterThan(100);
  });

  test('an assignment to an unknown person or task travels unpacked', () => {
    const odd: Organization = { ...org, assignments: [...org.assignments, { personId: 'nobody', taskId: org.tasks[0].id, hours: 1, locked: false }] };
    expect(packOrganization(odd)).toBe(odd);
    expect(unpackOrganization(odd)).toBe(odd);
  });

  test('job fields: the import result, the audit input and the propose arguments', () => {
    const imported = packResult('import', result);
    expect(imported.transfer).toHaveLength(4);
    expect(unpackResult('import', structuredClone(imported.value))).toEqual(result);

    const auditArgs = { input: { organization: org, issues: [], layout: result.layout, file: FILE, format: 'xlsx' }, options: { tolerance: 1 } };
    const audit = packArgs('audit', auditArgs);
    expect((audit.value.input as { organization: unknown }).organization).toHaveProperty('packed');
    expect(unpackArgs('audit', structuredClone(audit.value))).toEqual(auditArgs);
    // An audit by reference carries no organization.
    expect(packArgs('audit', { input: { importRef: 'x' }, options: {} })).toEqual({ value: { input: { importRef: 'x' }, options: {} }, transfer: [] });

    const proposeArgs = { organization: org, settings: { desirability: true, granularity: 0.5, file: FILE }, pseudonymize: false };
    const propose = packArgs('propose', proposeArgs);
    expect(unpackArgs('propose', structuredClone(propose.value))).toEqual(proposeArgs);
    // A failed import has no organization to pack.
    expect(packResult('import', { ...result, organization: null }).transfer).toEqual([]);
  });
});
