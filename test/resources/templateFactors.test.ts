// The import templates' instructions say which end of the scale is which for every factor, in the
// engine's own words (rating/factors.ts), so a template and the app never disagree on direction.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { directedFactorLabel, FACTOR_KINDS, STANDARD_FACTORS } from '../../renderer/src/engine/rating/factors';

const templates = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'templates');

function instructions(file: string): string[] {
  const wb = XLSX.read(readFileSync(path.join(templates, file)), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Instructions'], { header: 1, blankrows: false }).map((r) => String(r[0]).trim());
}

describe.each(['long-template.xlsx', 'matrix-template.xlsx'])('%s', (file) => {
  const lines = instructions(file);

  it('lists every standard factor with both ends of 1–20 and which end is good, as the app does', () => {
    for (const kind of FACTOR_KINDS) {
      for (const name of STANDARD_FACTORS[kind]) {
        const label = `${name} (${kind === 'empowerment' ? 'E' : 'D'})`;
        expect(lines).toContain(directedFactorLabel(label, name, kind, { min: 1, max: 20 }));
      }
    }
    expect(lines).toContain('Physical strain and hazard (D): 1 = very heavy, 20 = none; higher is better');
  });

  it('says the overall desirability rating is better the higher it is, naming both ends', () => {
    const d = lines.find((l) => l.startsWith('Desirability (1-20)'))!;
    expect(d).toContain('1 = the least pleasant, 20 = the most pleasant. Higher is better.');
  });
});
