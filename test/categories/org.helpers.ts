/** Small hand-built organizations for the category-mode tests: tasks with categories, people, hours. */
import type { Organization, Task } from '../../renderer/src/engine/model/types';

export function task(id: string, category?: string): Task {
  return {
    id, name: id, empowerment: null, desirability: null, empowermentFactors: {}, desirabilityFactors: {}, source: 'unrated',
    reason: null, requires: [], chore: false, ...(category !== undefined ? { category } : {}),
  };
}

/** `work`: [person, task, hours, locked?]; people in order of first mention. */
export function org(tasks: Task[], work: [string, string, number, boolean?][]): Organization {
  const people = [...new Set(work.map((w) => w[0]))];
  return {
    people: people.map((id) => ({ id, name: id, role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] })),
    tasks,
    assignments: work.map(([personId, taskId, hours, locked]) => ({ personId, taskId, hours, locked: locked ?? false })),
    scale: { min: 1, max: 20 },
    hoursPerFte: 40,
  };
}
