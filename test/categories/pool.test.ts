/** Merging organizations keeps a task's category of work (issue 17): the first organization's wins, as the import keeps a task's first. */
import { describe, expect, it } from 'vitest';
import { poolOrganizations } from '../../renderer/src/engine/merge/pool';
import { org, task } from './org.helpers';

describe('poolOrganizations and categories', () => {
  it('keeps the category of a matched task from the first organization that has one, and of unmatched tasks as they were', () => {
    const A = org([task('Budget'), task('Filing', 'Administrative')], [['a1', 'Budget', 10], ['a1', 'Filing', 5]]);
    const B = org([task('Budget', 'Managerial'), task('Repairs', 'Maintenance')], [['b1', 'Budget', 8], ['b1', 'Repairs', 4]]);
    const pooled = poolOrganizations(
      [{ name: 'A', organization: A, file: 'a.csv' }, { name: 'B', organization: B, file: 'b.csv' }],
      [{ a: 'Budget', b: 'Budget', organizationA: 'A', organizationB: 'B', score: 1, status: 'auto', reason: 'test' }],
      { tolerance: 1 },
    );
    expect(Object.fromEntries(pooled.organization.tasks.map((t) => [t.name, t.category]))).toEqual({ Budget: 'Managerial', Filing: 'Administrative', Repairs: 'Maintenance' });
  });
});
