/**
 * A scenario from a proposal: its choices, its plan by id (the report names people, and names need
 * not be unique, nor real when pseudonymized), and its figures; refused for anything but a plan.
 */
import type { FullProposal } from '../balance/fullProposal';
import type { Organization } from '../model/types';
import { MAX_SCENARIO_NAME, MAX_SCENARIO_ROWS, type Scenario, type ScenarioRow, type ScenarioSettings } from './types';

/** The trimmed name, or why it cannot be one (empty, too long, or already a scenario's). */
export function checkScenarioName(name: string, taken: readonly string[] = []): { name: string } | { error: string } {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return { error: 'A scenario needs a name.' };
  if (trimmed.length > MAX_SCENARIO_NAME) return { error: `A scenario name must be at most ${MAX_SCENARIO_NAME} characters (this one has ${trimmed.length}).` };
  if (taken.some((t) => t.toLocaleLowerCase() === trimmed.toLocaleLowerCase())) return { error: `A scenario named “${trimmed}” is kept already: choose another name.` };
  return { name: trimmed };
}

function settingsOf(full: FullProposal): ScenarioSettings {
  const r = full.report;
  const f = r.flags;
  return {
    tolerance: f?.tolerance ?? r.tolerance,
    desirability: r.desirability,
    granularity: f?.granularity ?? r.granularity,
    minBlock: f?.minBlock ?? r.blocks?.minBlock ?? 0,
    maxNewTasks: f?.maxNewTasks ?? r.blocks?.maxNewTasks ?? 0,
    qualifyFromCurrent: f?.qualifyFromCurrent ?? false,
    chores: [...(f?.chores ?? [])],
    rotationWeeks: f?.rotationWeeks ?? null,
  };
}

/**
 * The scenario of an optimal proposal made for `org`. Throws with a message for a proposal without a
 * plan, or one whose plan names people or tasks `org` does not have (made for another organization).
 */
export function makeScenario(full: FullProposal, org: Organization, meta: { id: string; name: string; createdAt: string }): Scenario {
  const r = full.report;
  if (r.status !== 'optimal') throw new Error('Only a proposal with a plan can be kept as a scenario.');
  if (!full.allocationIds) throw new Error('This proposal was made by an earlier version of Fairshare: propose again, then keep it.');
  const people = new Set(org.people.map((p) => p.id));
  const tasks = new Set(org.tasks.map((t) => t.id));
  const allocation: ScenarioRow[] = [];
  for (const a of full.allocationIds) {
    if (!people.has(a.personId) || !tasks.has(a.taskId)) throw new Error('This proposal was made for another organization: propose again, then keep it.');
    if (a.hours > 0) allocation.push({ personId: a.personId, taskId: a.taskId, hours: a.hours });
  }
  if (allocation.length > MAX_SCENARIO_ROWS) throw new Error(`This plan has more than ${MAX_SCENARIO_ROWS.toLocaleString('en-US')} person-task rows: too large to keep.`);
  return {
    id: meta.id,
    name: meta.name,
    createdAt: meta.createdAt,
    settings: settingsOf(full),
    allocation,
    summary: { movedHours: r.movedHours, bound: r.bound ?? null, tolerance: r.tolerance, before: r.before, after: r.after },
  };
}
