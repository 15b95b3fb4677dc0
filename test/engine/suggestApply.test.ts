// Suggested ratings, continued: applySuggestions and the library itself (split from suggest.test.ts).
import { describe, expect, it } from 'vitest';
import { applySuggestions, compilePhrase, matchTaskLibrary, unratedTasks, UNPLACED_REASON } from '../../renderer/src/engine/rating/suggest';
import { TASK_LIBRARY } from '../../renderer/src/engine/rating/taskLibrary';
import type { Organization, Task } from '../../renderer/src/engine/model/types';
import { rated } from '../helpers/suggest-fixtures';

function task(name: string, over: Partial<Task> = {}): Task {
  return { id: name.toLowerCase(), name, empowerment: null, desirability: null, empowermentFactors: {}, desirabilityFactors: {}, source: 'unrated', reason: null, requires: [], chore: false, ...over };
}

function org(tasks: Task[]): Organization {
  return {
    people: [{ id: 'ann', name: 'Ann', role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] }],
    tasks,
    assignments: tasks.map((t) => ({ personId: 'ann', taskId: t.id, hours: 5, locked: false })),
    scale: { min: 1, max: 20 },
    hoursPerFte: 40,
  };
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

describe('applySuggestions', () => {
  const input = () =>
    org([
      task('Clean office', { empowerment: 0.9, desirability: 0.8, source: 'file', reason: 'Rated in the file (Tasks, row 3)' }),
      task('Strategic planning', { empowerment: 0.1, desirability: null, source: 'members', reason: 'Members' }),
      task('Budget review', { empowerment: 0.4, desirability: null, source: 'file', reason: 'Rated in the file (Tasks, row 4)' }),
      task('Supervise canvassers'),
      task('Weekend on-call'),
      task('Quarterly xyzzy'),
    ]);

  it('rated tasks (file, members) are untouched, even where the library disagrees or a dimension is missing', () => {
    const before = input();
    const after = applySuggestions(before);
    expect(after.tasks[0]).toEqual(before.tasks[0]);
    expect(after.tasks[1]).toEqual(before.tasks[1]);
    expect(after.tasks[2]).toEqual(before.tasks[2]);
    expect(after.tasks[2].desirability).toBeNull();
  });

  it('unrated tasks the library places become suggested with normalized ratings and the reason', () => {
    const t = applySuggestions(input()).tasks[3];
    expect(t.source).toBe('suggested');
    expect(t.empowerment).toBe(rated('Supervise canvassers').empowerment);
    expect(t.desirability).toBe(rated('Supervise canvassers').desirability);
    expect(t.reason).toBe('Suggested from "supervise" (task library)');
    expect({ ...t, empowerment: null, desirability: null, source: 'unrated', reason: null }).toEqual(input().tasks[3]);
  });

  it('a dimension the library has no opinion on stays null', () => {
    const t = applySuggestions(input()).tasks[4];
    expect(t.source).toBe('suggested');
    expect(t.empowerment).toBeNull();
    expect(t.desirability).not.toBeNull();
  });

  it('tasks it cannot place stay unrated, with the reason, and are listed', () => {
    const after = applySuggestions(input());
    const t = after.tasks[5];
    expect(t.source).toBe('unrated');
    expect(t.empowerment).toBeNull();
    expect(t.desirability).toBeNull();
    expect(t.reason).toBe(UNPLACED_REASON);
    expect(UNPLACED_REASON).toBe('No rating in the file and no match in the task library');
    expect(unratedTasks(after).map((x) => x.name)).toEqual(['Quarterly xyzzy']);
  });

  it('is pure: the input is not mutated and everything else is carried over', () => {
    const before = deepFreeze(input());
    const snapshot = JSON.stringify(before);
    const after = applySuggestions(before);
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(after).not.toBe(before);
    expect(after.people).toEqual(before.people);
    expect(after.assignments).toEqual(before.assignments);
    expect(after.scale).toEqual(before.scale);
    expect(after.tasks.map((t) => t.id)).toEqual(before.tasks.map((t) => t.id));
  });

  it('is idempotent', () => {
    const once = applySuggestions(input());
    expect(applySuggestions(once)).toEqual(once);
  });

  it('leaving it out (--no-suggest) keeps every unrated task unrated', () => {
    expect(unratedTasks(input()).map((t) => t.name)).toEqual(['Supervise canvassers', 'Weekend on-call', 'Quarterly xyzzy']);
  });
});

describe('the library itself', () => {
  it('is broad: 120–200 entries', () => {
    expect(TASK_LIBRARY.length).toBeGreaterThanOrEqual(120);
    expect(TASK_LIBRARY.length).toBeLessThanOrEqual(200);
  });

  it('every value is within 0–1 or null, and every entry has an opinion on something', () => {
    for (const e of TASK_LIBRARY) {
      for (const v of [e.empowerment, e.desirability]) if (v !== null) expect(v >= 0 && v <= 1, `${e.label}: ${v}`).toBe(true);
      expect(e.empowerment !== null || e.desirability !== null, e.label).toBe(true);
    }
  });

  it('conditions rate desirability only; oversight and activities rate empowerment', () => {
    for (const e of TASK_LIBRARY) {
      if (e.kind === 'condition') expect(e.empowerment, e.label).toBeNull();
      else expect(e.empowerment, e.label).not.toBeNull();
    }
  });

  it('labels are unique and non-empty; every phrase is well formed and unique within its entry', () => {
    const labels = TASK_LIBRARY.map((e) => e.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const e of TASK_LIBRARY) {
      expect(e.label.trim()).not.toBe('');
      expect(e.pattern.length, e.label).toBeGreaterThan(0);
      expect(new Set(e.pattern).size, e.label).toBe(e.pattern.length);
      for (const p of e.pattern) expect(() => compilePhrase(p), `${e.label}: ${p}`).not.toThrow();
    }
  });

  it('rejects malformed phrases', () => {
    for (const bad of ['', ' clean', 'clean  up', 'Clean', 'cl*', '=clean*', 'clean-up', 'a*b']) expect(() => compilePhrase(bad), bad).toThrow();
  });

  it('every phrase is reachable: its own words find its entry', () => {
    for (const [index, e] of TASK_LIBRARY.entries()) {
      for (const p of e.pattern) {
        const name = p.replace(/[=*]/g, '');
        expect(matchTaskLibrary(name).some((m) => m.index === index), `${e.label}: "${name}"`).toBe(true);
      }
    }
  });

  it('keeps the bands an organizer would defend', () => {
    const byLabel = (l: string) => TASK_LIBRARY.find((e) => e.label === l)!;
    expect(byLabel('strategy').empowerment).toBeGreaterThanOrEqual(0.85);
    expect(byLabel('research').empowerment).toBeGreaterThanOrEqual(0.5);
    expect(byLabel('research').empowerment).toBeLessThanOrEqual(0.7);
    expect(byLabel('data entry').empowerment).toBeLessThanOrEqual(0.3);
    expect(byLabel('clean').empowerment).toBeLessThanOrEqual(0.1);
    expect(byLabel('clean toilets').desirability).toBeLessThanOrEqual(0.15);
    expect(byLabel('hazard').desirability).toBeLessThanOrEqual(0.15);
    expect(byLabel('night shift').desirability).toBeLessThanOrEqual(0.25);
  });
});
