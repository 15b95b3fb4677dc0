// @vitest-environment happy-dom
// Category mode in the app (state/categories.ts, features/categories/*Data/Text): δ set in points
// and checked; the panel's figures on the South End Press fixture equal the hand computation in
// test/fixtures/categories/README.md; the balance run (the engine's LP, given directly) leaves all
// ten balanced; Apply is one undo step and refuses a plan made for an older organization.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { balanceCategories } from '../../../renderer/src/engine/categories/balance';
import { categoryShares } from '../../../renderer/src/engine/categories/shares';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Highs } from '../../../renderer/src/engine/balance/types';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { getHighs } from '../../helpers/balance-run';

vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => ({ run: () => Promise.reject(new Error('no worker in this test')), cancelAll: () => undefined }),
  importInWorker: () => { throw new Error('no worker in this test'); },
  auditInWorker: async () => ({}),
  beforeImport: () => undefined,
}));

const { actions, commit, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');
const C = await import('../../../renderer/src/state/categories');
const { mixRows, ORGANIZATION_LABEL } = await import('../../../renderer/src/features/categories/categoryChartData');
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
    expect(C.categoriesStore.get().delta).toBe(0.1);
    expect(C.setDeltaPoints(0)).toMatch(/more than 0/);
    expect(C.setDeltaPoints(-5)).toMatch(/more than 0/);
    expect(C.setDeltaPoints(51)).toMatch(/At most 50/);
    expect(C.setDeltaPoints(Number.NaN)).not.toBeNull();
    expect(C.categoriesStore.get().delta).toBe(0.1);
    expect(C.setDeltaPoints(12.5)).toBeNull();
    expect(C.categoriesStore.get().delta).toBe(0.125);
  });

  it('drops a plan made at another δ', async () => {
    await C.runCategoryBalance(engine);
    expect(C.categoriesStore.get().plan).not.toBeNull();
    C.setDeltaPoints(10);
    expect(C.categoriesStore.get().plan, 'same δ: kept').not.toBeNull();
    C.setDeltaPoints(20);
    expect(C.categoriesStore.get().plan).toBeNull();
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
  it('balances all ten, and Apply makes the plan the jobs in one undo step', async () => {
    const run = C.runCategoryBalance(engine);
    expect(C.categoriesStore.get().running).toBe(true);
    await run;
    const { plan, running } = C.categoriesStore.get();
    expect(running).toBe(false);
    expect(plan!.status).toBe('optimal');
    const f = C.planFigures(org, plan!);
    expect(f).toMatchObject({ people: 10, balancedBefore: 0, balancedAfter: 10 });
    expect(f.transfers.reduce((s, t) => s + t.hours, 0)).toBeCloseTo(plan!.movedHours, 9);
    expect(f.transfers.every((t) => org.people.some((p) => p.name === t.from) && org.tasks.some((x) => x.name === t.task))).toBe(true);

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
    expect(C.planIsCurrent(C.categoriesStore.get(), store.get().revision)).toBe(true);
    const edited = { ...org, assignments: org.assignments.map((a, i) => (i === 0 ? { ...a, hours: a.hours + 1 } : a)) };
    commit({ ...store.get().project!, organization: edited });
    expect(C.planIsCurrent(C.categoriesStore.get(), store.get().revision)).toBe(false);
    expect(C.applyCategoryPlan()).toMatch(/changed since this plan was made/);
    expect(store.get().project!.organization).toBe(edited);
  });

  it('shows a failed run’s message, and drops an answer that a reset overtook', async () => {
    await C.runCategoryBalance(() => Promise.reject(new Error('the engine stopped')));
    expect(C.categoriesStore.get()).toMatchObject({ running: false, error: 'the engine stopped', plan: null });
    let release!: () => void;
    const late = C.runCategoryBalance(() => new Promise((r) => { release = () => r(balanceCategories(org, highs, 0.1)); }));
    C.resetCategories();
    release();
    await late;
    expect(C.categoriesStore.get().plan).toBeNull();
  });
});
