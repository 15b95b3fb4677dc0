/**
 * Constraints edited in the app reach the project file and the engine: a lock, a chore, what a
 * task requires and who holds a qualification survive save → open (serializeProject → parseProject),
 * and the proposal honours them on the Riverside sample (both dimensions, 0.5 h blocks): a locked
 * assignment keeps its hours exactly, a chore rotates, a required qualification keeps new hours on
 * the task to its holders.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProposal, type FullProposal } from '../../../renderer/src/engine/balance/fullProposal';
import { parseProject, serializeProject } from '../../../renderer/src/engine/formats/projectCodec';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Highs } from '../../../renderer/src/engine/balance/types';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { applySuggestions } from '../../../renderer/src/engine/rating/suggest';
import { setAssignmentLocked, setQualification, setQualificationFor, setTaskChore, setTaskRequires } from '../../../renderer/src/state/edits';
import { getHighs } from '../../helpers/balance-run';

const SETTINGS = { desirability: true, granularity: 0.5, file: 'x' } as const;

let org: Organization;
let highs: Highs;
let plain: FullProposal;
beforeAll(async () => {
  const file = path.join(__dirname, '..', '..', '..', 'resources', 'sample-organization.xlsx');
  org = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!);
  highs = await getHighs();
  plain = makeProposal(org, highs, SETTINGS);
});

const personId = (name: string) => org.people.find((p) => p.name === name)!.id;
const taskId = (name: string) => org.tasks.find((t) => t.name === name)!.id;
/** A person's weekly hours on a task in a proposal's allocation (0 when none). */
const hoursIn = (p: FullProposal, person: string, task: string) => p.report.allocation.filter((a) => a.person === person && a.task === task).reduce((s, a) => s + a.hours, 0);

describe('saved in the project', () => {
  it('a lock, a chore, a requirement and a qualification edited in the app survive save → open', () => {
    const [a, b] = org.assignments.filter((x) => !x.locked);
    let edited = setAssignmentLocked(org, a.personId, a.taskId, true);
    edited = setTaskChore(edited, b.taskId, true);
    edited = setTaskRequires(edited, a.taskId, ['Finance', 'first aid']);
    edited = setQualification(edited, org.people[3].id, 'first aid', true);
    edited = setQualificationFor(edited, [org.people[0].id, org.people[1].id], 'Finance', true);
    const parsed = parseProject(serializeProject(createProject('Riverside', edited)));
    if (!parsed.ok) throw new Error(parsed.error);
    const back = parsed.project.organization;
    expect(back).toEqual(edited);
    expect(back.assignments.find((x) => x.personId === a.personId && x.taskId === a.taskId)!.locked).toBe(true);
    expect(back.tasks.find((t) => t.id === b.taskId)!.chore).toBe(true);
    expect(back.tasks.find((t) => t.id === a.taskId)!.requires).toEqual(['Finance', 'first aid']);
    expect(back.people.slice(0, 2).map((p) => p.qualifications)).toEqual([['Finance'], ['Finance']]);
    expect(back.people[3].qualifications).toEqual(['first aid']);
    // Undone (the edits reversed), the file is the imported organization again.
    let undone = setAssignmentLocked(back, a.personId, a.taskId, false);
    undone = setTaskChore(undone, b.taskId, false);
    undone = setTaskRequires(undone, a.taskId, []);
    undone = setQualification(setQualificationFor(undone, [org.people[0].id, org.people[1].id], 'finance', false), org.people[3].id, 'First aid', false);
    expect(undone).toEqual(org);
  });
});

describe('honoured by the proposal (Riverside)', () => {
  it('a locked assignment keeps its hours exactly, where the unlocked plan moved them', () => {
    // The largest share the default plan takes away from one person's task.
    const [job, given] = plain.report.jobs.flatMap((j) => j.givenUp.map((g) => [j, g] as const)).sort((x, y) => y[1].hours - x[1].hours)[0];
    const before = org.assignments.find((x) => x.personId === personId(job.name) && x.taskId === taskId(given.task))!.hours;
    expect(hoursIn(plain, job.name, given.task)).toBeCloseTo(before - given.hours, 9);
    expect(given.hours).toBeGreaterThanOrEqual(1);
    const locked = makeProposal(setAssignmentLocked(org, personId(job.name), taskId(given.task), true), highs, SETTINGS);
    expect(locked.report.status).toBe(plain.report.status);
    expect(hoursIn(locked, job.name, given.task)).toBe(before);
    expect(locked.report.jobs.find((j) => j.name === job.name)!.givenUp.map((g) => g.task)).not.toContain(given.task);
  });

  it('a task marked as a chore rotates over the quarter', () => {
    const chore = 'Empty trash and recycling';
    expect(plain.rotation).toBeNull();
    const rotated = makeProposal(setTaskChore(org, taskId(chore), true), highs, SETTINGS);
    expect(rotated.rotationNote).toBeNull();
    expect(rotated.rotation!.chores.map((c) => c.task)).toEqual([chore]);
    expect(new Set(rotated.rotation!.slots.map((s) => s.task))).toEqual(new Set([chore]));
  });

  it('new hours on a task that requires a qualification go only to its holders', () => {
    // The task the default plan hands to the most new people; require "finance" of it, held by two who do not do it.
    const gainers = new Map<string, Set<string>>();
    for (const j of plain.report.jobs) for (const g of j.gained) gainers.set(g.task, (gainers.get(g.task) ?? new Set()).add(j.name));
    const [task, takers] = [...gainers].sort((x, y) => y[1].size - x[1].size)[0];
    expect(takers.size).toBeGreaterThan(2);
    const holders = [...takers].slice(0, 2);
    let edited = setTaskRequires(org, taskId(task), ['finance']);
    edited = setQualificationFor(edited, holders.map(personId), 'Finance', true);
    const qualified = makeProposal(edited, highs, SETTINGS);
    const gainedBy = qualified.report.jobs.filter((j) => j.gained.some((g) => g.task === task)).map((j) => j.name);
    expect(gainedBy.length).toBeGreaterThan(0);
    for (const name of gainedBy) expect(holders).toContain(name);
  });
});
