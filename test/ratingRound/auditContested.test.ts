// The audit says how many rated hours rest on contested ratings (issue 17): the share per dimension, a reading only when a task is contested, in the CLI text and both Excel sheets; a group's decision still counts.
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../electron/cli/summary';
import { buildAuditReport, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { readMetrics } from '../../renderer/src/engine/analysis/readings';
import { writeSummaryWorkbook } from '../../renderer/src/engine/formats/summaryWorkbook';
import type { Organization } from '../../renderer/src/engine/model/types';
import { decideTask } from '../../renderer/src/engine/ratingRound/decide';
import { cell, read, rowOf } from '../engine/summaryWorkbook.helpers';
import { D, S20, metricsOf, org, pt } from '../helpers/metrics-orgs';

// E-rated hours: Strategy 20 + Comms 30 + Intake 50 = 100; D-rated: Comms 30 + Intake 50 = 80 (Strategy has no D).
const base = org(
  [{ name: 'Strategy', e: pt(16) }, { name: 'Comms', e: pt(12), d: pt(10) }, { name: 'Intake', e: pt(4), d: pt(6) }],
  [{ name: 'Ann', work: [['Strategy', 20], ['Comms', 10]] }, { name: 'Bo', work: [['Comms', 20]] }, { name: 'Cat', work: [['Intake', 50]] }],
);
const mark = (o: Organization, names: string[], flag = true): Organization => ({ ...o, tasks: o.tasks.map((t) => (names.includes(t.name) ? { ...t, contested: flag } : t)) });
const report = (o: Organization): AuditReport => buildAuditReport({ organization: o, issues: [], layout: { layout: 'none', confidence: 0, sheets: [] }, file: 'x.csv', format: 'csv' });

describe('hours resting on contested ratings', () => {
  it('shares of rated hours per dimension: Strategy and Comms contested → E 50/100, D 30/80', () => {
    const m = metricsOf(mark(base, ['Strategy', 'Comms']));
    expect(m.contested.tasks).toBe(2);
    expect(m.contested.empowermentHoursShare).toBeCloseTo(0.5, D);
    expect(m.contested.desirabilityHoursShare).toBeCloseTo(30 / 80, D);
    const reading = readMetrics(m, S20).find((r) => r.key === 'contested')!;
    expect(reading).toMatchObject({ figure: '50%', value: 0.5, format: 'share' });
    expect(reading.text).toBe('50% of the hours rated for empowerment and 38% of those rated for desirability rest on contested ratings (the members disagree; see the rating round).');
  });

  it('says nothing when no task is contested (a task judged not contested is not)', () => {
    for (const o of [base, mark(base, ['Comms'], false)]) {
      const m = metricsOf(o);
      expect(m.contested).toEqual({ tasks: 0, empowermentHoursShare: 0, desirabilityHoursShare: 0 });
      expect(readMetrics(m, S20).some((r) => r.key === 'contested')).toBe(false);
    }
  });

  it("still counts a task the group decided: the decision does not end the disagreement", () => {
    const decided = decideTask(mark(base, ['Intake']), 'intake', { empowerment: 8 }, 'agreed at the meeting');
    expect(metricsOf(decided).contested.empowermentHoursShare).toBeCloseTo(0.5, D);
  });

  it('the CLI text lists it among the findings; the Excel summary and metrics sheets show the shares', () => {
    const r = report(mark(base, ['Strategy', 'Comms']));
    const line = '  - 50% of the hours rated for empowerment and 38% of those rated for desirability rest on contested ratings';
    expect(formatSummary(r)).toContain(line);
    expect(formatSummary(report(base))).not.toContain('contested');
    const wb = read(writeSummaryWorkbook(r));
    const summary = wb.Sheets.Summary;
    const row = rowOf(summary, 'Rated hours on contested ratings');
    // Sources differ by dimension (Strategy has no D): one column per dimension, then the sentence.
    expect([cell(summary, row, 1)?.v, cell(summary, row, 2)?.v]).toEqual([0.5, 30 / 80]);
    expect(String(cell(summary, row, 3)?.v)).toMatch(/^50% of the hours rated for empowerment/);
    const metrics = wb.Sheets.Metrics;
    const mrow = rowOf(metrics, 'Rated hours resting on contested ratings');
    expect([cell(metrics, mrow, 1)?.v, cell(metrics, mrow, 2)?.v]).toEqual([0.5, 30 / 80]);
    const none = read(writeSummaryWorkbook(report(base)));
    expect(() => rowOf(none.Sheets.Summary, 'Rated hours on contested ratings')).toThrow();
    expect(() => rowOf(none.Sheets.Metrics, 'Rated hours resting on contested ratings')).toThrow();
  });
});
