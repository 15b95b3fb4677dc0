// What a re-import would override and change (state/orgFacts.ts, state/reimport.ts): every kind of
// edit made in the app since the last import (hours, a task added or removed, a person's details),
// compared generically; ratings never listed as lost; the overlap rule that makes a re-import ask;
// and the organization as last imported surviving save and reopen.
import { describe, expect, it } from 'vitest';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { parseProject, serializeProject } from '../../../renderer/src/engine/formats/projectCodec';
import { addTaskToPerson, setAssignmentHours, setTaskRating } from '../../../renderer/src/state/edits';
import { overriddenEdits } from '../../../renderer/src/state/orgFacts';
import { compareOrganizations, peopleOverlap } from '../../../renderer/src/state/reimport';
import { overrideText, taskChangeText } from '../../../renderer/src/features/importWizard/changeText';
import { overlapQuestion } from '../../../renderer/src/features/importWizard/ReimportSection';

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));
function org(lines: string[]): Organization {
  const r = importOrganization(csv(['Name,Role,Department,Task,Hours per week', ...lines]), 'staff.csv');
  if (!r.organization) throw new Error(String(r.fatal));
  return r.organization;
}

const IMPORTED = org(['Ana,Clerk,Ops,Filing,10', 'Ana,Clerk,Ops,Grant writing,4', 'Bo,Director,Leadership,Strategy,30']);
const id = (o: Organization, name: string) => o.people.find((p) => p.name === name)!.id;
const withRole = (o: Organization, name: string, role: string): Organization => ({ ...o, people: o.people.map((p) => (p.name === name ? { ...p, role } : p)) });

describe('overriddenEdits: in-app edits the file does not keep', () => {
  const edited = withRole(
    setTaskRating(addTaskToPerson(setAssignmentHours(setAssignmentHours(IMPORTED, id(IMPORTED, 'Ana'), 'grant writing', 6), id(IMPORTED, 'Bo'), 'strategy', 0), id(IMPORTED, 'Ana'), 'Newsletter', 3), 'filing', { empowerment: 0.5 }),
    'Ana', 'Operations clerk',
  );

  it('lists changed hours, an added task, a removed task and a changed role, each with both values; never a rating', () => {
    const lines = overriddenEdits(IMPORTED, edited, IMPORTED).map((e) => `${e.person} · ${overrideText(e)}`);
    expect(lines.sort()).toEqual([
      'Ana · Grant writing: 6 h in the app → 4 h in the file',
      'Ana · added task “Newsletter” (3 h): not in the file, will be removed',
      'Ana · role: “Operations clerk” in the app → “Clerk” in the file',
      'Bo · removed “Strategy” (was 30 h): the file has 30 h, it comes back',
    ]);
  });

  it('an edit the new file agrees with is not lost, so not listed; one it changes otherwise shows the file’s value', () => {
    const file = org(['Ana,Operations clerk,Ops,Filing,10', 'Ana,Operations clerk,Ops,Grant writing,5', 'Ana,Operations clerk,Ops,Newsletter,3']);
    const lines = overriddenEdits(IMPORTED, edited, file).map((e) => `${e.person} · ${overrideText(e)}`);
    expect(lines).toEqual(['Ana · Grant writing: 6 h in the app → 5 h in the file']);
  });

  it('nothing edited in the app: nothing listed, whatever the file changes', () => {
    expect(overriddenEdits(IMPORTED, IMPORTED, org(['Cy,Clerk,Ops,Filing,40']))).toEqual([]);
  });
});

describe('compareOrganizations: the file-side changes person by person', () => {
  it('lists each task whose hours changed (also when the total did not), people added and removed, and changed details', () => {
    const file = org(['Ana,Clerk,Operations,Filing,8', 'Ana,Clerk,Operations,Grant writing,6', 'Cy,Organizer,Organizing,Canvassing,20']);
    const c = compareOrganizations(IMPORTED, file, 0, []);
    expect(c.added).toEqual(['Cy']);
    expect(c.removed).toEqual(['Bo']);
    expect(c.hoursChanged).toEqual([{ name: 'Ana', before: 14, after: 14, tasks: [{ task: 'Filing', before: 10, after: 8 }, { task: 'Grant writing', before: 4, after: 6 }] }]);
    expect(c.hoursChanged[0].tasks.map(taskChangeText)).toEqual(['Filing: 10 h → 8 h', 'Grant writing: 4 h → 6 h']);
    expect(c.detailsChanged).toEqual([{ name: 'Ana', fields: [{ field: 'department', before: 'Ops', after: 'Operations' }] }]);
  });
});

describe('compareOrganizations with overridden edits', () => {
  it('a change that only undoes an app edit is listed once: not again under details, and marked on the job', () => {
    const edited = withRole(setAssignmentHours(IMPORTED, id(IMPORTED, 'Ana'), 'grant writing', 6), 'Ana', 'Operations clerk');
    const c = compareOrganizations(edited, IMPORTED, 0, overriddenEdits(IMPORTED, edited, IMPORTED));
    expect(c.overridden).toHaveLength(2);
    expect(c.detailsChanged).toEqual([]);
    expect(c.hoursChanged[0].tasks.map(taskChangeText)).toEqual(['Grant writing: 6 h → 4 h (edited in the app)']);
  });
});

describe('peopleOverlap: when a re-import asks first', () => {
  const forty = org(Array.from({ length: 40 }, (_, i) => `P${i},Clerk,Ops,Filing,10`));
  const names = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `P${from + i},Clerk,Ops,Filing,10`);
  it('asks when fewer than half of the file’s people, or of the project’s, are matched', () => {
    expect(peopleOverlap(forty, org(names(100, 135)))).toEqual({ fileCount: 35, projectCount: 40, matched: 0, low: true });
    expect(peopleOverlap(forty, org([...names(0, 10), ...names(100, 125)])).low).toBe(true);
    expect(peopleOverlap(forty, org(names(0, 15))).low, '15 of 40 kept: 25 would be removed').toBe(true);
    expect(peopleOverlap(forty, org([...names(0, 39), ...names(100, 102)])).low, 'one left, two joined').toBe(false);
    expect(peopleOverlap(forty, org(names(0, 20))).low, 'exactly half is not "under half"').toBe(false);
  });

  it('the question names the counts and the project', () => {
    expect(overlapQuestion({ fileCount: 35, projectCount: 40, matched: 0, low: true }, 'Riverside')).toBe('None of the 35 people in this file are in Riverside: start a new project with them instead?');
    expect(overlapQuestion({ fileCount: 35, projectCount: 40, matched: 3, low: true }, 'Riverside')).toBe('Only 3 of the 35 people in this file are in Riverside: start a new project with them instead?');
    expect(overlapQuestion({ fileCount: 15, projectCount: 40, matched: 15, low: true }, 'Riverside')).toBe('This file has 15 people, but 25 of the 40 people in Riverside are not in it: re-importing would remove them. Start a new project with this file instead?');
  });
});

describe('the organization as last imported in the project file', () => {
  it('survives save and reopen; a file without it still opens', () => {
    const project = { ...createProject('Riverside', setAssignmentHours(IMPORTED, id(IMPORTED, 'Ana'), 'filing', 12)), importedOrganization: IMPORTED };
    const reopened = parseProject(serializeProject(project));
    expect(reopened.ok && reopened.project.importedOrganization).toEqual(IMPORTED);
    const { importedOrganization: _, ...old } = project;
    const oldFile = parseProject(serializeProject(old));
    expect(oldFile.ok && oldFile.project.importedOrganization).toBeUndefined();
  });
});
