/**
 * The zod schema of a project's kept scenarios, for projectCodec.ts (loaded with it): bounded sizes,
 * every number finite and within the importer's bounds, ids unique, no person-task pair twice.
 * Messages name the field, never its value.
 */
import { z } from 'zod';
import type { MetricsSnapshot } from '../balance/proposalReport';
import { MAX_HOURS, MAX_RATING } from '../import/bounds';
import { MAX_SCENARIO_NAME, MAX_SCENARIO_ROWS, MAX_SCENARIOS, type Scenario, type ScenarioRow, type ScenarioSettings, type ScenarioSummary } from './types';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const nonNegative = finite.refine((n) => n >= 0, 'must not be negative');
const unit = finite.refine((n) => n >= 0 && n <= 1, 'must be between 0 and 1');
const points = finite.refine((n) => Math.abs(n) < MAX_RATING, `must be within ±${MAX_RATING.toLocaleString('en-US')} points`);
const spread = nonNegative.refine((n) => n < MAX_RATING, `must be below ${MAX_RATING.toLocaleString('en-US')} points`);
const hours = nonNegative.refine((n) => n < MAX_HOURS, `must be below ${MAX_HOURS.toLocaleString('en-US')} hours a week`);
/** Hours of the whole organization (moved hours, the bound): at most a person's bound for each row a plan may hold. */
const orgHours = nonNegative.refine((n) => n < MAX_HOURS * MAX_SCENARIO_ROWS, 'is more hours than any organization has');
const count = (max: number) => z.number().int().min(0).max(max);
const isoTime = z.string().max(64).refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date and time');

const snapshotSchema: z.ZodType<MetricsSnapshot> = z.object({
  mean: points.nullable(),
  absoluteGini: spread,
  gini: points,
  hoover: unit,
  top20Share: unit,
  withinTolerance: unit,
  coordinatorPeople: count(10_000_000),
  desirabilityAbsoluteGini: spread,
  desirabilityGini: points,
});

const settingsSchema: z.ZodType<ScenarioSettings> = z.object({
  tolerance: spread,
  desirability: z.boolean(),
  granularity: hours,
  minBlock: hours,
  maxNewTasks: count(1_000_000),
  qualifyFromCurrent: z.boolean(),
  chores: z.array(z.string().max(1000)).max(100_000),
  rotationWeeks: z.number().int().min(1).max(10_000).nullable(),
});

const summarySchema: z.ZodType<ScenarioSummary> = z.object({
  movedHours: orgHours,
  bound: orgHours.nullable(),
  tolerance: spread,
  before: snapshotSchema,
  after: snapshotSchema,
});

const rowSchema: z.ZodType<ScenarioRow> = z.object({
  personId: z.string().min(1).max(500),
  taskId: z.string().min(1).max(1000),
  hours: finite.refine((n) => n > 0, 'must be positive').refine((n) => n < MAX_HOURS, `must be below ${MAX_HOURS.toLocaleString('en-US')} hours a week`),
});

const scenarioSchema: z.ZodType<Scenario> = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(MAX_SCENARIO_NAME),
    createdAt: isoTime,
    settings: settingsSchema,
    allocation: z.array(rowSchema).max(MAX_SCENARIO_ROWS, `must have at most ${MAX_SCENARIO_ROWS.toLocaleString('en-US')} rows`),
    summary: summarySchema,
  })
  .superRefine((s, ctx) => {
    const pairs = new Set<string>();
    const totals = new Map<string, number>();
    for (let i = 0; i < s.allocation.length; i++) {
      const a = s.allocation[i];
      const pair = `${a.personId}\u0000${a.taskId}`;
      if (pairs.has(pair)) {
        ctx.addIssue({ code: 'custom', path: ['allocation', i], message: 'gives the same person the same task twice' });
        return;
      }
      pairs.add(pair);
      const total = (totals.get(a.personId) ?? 0) + a.hours;
      totals.set(a.personId, total);
      if (total >= MAX_HOURS) {
        ctx.addIssue({ code: 'custom', path: ['allocation', i, 'hours'], message: `brings a person's hours to ${MAX_HOURS.toLocaleString('en-US')} a week or more` });
        return;
      }
    }
  });

/** The kept scenarios: at most MAX_SCENARIOS, each id once. */
export const scenariosSchema: z.ZodType<Scenario[]> = z
  .array(scenarioSchema)
  .max(MAX_SCENARIOS, `must have at most ${MAX_SCENARIOS} scenarios`)
  .superRefine((list, ctx) => {
    const ids = new Set<string>();
    list.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'duplicate scenario id' });
      ids.add(s.id);
    });
  });
