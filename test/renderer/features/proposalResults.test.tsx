// @vitest-environment happy-dom
/**
 * The Proposal view's result components on a real proposal (Riverside, both dimensions, 0.5 h
 * blocks, two chores rotating): figures equal the report's, person cards sort, filter and page,
 * the transfers table filters and sorts, the training plan totals, the rotation grid fills its weeks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeProposal, type FullProposal } from '../../../renderer/src/engine/balance/fullProposal';
import { importOrganization } from '../../../renderer/src/engine/import';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { applySuggestions } from '../../../renderer/src/engine/rating/suggest';
import { ProposalFigures } from '../../../renderer/src/features/proposal/ProposalFigures';
import { CARD_PAGE, PersonCards } from '../../../renderer/src/features/proposal/PersonCards';
import { TransfersTable } from '../../../renderer/src/features/proposal/TransfersTable';
import { TrainingPlan } from '../../../renderer/src/features/proposal/TrainingPlan';
import { RotationGrid } from '../../../renderer/src/features/proposal/RotationGrid';
import { onerousHoursOfThird, personCards, sortCards } from '../../../renderer/src/features/proposal/resultsData';
import { getHighs } from '../../helpers/balance-run';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let org: Organization;
let proposal: FullProposal;
beforeAll(async () => {
  const file = path.join(__dirname, '..', '..', '..', 'resources', 'sample-organization.xlsx');
  org = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!);
  const choreIds = org.tasks.filter((t) => ['Mop and wax floors', 'Empty trash and recycling'].includes(t.name)).map((t) => t.id);
  proposal = makeProposal(org, await getHighs(), { desirability: true, granularity: 0.5, file: 'sample', choreIds });
});

let root: Root | null = null;
let container: HTMLElement;
afterEach(() => { act(() => root?.unmount()); root = null; container?.remove(); });
async function mount(el: ReactElement): Promise<HTMLElement> {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(el));
  return container;
}
const byTestId = <T extends HTMLElement = HTMLElement>(c: ParentNode, id: string) => c.querySelector<T>(`[data-testid="${id}"]`) ?? (() => { throw new Error(`no ${id}`); })();
const all = (c: ParentNode, id: string) => [...c.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
async function setValue(el: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}
const click = (el: HTMLElement) => act(async () => el.click());
const num = (el: HTMLElement, attr = 'data-value') => Number(el.getAttribute(attr));
/** The text a sighted reader sees (without the words only screen readers get). */
function seen(el: HTMLElement): string {
  const copy = el.cloneNode(true) as HTMLElement;
  for (const h of copy.querySelectorAll('.visually-hidden')) h.remove();
  return copy.textContent ?? '';
}

