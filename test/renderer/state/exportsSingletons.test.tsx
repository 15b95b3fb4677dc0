// @vitest-environment happy-dom
// The "hide one-person roles and departments?" answer (state/exports.ts) holds only for the project and
// the exact one-person names it was given for: "Export as is" on the sample must not let another
// organization's one-person roles out unasked. And the dialog's wording matches what hiding does.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAuditReport, type AuditReport } from '../../../renderer/src/engine/analysis/auditReport';
import { answerSingletons, exportsStore, singletonKey, singletonsToHide } from '../../../renderer/src/state/exports';
import { SingletonDialog } from '../../../renderer/src/features/exports/SingletonDialog';
import { importCsv, orgOf } from '../../engine/helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HEADER = 'Name,Role,Department,Task,Hours per week,Empowerment (1-20),Desirability (1-20)';

/** A pseudonymized report of people given as "role,department" (each with one 40-hour task). */
function reportOf(people: string[]): AuditReport {
  const lines = [HEADER, ...people.map((rd, i) => `Person ${i},${rd},Work ${i % 2},40,${5 + i},10`)];
  const org = orgOf(importCsv(lines));
  return buildAuditReport({ organization: org, issues: [], layout: { layout: 'long', confidence: 1, sheets: [] } as never, file: 'x.csv', format: 'csv' }, { pseudonymize: true });
}

const sample = reportOf(['Director,Office', 'Organizer,Field', 'Organizer,Field']);
const other = reportOf(['Treasurer,Office', 'Organizer,Field', 'Organizer,Field']);

/**
 * Starts an export's question; returns its answer and whether the dialog was opened for it, once it
 * is either open or answered (the masking code loads on the first export, so neither is immediate).
 */
async function ask(report: AuditReport, project: string) {
  const answer = singletonsToHide(report, project, 'the Excel summary');
  let settled = false;
  void answer.finally(() => { settled = true; });
  for (let i = 0; i < 200 && !settled && exportsStore.get().prompt === null; i++) await new Promise((r) => setTimeout(r, 0));
  return { answer, asked: exportsStore.get().prompt !== null };
}

afterEach(() => {
  exportsStore.get().prompt?.answer(null);
  exportsStore.set({ prompt: null, singletonChoice: null });
});

describe('the one-person question is remembered per project and set of names', () => {
  it('"Export as is" on the sample is not reused for another organization, nor for the same project once its names change', async () => {
    const first = await ask(sample, 'sample-organization');
    expect(first.asked).toBe(true);
    answerSingletons('as-is');
    expect(await first.answer).toEqual({ roles: [], departments: [] });

    // Same project, same names: no question.
    const again = await ask(sample, 'sample-organization');
    expect(again.asked).toBe(false);
    expect(await again.answer).toEqual({ roles: [], departments: [] });

    // A new organization (another project) with its own one-person role: asked again, and Hide hides it.
    const next = await ask(other, 'new-organization');
    expect(next.asked).toBe(true);
    answerSingletons('hide');
    expect(await next.answer).toEqual({ roles: ['Treasurer'], departments: ['Office'] });

    // The first project edited so that its one-person names differ: asked again too.
    const edited = await ask(other, 'sample-organization');
    expect(edited.asked).toBe(true);
    answerSingletons(null);
    expect(await edited.answer).toBeNull();
  });

  it('the key ignores the order of the names but tells roles from departments', () => {
    expect(singletonKey('p', { roles: ['B', 'A'], departments: [] })).toBe(singletonKey('p', { roles: ['A', 'B'], departments: [] }));
    expect(singletonKey('p', { roles: ['A'], departments: [] })).not.toBe(singletonKey('p', { roles: [], departments: ['A'] }));
    expect(singletonKey('p', { roles: ['A'], departments: [] })).not.toBe(singletonKey('q', { roles: ['A'], departments: [] }));
  });
});

describe('SingletonDialog', () => {
  it('says the hidden groups are pooled into one row in the Roles and Departments tables', async () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    await act(async () => root.render(<SingletonDialog />));
    let pending!: Awaited<ReturnType<typeof ask>>;
    await act(async () => { pending = await ask(sample, 'sample-organization'); });
    const text = document.querySelector('[data-testid="singleton-dialog"]')?.textContent ?? '';
    expect(text).toContain('in the Roles and Departments tables the hidden ones are pooled into one row');
    expect(text).not.toMatch(/; figures stay as they are/);
    await act(async () => answerSingletons(null));
    expect(await pending.answer).toBeNull();
    await act(async () => root.unmount());
    host.remove();
  });
});
