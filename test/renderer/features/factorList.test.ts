// The Factors panel's list (features/tasks/FactorEditor.factorList): the standard factors in
// DESIGN.md's order under the name the task stores them by, then the file's own factors, shown
// without the file's scale hint since their inputs are on the project scale.
import { describe, expect, it } from 'vitest';
import { factorList } from '../../../renderer/src/features/tasks/FactorEditor';
import type { Task } from '../../../renderer/src/engine/model/types';

const task: Task = {
  id: 'budget', name: 'Budget', empowerment: 0.8, desirability: 0.5, source: 'file', reason: null, requires: [], chore: false,
  empowermentFactors: { 'Decision authority (1-5)': 1, 'Team spirit (1-5)': 0.75 },
  desirabilityFactors: {},
};

describe('factorList', () => {
  it('lists the standard factors first, matched by name whatever the file\'s hint, then the file\'s own without its hint', () => {
    const list = factorList(task, 'empowerment');
    expect(list[0]).toEqual({ label: 'Decision authority', key: 'Decision authority (1-5)', value: 1 });
    expect(list.slice(1, 6).every((f) => f.value === null)).toBe(true);
    expect(list.at(-1)).toEqual({ label: 'Team spirit', key: 'Team spirit (1-5)', value: 0.75 });
    expect(list).toHaveLength(7);
  });

  it('a task without factors lists the seven standard desirability factors, unrated', () => {
    const list = factorList(task, 'desirability');
    expect(list.map((f) => f.label)).toEqual(['Physical strain and hazard', 'Environment', 'Repetition', 'Control of pace', 'Emotional load and conflict', 'Schedule', 'Intrinsic interest']);
    expect(list.every((f) => f.value === null)).toBe(true);
  });
});

describe('factorList with names that read the same without their hints', () => {
  it('keeps the full names where the short ones would clash', () => {
    const twice: Task = { ...task, empowermentFactors: { 'Decision authority (1-5)': 1, 'Decision authority (1-10)': 0.5, 'Team (1-5)': 0.25, 'Team (0-100)': 0.75, 'Reach (1-5)': 0 } };
    const list = factorList(twice, 'empowerment');
    // The standard factor takes the first; the second keeps its hint, as do both "Team" columns.
    expect(list[0]).toEqual({ label: 'Decision authority', key: 'Decision authority (1-5)', value: 1 });
    expect(list.slice(6).map((f) => f.label)).toEqual(['Decision authority (1-10)', 'Team (1-5)', 'Team (0-100)', 'Reach']);
  });
});