describe('ProposalFigures', () => {
  it('shows every figure before → after equal to the report’s', async () => {
    const c = await mount(<ProposalFigures proposal={proposal} />);
    const r = proposal.report;
    const pairs: [string, number, number][] = [
      ['absoluteGini', r.before.absoluteGini, r.after.absoluteGini], ['withinTolerance', r.before.withinTolerance, r.after.withinTolerance],
      ['coordinatorPeople', r.before.coordinatorPeople, r.after.coordinatorPeople], ['desirabilityAbsoluteGini', r.before.desirabilityAbsoluteGini, r.after.desirabilityAbsoluteGini],
    ];
    for (const [key, before, after] of pairs) {
      const el = byTestId(c, `proposal-figure-${key}`);
      expect([num(el, 'data-before'), num(el)]).toEqual([before, after]);
    }
    expect(seen(byTestId(c, 'proposal-figure-absoluteGini'))).toContain(`${r.before.absoluteGini.toFixed(1)} → ${r.after.absoluteGini.toFixed(1)} points`);
    expect(seen(byTestId(c, 'proposal-figure-withinTolerance'))).toContain(`${Math.round(r.before.withinTolerance * 100)}% → 100% of hours`);
    expect(seen(byTestId(c, 'proposal-figure-coordinatorPeople'))).toContain(`${r.before.coordinatorPeople} → 0 people`);
    expect(byTestId(c, 'proposal-figure-withinTolerance').textContent).toContain('of 40 people');
  });

  it('shows the hours moved, the exact minimum, the gap and the hours resting on suggestions', async () => {
    const c = await mount(<ProposalFigures proposal={proposal} />);
    const r = proposal.report;
    expect(num(byTestId(c, 'proposal-figure-movedHours'))).toBe(r.movedHours);
    expect(byTestId(c, 'proposal-figure-movedHours').textContent).toContain('291 h a week');
    expect(num(byTestId(c, 'proposal-figure-bound'))).toBe(r.bound);
    expect(byTestId(c, 'proposal-figure-bound').textContent).toContain('266.4 h a week');
    expect(num(byTestId(c, 'proposal-figure-gap'))).toBe(r.gap);
    expect(byTestId(c, 'proposal-figure-gap').textContent).toContain(`${(Math.round(r.gap! * 1000) / 10).toFixed(1)}%`);
    const suggested = byTestId(c, 'proposal-figure-movedOnSuggested');
    expect(num(suggested)).toBe(r.movedOnSuggested);
    expect(r.movedOnSuggested).toBeGreaterThan(0);
    expect(suggested.classList.contains('caveat')).toBe(true);
    expect(suggested.textContent).toContain(`${Math.round((r.movedOnSuggested / r.movedHours) * 1000) / 10}% of the hours moved`);
  });

  it('shows the least-empowered third’s onerous hours (the report names the audit’s low-desirability tasks), else its desirability', async () => {
    const low = org.tasks.filter((t) => t.desirability !== null && t.desirability <= 1 / 3).map((t) => t.name);
    // makeProposal names the same tasks the audit counts as onerous.
    expect([...(proposal.report.lowDesirabilityTasks ?? [])].sort()).toEqual([...low].sort());
    let c = await mount(<ProposalFigures proposal={proposal} />);
    const o = onerousHoursOfThird(proposal.report.jobs, new Set(low));
    const el = byTestId(c, 'proposal-figure-onerousThird');
    expect([num(el, 'data-before'), num(el)]).toEqual([o.before, o.after]);
    expect(el.textContent).toContain('h a week');
    act(() => root!.unmount());
    // A report without the list (older hosts) falls back to the third's desirability.
    const { lowDesirabilityTasks: _dropped, ...older } = proposal.report;
    c = await mount(<ProposalFigures proposal={{ ...proposal, report: older }} />);
    const d = byTestId(c, 'proposal-figure-leastEmpoweredDesirability');
    expect(num(d)).toBeGreaterThan(num(d, 'data-before'));
    expect(all(c, 'proposal-figure-onerousThird')).toHaveLength(0);
  });
});

