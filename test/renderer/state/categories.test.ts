// @vitest-environment happy-dom
// Category mode in the app (state/categories.ts, features/categories/*Data/Text,
// features/proposal/categoryResultsData.ts): δ set in points, checked, saved in the project as an
// undoable edit and kept through save and open; the panel's figures on the South End Press fixture
// equal the hand computation in test/fixtures/categories/README.md; the balance run (the engine's
// LP, given directly) leaves all ten balanced, with the plan's figures recomputed independently;
// Cancel answers at once and drops the late answer; Apply is one undo step and refuses a plan made
// for an older organization or another δ; the Proposal view's basis follows the project.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { balanceCategories } from '../../../renderer/src/engine/categories/balance';
import { categoryShares } from '../../../renderer/src/engine/categories/shares';
import { withAllocation } from '../../../renderer/src/engine/categories/plan';
import { JobCancelled } from '../../../renderer/src/worker/client';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Highs } from '../../../renderer/src/engine/balance/types';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { getHighs } from '../../helpers/balance-run';

const { cancelAll } = vi.hoisted(() => ({ cancelAll: vi.fn() }));
vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => ({ run: () => Promise.reject(new Error('no worker in this test')), cancelAll }),
  importInWorker: () => { throw new Error('no worker in this test'); },
  auditInWorker: async () => ({}),
  beforeImport: () => undefined,
}));

const { actions, commit, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');
const C = await import('../../../renderer/src/state/categories');
const { beforeAfterRows, mixRows, ORGANIZATION_LABEL } = await import('../../../renderer/src/features/categories/categoryChartData');
const { categoryResults } = await import('../../../renderer/src/features/proposal/categoryResultsData');
const mixRowsOf = (f: { before: ReturnType<typeof categoryShares>; after: ReturnType<typeof categoryShares> }) => beforeAfterRows(f.before, f.after);
const { balancedLine, offTheMix } = await import('../../../renderer/src/features/categories/categoryText');

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'categories', 'south-end-press.csv');

let org: Organization;
let highs: Highs;
beforeAll(async () => {
  const read = importOrganization(new Uint8Array(readFileSync(FIXTURE)), 'south-end-press.csv', { hoursPerFte: 40, mapping: { sheets: {} } });
  if (!read.organization) throw new Error(String(read.fatal));
  org = read.organization;
  highs = await getHighs();
});

const engine = (o: Organization, delta: number) => Promise.resolve(balanceCategories(o, highs, delta));

beforeEach(() => {
  resetWorkspace();
  C.resetCategories();
  commit(createProject('South End Press', org), { undoable: false });
});

