// Bundled by bench/metrics.mjs: times the scoring and every metric on an already-imported organization.
import { readFileSync } from 'node:fs';
import { importOrganization } from '../../renderer/src/engine/import';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { scorePeople } from '../../renderer/src/engine/analysis/jobScores';
import { computeMetrics } from '../../renderer/src/engine/analysis/metrics';
import { readMetrics } from '../../renderer/src/engine/analysis/readings';
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const imported = importOrganization(new Uint8Array(readFileSync(file)), file);
const org = applySuggestions(imported.organization!);
const time = (f: () => unknown) => {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b)[Math.floor(out.length / 2)];
};
const scores = scorePeople(org);
const result = {
  people: org.people.length,
  assignments: org.assignments.length,
  scoreMs: time(() => scorePeople(org)),
  metricsMs: time(() => computeMetrics(org, scores)),
  readingsMs: time(() => readMetrics(computeMetrics(org, scores), org.scale)),
  reportMs: time(() => buildAuditReport({ organization: org, issues: imported.issues, layout: imported.layout, file, format: imported.format })),
};
process.stdout.write(JSON.stringify(result) + '\n');
