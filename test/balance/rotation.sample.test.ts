/**
 * The chore rotation on the Riverside sample (resources/sample-organization.xlsx) through
 * rotationInputFromOrganization: its low-desirability tasks rotated over a quarter.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importOrganization } from '../../renderer/src/engine/import';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { rotationGrid, rotationInputFromOrganization, scheduleRotation } from '../../renderer/src/engine/rotation';
import { brokenInvariants } from './rotation.helpers';

describe('the Riverside sample', () => {
  let o: Organization;
  beforeAll(() => {
    const file = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
    o = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!);
  });

  it('rotates the building chores (cleaning, trash, floors, snow) among all 40 within one slot, with no repeats', () => {
    const names = ['Clean offices', 'Clean restrooms', 'Empty trash and recycling', 'Clean break room', 'Mop and wax floors', 'Shovel snow and salt walkways'];
    const choreIds = names.map((n) => o.tasks.find((t) => t.name === n)!.id);
    // The band: hours-weighted mean D of the organization today ± the default τ (5% of 1–20).
    const rated = o.assignments.filter((a) => o.tasks.find((t) => t.id === a.taskId)?.desirability != null);
    const mean = rated.reduce((s, a) => s + a.hours * (1 + 19 * o.tasks.find((t) => t.id === a.taskId)!.desirability!), 0) / rated.reduce((s, a) => s + a.hours, 0);
    const input = rotationInputFromOrganization(o, { choreIds, band: { centre: mean, tolerance: 0.95 } });
    expect(input.people).toHaveLength(40);
    expect(input.chores.map((c) => c.weeklyHours)).toEqual([30, 14, 8, 4, 6, 2]);
    const r = scheduleRotation(input);
    expect(brokenInvariants(input, r)).toEqual([]);
    expect(r.repeats).toBe(0);
    expect(r.slots.reduce((s, x) => s + x.hours, 0)).toBeCloseTo(64 * 13, 9);
    const worst = Math.max(...r.perPerson.map((p) => Math.abs(p.difference)));
    expect(worst).toBeLessThanOrEqual(r.largestSlot);
    expect(rotationGrid(r).rows).toHaveLength(13);
  });
});