describe('δ', () => {
  it('is set in points, defaults to 10, and refuses 0, negatives and more than 50', () => {
    expect(C.categoryDeltaOf(store.get().project)).toBe(0.1);
    expect(store.get().project!.settings.categoryDelta).toBeUndefined();
    expect(C.setDeltaPoints(0)).toMatch(/more than 0/);
    expect(C.setDeltaPoints(-5)).toMatch(/more than 0/);
    expect(C.setDeltaPoints(51)).toMatch(/At most 50/);
    expect(C.setDeltaPoints(Number.NaN)).not.toBeNull();
    expect(C.categoryDeltaOf(store.get().project)).toBe(0.1);
    expect(C.setDeltaPoints(12.5)).toBeNull();
    expect(C.categoryDeltaOf(store.get().project)).toBe(0.125);
  });

  it('is saved in the project: one undo step, nothing recorded for the same δ, kept through save and open', async () => {
    const past = store.get().past.length;
    C.setDeltaPoints(10);
    expect(store.get().past.length, 'the default again: no step').toBe(past);
    C.setDeltaPoints(20);
    expect(store.get().project!.settings.categoryDelta).toBe(0.2);
    expect(store.get().past.length).toBe(past + 1);
    expect(store.get().dirty).toBe(true);
    actions.undo();
    expect(C.categoryDeltaOf(store.get().project)).toBe(0.1);
    actions.redo();
    expect(C.categoryDeltaOf(store.get().project)).toBe(0.2);

    const { serializeProject, parseProject } = await import('../../../renderer/src/engine/formats/projectCodec');
    const text = serializeProject(store.get().project!);
    expect(JSON.parse(text).settings.categoryDelta).toBe(0.2);
    await actions.loadProjectText(text, null);
    expect(C.categoryDeltaOf(store.get().project)).toBe(0.2);
    // A file saved before δ was kept opens with the default; a δ outside 0–1 is refused by name.
    const old = JSON.parse(text);
    delete old.settings.categoryDelta;
    const opened = parseProject(JSON.stringify(old));
    expect(opened.ok && C.categoryDeltaOf(opened.project)).toBe(0.1);
    const bad = parseProject(JSON.stringify({ ...old, settings: { ...old.settings, categoryDelta: 3 } }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/categoryDelta/);
  });

  it('a plan made at another δ is not current; undoing the δ makes it current again', async () => {
    await C.runCategoryBalance(engine);
    expect(C.planCurrency(C.categoriesStore.get(), store.get().project)).toBe('current');
    C.setDeltaPoints(20);
    expect(C.planCurrency(C.categoriesStore.get(), store.get().project)).toBe('delta');
    expect(C.applyCategoryPlan()).toMatch(/band changed/);
    actions.undo();
    expect(C.planCurrency(C.categoriesStore.get(), store.get().project)).toBe('current');
  });
});

describe('the panel figures', () => {
  it('are the fixture’s hand-computed mix, none balanced, Ken furthest off, in the CLI’s words', () => {
    const a = C.categoryAuditOf(org, 0.1)!;
    // Managerial 36, Content 142, Administrative 80, Maintenance 62, (none) 4 of 324 h (fixture README).
    expect(a.categories.map((c) => [c.name, c.hours])).toEqual([['Content', 142], ['Administrative', 80], ['Maintenance', 62], ['Managerial', 36], ['(none)', 4]]);
    expect(a.categories[0].share).toBeCloseTo(142 / 324, 12);
    expect(balancedLine(a)).toBe('0 of 10 people balanced; 0% of hours are in balanced jobs');
    expect(a.furthest[0].name).toBe('Ken Brandt');
    expect(offTheMix(a, a.furthest[0])).toBe('81% of hours off the mix (Maintenance 100% against 19%)');
  });

  it('are null without a category (the panel and the chart are not shown)', () => {
    const plain = { ...org, tasks: org.tasks.map((t) => ({ ...t, category: undefined })) };
    expect(C.categoryAuditOf(plain, 0.1)).toBeNull();
    expect(C.categoryAuditOf(null, 0.1)).toBeNull();
  });

  it('chart rows: the organization’s mix first, then people by score, highest first, shares adding to 1', () => {
    const a = categoryShares(org, 0.1);
    const rows = mixRows(a);
    expect(rows[0]).toMatchObject({ label: ORGANIZATION_LABEL, reference: true, c0: a.categories[0].share });
    expect(rows.slice(1).map((r) => r.label)).toEqual([...a.people].sort((x, y) => y.score - x.score).map((p) => p.name));
    for (const r of rows) expect(a.categories.reduce((s, _, i) => s + r[`c${i}`], 0)).toBeCloseTo(1, 12);
    expect(mixRows(a, (n) => n.toUpperCase(), 3).map((r) => r.label)).toEqual([ORGANIZATION_LABEL, 'KEN BRANDT', rows[2].label.toUpperCase(), rows[3].label.toUpperCase()]);
  });
});

describe('balance and apply', () => {
  it('balances all ten; the plan’s figures are an independent recount; Apply makes it the jobs in one undo step', async () => {
    const run = C.runCategoryBalance(engine);
    expect(C.categoriesStore.get().running).not.toBeNull();
    await run;
    const { plan, running, planFor } = C.categoriesStore.get();
    expect(running).toBeNull();
    expect(planFor).toBe(org);
    expect(plan!.status).toBe('optimal');
    const f = categoryResults(org, plan!);
    expect(f).toMatchObject({ people: 10, balancedBefore: 0, balancedAfter: 10 });
    expect(f.transfers.reduce((s, t) => s + t.hours, 0)).toBeCloseTo(plan!.movedHours, 9);
    expect(f.transfers.every((t) => org.people.some((p) => p.name === t.from) && org.tasks.some((x) => x.name === t.task))).toBe(true);
    // Hours off the mix, recounted from the assignments: Σ_person ½Σ_category |h_pc − h_p·S_c| / H.
    const offMix = (o: Organization) => {
      const h = new Map<string, Map<string, number>>();
      const cat = new Map(o.tasks.map((t) => [t.id, (t.category ?? '').trim().toLowerCase()]));
      for (const a of o.assignments) {
        const m = h.get(a.personId) ?? new Map<string, number>();
        h.set(a.personId, m);
        m.set(cat.get(a.taskId)!, (m.get(cat.get(a.taskId)!) ?? 0) + a.hours);
      }
      const total = o.assignments.reduce((s, a) => s + a.hours, 0);
      const byCat = new Map<string, number>();
      for (const m of h.values()) for (const [c, x] of m) byCat.set(c, (byCat.get(c) ?? 0) + x);
      let off = 0;
      for (const m of h.values()) {
        const hp = [...m.values()].reduce((s, x) => s + x, 0);
        for (const [c, x] of byCat) off += Math.abs((m.get(c) ?? 0) - (hp * x) / total) / 2;
      }
      return off / total;
    };
    expect(f.offMixBefore).toBeCloseTo(offMix(org), 12);
    expect(f.offMixAfter).toBeCloseTo(offMix(withAllocation(org, plan!.allocation)), 12);
    expect(f.offMixAfter).toBeLessThan(f.offMixBefore);
    expect(f.furthestBefore).toEqual({ name: 'Ken Brandt', score: expect.closeTo(0.81, 2) });
    expect(f.mixes.filter((m) => !m.balancedBefore && m.balancedAfter)).toHaveLength(10);
    expect(mixRowsOf(f).length).toBe(21);

    expect(C.applyCategoryPlan()).toBeNull();
    const after = store.get().project!.organization;
    expect(categoryShares(after, 0.1).balancedPeople).toBe(10);
    expect(C.categoriesStore.get().plan).toBeNull();
    expect(store.get().notice?.text).toMatch(/Applied the category plan/);
    actions.undo();
    expect(store.get().project!.organization).toBe(org);
  });

  it('refuses to apply a plan made before the organization changed, or none', async () => {
    expect(C.applyCategoryPlan()).toMatch(/Balance the categories first/);
    await C.runCategoryBalance(engine);
    const edited = { ...org, assignments: org.assignments.map((a, i) => (i === 0 ? { ...a, hours: a.hours + 1 } : a)) };
    commit({ ...store.get().project!, organization: edited });
    expect(C.planCurrency(C.categoriesStore.get(), store.get().project)).toBe('organization');
    expect(C.applyCategoryPlan()).toMatch(/changed since this plan was made/);
    expect(store.get().project!.organization).toBe(edited);
  });

  it('shows a failed run’s message, and drops an answer that a reset overtook', async () => {
    await C.runCategoryBalance(() => Promise.reject(new Error('the engine stopped')));
    expect(C.categoriesStore.get()).toMatchObject({ running: null, error: 'the engine stopped', plan: null });
    let release!: () => void;
    const late = C.runCategoryBalance(() => new Promise((r) => { release = () => r(balanceCategories(org, highs, 0.1)); }));
    C.resetCategories();
    release();
    await late;
    expect(C.categoriesStore.get().plan).toBeNull();
  });

  it('Cancel frees the view at once, restarts the worker after the paint, and drops the late answer', async () => {
    cancelAll.mockClear();
    let release!: () => void;
    const late = C.runCategoryBalance(() => new Promise((r) => { release = () => r(balanceCategories(org, highs, 0.1)); }));
    expect(C.categoriesStore.get().running).not.toBeNull();
    C.cancelCategoryBalance();
    expect(C.categoriesStore.get().running).toBeNull();
    expect(cancelAll, 'not before the paint').not.toHaveBeenCalled();
    await vi.waitFor(() => expect(cancelAll).toHaveBeenCalledTimes(1));
    release();
    await late;
    expect(C.categoriesStore.get()).toMatchObject({ running: null, plan: null, error: null });
    // A cancelled job (another job's Cancel restarted the worker) is a stop, not a failure.
    await C.runCategoryBalance(() => Promise.reject(new JobCancelled()));
    expect(C.categoriesStore.get()).toMatchObject({ running: null, error: null });
  });
});

describe('the Proposal view’s basis', () => {
  it('is ratings without categories, categories for a project with only suggested ratings, and the person’s choice otherwise', () => {
    const plain = { ...org, tasks: org.tasks.map((t) => ({ ...t, category: undefined })) };
    expect(C.hasCategories(plain)).toBe(false);
    expect(C.basisFor('categories', plain)).toBe('ratings');
    expect(C.hasCategories(org)).toBe(true);
    expect(org.tasks.every((t) => t.source === 'unrated' || t.source === 'suggested')).toBe(true);
    expect(C.basisFor(null, org)).toBe('categories');
    expect(C.basisFor('ratings', org)).toBe('ratings');
    const rated = { ...org, tasks: org.tasks.map((t, i) => (i === 0 ? { ...t, empowerment: 0.5, source: 'file' as const } : t)) };
    expect(C.basisFor(null, rated)).toBe('ratings');
    expect(C.basisFor('categories', rated)).toBe('categories');
  });
});
