/** Reading `fairshare propose --json` and its workbook in the CLI tests: totals, job scores from the audit's ratings, sheets as rows. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import * as XLSX from 'xlsx';
import type { Run } from './balance-cli';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function json(r: Run): any {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

export function sheets(file: string): Record<string, unknown[][]> {
  const wb = XLSX.read(readFileSync(file), { type: 'buffer' });
  return Object.fromEntries(wb.SheetNames.map((s) => [s, XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[s], { header: 1, blankrows: false })]));
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function totals(allocation: { person: string; task: string; hours: number }[]) {
  const people = new Map<string, number>();
  const tasks = new Map<string, number>();
  for (const a of allocation) {
    people.set(a.person, (people.get(a.person) ?? 0) + a.hours);
    tasks.set(a.task, (tasks.get(a.task) ?? 0) + a.hours);
  }
  return { people, tasks };
}

/** Each person's score in points from the allocation and the audit's task ratings (null without rated hours). */
export function jobScores(allocation: { person: string; task: string; hours: number }[], audit: any, dim: 'empowerment' | 'desirability') {
  const rating = new Map<string, number | null>(audit.tasks.map((t: any) => [t.name, t[dim]]));
  const acc = new Map<string, { m: number; h: number }>();
  for (const a of allocation) {
    const r = rating.get(a.task);
    expect(rating.has(a.task), `task "${a.task}" is not in the audit`).toBe(true);
    if (r === null || r === undefined) continue;
    const s = acc.get(a.person) ?? { m: 0, h: 0 };
    s.m += a.hours * r;
    s.h += a.hours;
    acc.set(a.person, s);
  }
  return new Map([...acc].map(([p, s]) => [p, s.h > 0 ? s.m / s.h : null]));
}