describe('PersonCards', () => {
  const names = (c: HTMLElement) => all(c, 'person-card').map((x) => x.getAttribute('data-person'));

  it('shows who changes most first, each card with its hours and E and D before → after', async () => {
    const c = await mount(<PersonCards proposal={proposal} />);
    const expected = sortCards(personCards(proposal.report, []), 'change').map((x) => x.job.name);
    expect(names(c)).toEqual(expected);
    const card = all(c, 'person-card').find((x) => x.getAttribute('data-person') === 'Margaret Okafor')!;
    const job = proposal.report.jobs.find((j) => j.name === 'Margaret Okafor')!;
    expect([num(byTestId(card, 'person-card-e'), 'data-before'), num(byTestId(card, 'person-card-e'))]).toEqual([job.empowermentBefore, job.empowermentAfter]);
    expect(seen(byTestId(card, 'person-card-e'))).toContain('16.8 → 8.3 points (−8.5)');
    expect(byTestId(card, 'person-card-gained').textContent).toContain('Turnout phone banking14 h');
    expect(byTestId(card, 'person-card-given-up').textContent).toContain('Represent organization to press and officials5 h');
    const trained = all(c, 'person-card').find((x) => x.getAttribute('data-person') === 'Kevin Tran')!;
    expect(byTestId(trained, 'person-card-training').textContent).toContain('Board reporting');
  });

  it('sorts by name and by E change, filters by text and department', async () => {
    const c = await mount(<PersonCards proposal={proposal} />);
    await setValue(byTestId<HTMLSelectElement>(c, 'person-cards-sort'), 'name');
    expect(names(c)).toEqual([...names(c)].sort((a, b) => a!.localeCompare(b!)));
    await setValue(byTestId<HTMLSelectElement>(c, 'person-cards-sort'), 'empowerment');
    const e = all(c, 'person-card-e').map((x) => Math.abs(num(x) - num(x, 'data-before')));
    expect(e).toEqual([...e].sort((a, b) => b - a));
    await setValue(byTestId<HTMLInputElement>(c, 'person-cards-filter'), 'budget decisions');
    const budget = proposal.report.jobs.filter((j) => [...j.kept, ...j.gained, ...j.givenUp].some((t) => t.task === 'Budget decisions')).map((j) => j.name);
    expect(names(c).sort()).toEqual(budget.sort());
    expect(byTestId(c, 'person-cards-count').textContent).toBe(`${budget.length} of 40 people`);
    await setValue(byTestId<HTMLInputElement>(c, 'person-cards-filter'), '');
    await setValue(byTestId<HTMLSelectElement>(c, 'person-cards-department'), 'Leadership');
    expect(names(c).sort()).toEqual(proposal.report.jobs.filter((j) => j.department === 'Leadership').map((j) => j.name).sort());
    await setValue(byTestId<HTMLInputElement>(c, 'person-cards-filter'), 'nobody has this');
    expect(all(c, 'person-card')).toHaveLength(0);
    expect(c.textContent).toContain('No one matches the filter.');
  });

  it(`renders the first ${CARD_PAGE} cards of thousands and more on "Show more"`, async () => {
    const jobs = Array.from({ length: 25 }, (_, k) => proposal.report.jobs.map((j) => ({ ...j, name: `${j.name} ${k}` }))).flat();
    const c = await mount(<PersonCards proposal={{ ...proposal, report: { ...proposal.report, jobs } }} />);
    expect(all(c, 'person-card')).toHaveLength(CARD_PAGE);
    await click(byTestId(c, 'person-cards-more'));
    expect(all(c, 'person-card')).toHaveLength(2 * CARD_PAGE);
    await setValue(byTestId<HTMLInputElement>(c, 'person-cards-filter'), 'Margaret');
    expect(all(c, 'person-card')).toHaveLength(25);
    expect(all(c, 'person-cards-more')).toHaveLength(0);
  });
});

describe('TransfersTable', () => {
  const hours = (c: HTMLElement) => all(c, 'transfer-hours').map((x) => num(x));

  it('lists the transfers, the largest first, filtered by person, department and task', async () => {
    const c = await mount(<TransfersTable proposal={proposal} />);
    const t = proposal.report.transfers;
    expect(byTestId(c, 'transfers-count').textContent).toContain(`${t.length} transfers`);
    expect(num(byTestId(c, 'transfers-count'))).toBeCloseTo(proposal.report.movedHours, 6);
    expect(hours(c)[0]).toBe(Math.max(...t.map((x) => x.hours)));
    await setValue(byTestId<HTMLInputElement>(c, 'transfers-person'), 'Kevin');
    const kevin = t.filter((x) => x.from === 'Kevin Tran' || x.to === 'Kevin Tran');
    expect(all(c, 'transfer-row')).toHaveLength(kevin.length);
    for (const row of all(c, 'transfer-row')) expect(row.textContent).toContain('Kevin Tran');
    await setValue(byTestId<HTMLInputElement>(c, 'transfers-person'), '');
    await setValue(byTestId<HTMLSelectElement>(c, 'transfers-task'), 'Budget decisions');
    const budget = t.filter((x) => x.task === 'Budget decisions');
    expect(hours(c).sort()).toEqual(budget.map((x) => x.hours).sort());
    await setValue(byTestId<HTMLSelectElement>(c, 'transfers-department'), 'Canvass');
    const dept = new Map(proposal.report.jobs.map((j) => [j.name, j.department]));
    const both = budget.filter((x) => dept.get(x.from) === 'Canvass' || dept.get(x.to) === 'Canvass');
    expect(all(c, 'transfer-row')).toHaveLength(both.length);
    expect(both.length).toBeLessThan(budget.length);
  });

  it('sorts by a clicked header', async () => {
    const c = await mount(<TransfersTable proposal={proposal} />);
    await setValue(byTestId<HTMLSelectElement>(c, 'transfers-department'), 'Leadership');
    const th = [...c.querySelectorAll('th')].find((x) => x.textContent?.startsWith('Hours'))!;
    await click(th.querySelector('button')!);
    expect(th.getAttribute('aria-sort')).toBe('ascending');
    expect(hours(c)).toEqual([...hours(c)].sort((a, b) => a - b));
    const task = [...c.querySelectorAll('th')].find((x) => x.textContent?.startsWith('Task'))!;
    await click(task.querySelector('button')!);
    const tasks = all(c, 'transfer-task').map((x) => x.textContent!);
    expect(tasks).toEqual([...tasks].sort((a, b) => a.localeCompare(b)));
  });
});

