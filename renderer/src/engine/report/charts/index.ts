/**
 * The report's charts: pure functions from plain data to SVG text and a caption, the same in the app,
 * the CLI and a headless Chromium's PDF (no scripts, no external references, deterministic output).
 */
export type { Band, ChartJob, JobMapOptions, RankedJobsOptions } from './api';
export { jobMapChart } from './jobMap';
export { beforeAfterMapChart, MOVE_EPS } from './beforeAfter';
export { rankedJobsChart } from './rankedJobs';
export { lorenzChart, lorenzGini } from './lorenz';
export { onerousChart } from './onerous';
export { payChart } from './pay';
export { theilChart } from './theil';
export { groupMeansChart } from './groupMeans';
export { escapeXml } from './svg';
