/** The printable report (issue 18): the document builder and what the app and the CLI need to build its input the same way. */
export { buildReportHtml, reportSections } from './build';
export { CURRENT_NAME, pseudonymizeProposal, ratingSourcesSentence, reportRound, reportScenarios, roundSentence, type Alias } from './input';
export { reportTitle } from './sections/title';
export { ROW_CAP } from './html';
export type { PageSize, ReportChart, ReportInput, ReportRound, ReportScenario } from './types';