describe('TrainingPlan', () => {
  it('lists the training with its total and the qualification notice in words', async () => {
    const c = await mount(<TrainingPlan proposal={proposal} />);
    const care = proposal.care;
    expect(all(c, 'training-row')).toHaveLength(care.training.length);
    expect(num(byTestId(c, 'training-total'))).toBe(care.trainingHours);
    expect(byTestId(c, 'training-total').textContent).toContain(`${care.trainingHours} h of training over the quarter`);
    expect(all(c, 'training-hours').reduce((s, x) => s + num(x), 0)).toBe(care.trainingHours);
    const notice = byTestId(c, 'qualification-notice');
    expect(num(byTestId(notice, 'qualification-hours'))).toBe(care.qualifications!.hoursToNewPeople);
    expect(notice.textContent).toContain('41 h a week');
    expect(notice.textContent).toContain('Budget decisions (finance, 17 h a week): 16 h to');
    expect(notice.textContent).not.toContain('Payroll approval'); // nothing of it moves
  });

  it('renders nothing without training or a notice', async () => {
    const none = { ...proposal, care: { training: [], trainingHours: 0, qualifications: null }, report: { ...proposal.report, training: [], trainingHours: 0, qualifications: null } };
    const c = await mount(<TrainingPlan proposal={none} />);
    expect(c.innerHTML).toBe('');
  });
});

describe('RotationGrid', () => {
  it('fills each person’s weeks with their chores and compares their hours with their fair share', async () => {
    const rotation = proposal.rotation!;
    const c = await mount(<RotationGrid rotation={rotation} />);
    const rows = all(byTestId(c, 'rotation-grid'), 'rotation-row');
    expect(rows).toHaveLength(rotation.perPerson.length);
    for (const s of rotation.slots.slice(0, 8)) {
      const row = rows.find((r) => r.getAttribute('data-person') === s.person)!;
      const cell = all(row, 'rotation-cell').find((x) => x.getAttribute('data-week') === String(s.week))!;
      expect(cell.getAttribute('title')).toContain(s.task);
    }
    const first = rows[0];
    expect(all(first, 'rotation-cell')).toHaveLength(rotation.weeks);
    expect(num(byTestId(first, 'rotation-hours'))).toBe(rotation.perPerson[0].choreHours);
    expect(num(byTestId(first, 'rotation-fair'))).toBe(rotation.perPerson[0].fairShare);
    const busy = all(c, 'rotation-cell').filter((x) => x.querySelector('.rotation-chip')).length;
    expect(busy).toBeLessThanOrEqual(rotation.slots.length);
    expect(c.textContent).toContain('MWF');
    expect(byTestId(c, 'rotation-notes').textContent).toContain(rotation.notes[0]);
  });

  it('lists chores that do not rotate', async () => {
    const rotation = { ...proposal.rotation!, notRotated: [{ task: 'Answer phones', why: 'it is locked to one person' }] };
    const c = await mount(<RotationGrid rotation={rotation} />);
    expect(byTestId(c, 'rotation-notes').textContent).toContain('Answer phones does not rotate: it is locked to one person.');
  });
});
