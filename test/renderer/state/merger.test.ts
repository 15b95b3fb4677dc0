// @vitest-environment happy-dom
// The Merger view's state (state/merger.ts, mergerFigures.ts, mergerActions.ts) on the two samples:
// names kept unique, a person's word laid over the engine's matches (reject, accept, by hand, done
// once) and what it does to the pooling; using the merged organization is one undo step; the
// figures after a plan; a new project starts a new merger.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { importOrganization } from '../../../renderer/src/engine/import';
import { mergeOutcome } from '../../../renderer/src/engine/merge/outcome';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { applySuggestions } from '../../../renderer/src/engine/rating/suggest';

vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => ({ run: () => Promise.reject(new Error('no worker in this test')), cancelAll: () => undefined }),
  importInWorker: () => { throw new Error('no worker in this test'); },
  auditInWorker: async () => ({}),
}));

const { actions, commit, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');
const M = await import('../../../renderer/src/state/merger');
const F = await import('../../../renderer/src/state/mergerFigures');
const { applyMergedOrganization, nameOfFile } = await import('../../../renderer/src/state/mergerActions');

const read = (file: string): Organization => {
  const full = path.join(__dirname, '..', '..', '..', 'resources', file);
  return applySuggestions(importOrganization(new Uint8Array(readFileSync(full)), full, { hoursPerFte: 40, mapping: { sheets: {} } }).organization!);
};
let riverside: Organization;
let eastside: Organization;
beforeAll(() => {
  riverside = read('sample-organization.xlsx');
  eastside = read('sample-partner.xlsx');
});

const TOLERANCE = 0.95;
/** The figures the view derives from the state now. */
function figures() {
  const s = M.mergerStore.get();
  const sources = F.mergeSources(riverside, M.openNameOf(s, store.get().project!.name), s.partners);
  return F.mergerFigures(sources, F.findMatches(sources), s.reviewed, TOLERANCE);
}
const match = (a: string) => figures().matches.find((m) => m.a === a)!;

beforeEach(() => {
  resetWorkspace();
  M.resetMerger();
  commit(createProject('Riverside', riverside), { undoable: false });
  M.resetMerger();
});

describe('organizations', () => {
  it('names an added organization after its file, unique among the merger, renamed and removed with the words on its matches', () => {
    expect(nameOfFile('sample-partner.xlsx')).toBe('sample-partner');
    expect(nameOfFile('Eastside.co-op.fairshare')).toBe('Eastside.co-op');
    const k1 = M.addPartner('Eastside', 'e.xlsx', eastside);
    const k2 = M.addPartner('eastside', 'e2.xlsx', eastside);
    expect(M.addPartner('riverside', 'r.xlsx', riverside)).toBeTruthy();
    expect(M.mergerStore.get().partners.map((p) => p.name)).toEqual(['Eastside', 'eastside (2)', 'riverside (2)']);
    M.decide(match('Grant writing'), 'rejected');
    expect(M.renameOrganization(k1, '  ')).toBe('An organization needs a name.');
    expect(M.renameOrganization(k1, 'RIVERSIDE')).toBe('Another organization is called “RIVERSIDE”.');
    expect(M.renameOrganization(k1, ' East   side ')).toBeNull();
    expect(M.mergerStore.get().partners[0].name).toBe('East side');
    // The word on the match follows the rename: the pair is still rejected.
    M.removePartner(k2);
    M.removePartner(M.mergerStore.get().partners[1].key);
    expect(match('Grant writing')).toMatchObject({ organizationB: 'East side', status: 'rejected' });
    expect(M.renameOrganization(null, 'River')).toBeNull();
    expect(match('Grant writing')).toMatchObject({ organizationA: 'River', status: 'rejected' });
    M.removePartner(k1);
    expect(M.mergerStore.get()).toMatchObject({ partners: [], reviewed: [] });
  });
});

describe('reviewing matches', () => {
  beforeEach(() => {
    M.addPartner('Eastside', 'sample-partner.xlsx', eastside);
  });

  it('pools the 20 tasks the samples share; rejecting one keeps the two apart, Reset pools it again', () => {
    const f = figures();
    expect(f.matches.filter((m) => m.status === 'auto')).toHaveLength(20);
    const tasks = f.pooled.organization.tasks.length;
    expect(tasks).toBe(riverside.tasks.length + eastside.tasks.length - 20);
    M.decide(match('Grant writing'), 'rejected');
    expect(match('Grant writing').status).toBe('rejected');
    expect(figures().pooled.organization.tasks.length).toBe(tasks + 1);
    M.undecide(match('Grant writing'));
    expect(match('Grant writing').status).toBe('auto');
    expect(M.mergerStore.get().reviewed).toEqual([]);
    expect(figures().pooled.organization.tasks.length).toBe(tasks);
  });

  it('a hand match pools two differently named tasks (accepted); rejecting it keeps them apart', () => {
    const tasks = figures().pooled.organization.tasks.length;
    M.handMatch({ organization: 'Riverside', task: 'Shovel snow and salt walkways' }, { organization: 'Eastside', task: 'Snow removal' });
    const hand = figures().matches.find((m) => m.reason === 'matched by hand')!;
    expect(hand).toMatchObject({ a: 'Shovel snow and salt walkways', b: 'Snow removal', status: 'accepted' });
    expect(figures().pooled.organization.tasks.length).toBe(tasks - 1);
    M.decide(hand, 'rejected');
    expect(figures().pooled.organization.tasks.length).toBe(tasks);
  });

  it('done once frees the hours above the larger total (default) or above the hours typed, for programme work', () => {
    const m = match('Financial reporting');
    const f0 = figures();
    const a = f0.taskHours.get('Riverside')!.get('Financial reporting')!;
    const b = f0.taskHours.get('Eastside')!.get('Financial reporting')!;
    expect(F.doneOnceDefault(f0, m)).toBe(Math.max(a, b));
    M.setDoneOnce(m, true);
    let f = figures();
    expect(match('Financial reporting')).toMatchObject({ status: 'auto', doneOnce: true });
    expect(f.pooled.freedHours).toBeCloseTo(Math.min(a, b), 9);
    M.setDoneOnce(match('Financial reporting'), true, 4);
    f = figures();
    expect(f.pooled.freedHours).toBeCloseTo(a + b - 4, 9);
    // Hours no longer needed are freed, not taken from the organization's total as people.
    expect(f.headline.people).toBe(riverside.people.length + eastside.people.length);
    M.setDoneOnce(match('Financial reporting'), false);
    expect(figures().pooled.freedHours).toBe(0);
    // A proposed or rejected match cannot be done once.
    M.decide(match('Grant writing'), 'rejected');
    M.setDoneOnce(match('Grant writing'), true);
    expect(match('Grant writing').doneOnce).toBeUndefined();
  });

  it('the federated and merged figures are the engine’s on the pooled organization', () => {
    const f = figures();
    expect(f.federated.organizations.map((o) => [o.name, o.people, o.hours])).toEqual([['Riverside', 40, 1510], ['Eastside', 13, 472]]);
    expect(f.headline).toMatchObject({ people: 53, hours: 1982 });
    expect(f.before.programme.filter((p) => p.department === null).map((p) => [p.organization, p.before, p.after])).toEqual([['Riverside', 1510, null], ['Eastside', 472, null]]);
  });
});

describe('using the merged organization', () => {
  beforeEach(() => {
    M.addPartner('Eastside', 'sample-partner.xlsx', eastside);
  });

  it('is one undo step that opens the Proposal view; undo brings back the 40-person organization', () => {
    const f = figures();
    const before = store.get().revision;
    applyMergedOrganization(f);
    const s = store.get();
    expect(s.project!.organization).toBe(f.pooled.organization);
    expect(s.project!.organization.people).toHaveLength(53);
    expect(s.view).toBe('proposal');
    expect(s.revision).toBe(before + 1);
    expect(F.isMerged(s.project!.organization)).toBe(true);
    expect(F.pooledInWorkspace(s.project!.organization, M.mergerStore.get().applied)).toBe(f.pooled);
    // The merger stays planned from the organization the merged one replaced.
    expect(M.mergerStore.get().applied!.base).toBe(riverside);
    expect(M.mergerStore.get().partners).toHaveLength(1);
    actions.undo();
    expect(store.get().project!.organization).toBe(riverside);
    expect(F.pooledInWorkspace(riverside, M.mergerStore.get().applied)).toBeNull();
  });

  it('after a plan: programme hours by origin equal before, the work crossing organizations is counted', () => {
    const f = figures();
    applyMergedOrganization(f);
    const org = store.get().project!.organization;
    // A plan that gives all of one Riverside person's strategic planning to an Eastside person.
    const task = org.tasks.find((t) => t.name === 'Strategic planning')!.id;
    const from = org.assignments.find((a) => a.taskId === task && f.pooled.personOrigin[a.personId] === 'Riverside')!;
    const to = org.people.find((p) => p.organization === 'Eastside')!.id;
    const plan = org.assignments.map((a) => (a === from ? { ...a, personId: to } : a));
    const after = F.afterPlan(F.pooledInWorkspace(org, M.mergerStore.get().applied)!, plan);
    for (const p of after.programme) expect(p.after).toBeCloseTo(p.before, 9);
    expect(after.crossing!.hours).toBeCloseTo(from.hours, 9);
    expect(after.crossing!.byOrganization).toEqual([{ organization: 'Riverside', took: 0, gave: from.hours }, { organization: 'Eastside', took: from.hours, gave: 0 }]);
    expect(after.control.find((c) => c.task === 'Strategic planning')!.after!.hours).toBeCloseTo(f.before.control.find((c) => c.task === 'Strategic planning')!.pooledBefore.hours, 9);
  });

  it('a merged organization edited or reopened is rebuilt from its people’s origins: the same programme and control figures', () => {
    const f = figures();
    const edited = { ...f.pooled.organization, people: [...f.pooled.organization.people] };
    const rebuilt = F.pooledInWorkspace(edited, null)!;
    expect(rebuilt.organizations).toEqual(['Riverside', 'Eastside']);
    expect(mergeOutcome(rebuilt, null)).toEqual(f.before);
    expect(F.pooledInWorkspace(riverside, null)).toBeNull();
  });
});

it('a new project starts a new merger; an edit keeps it', () => {
  M.addPartner('Eastside', 'sample-partner.xlsx', eastside);
  actions.setHours(riverside.people[0].id, riverside.assignments.find((a) => a.personId === riverside.people[0].id)!.taskId, 1);
  expect(M.mergerStore.get().partners).toHaveLength(1);
  commit({ ...createProject('Other', eastside), sourceFiles: [{ name: 'x.xlsx', importedAt: '2026-01-01T00:00:00.000Z', mapping: { sheets: {} } }] }, { undoable: false });
  expect(M.mergerStore.get().partners).toHaveLength(0);
});
