/**
 * The report document: one self-contained HTML string (inline CSS and SVG, no scripts, no external
 * references) that the app shows in an iframe and prints, the CLI writes, and Chromium prints to PDF.
 * Sections whose data is absent are left out, headings and all.
 */
import { reportCss } from './css';
import { esc, type Section } from './html';
import { chartsSection } from './sections/charts';
import { clusterSection } from './sections/cluster';
import { figuresSection } from './sections/figures';
import { mergerSections } from './sections/merger';
import { methodSection } from './sections/method';
import { onerousSection } from './sections/onerous';
import { paySection } from './sections/pay';
import { proposalSections } from './sections/proposal';
import { scenariosSection } from './sections/scenarios';
import { reportTitle, titlePage } from './sections/title';
import type { ReportInput } from './types';

/**
 * Nothing loads or runs: the document carries its own style and pictures, and the policy says so
 * to the browser too (a name that slipped past the escape still could not fetch or run anything).
 */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The report's major sections in order, each present only when it has something to say. */
export function reportSections(input: ReportInput): Section[] {
  const { audit } = input;
  return [
    figuresSection(audit),
    chartsSection(audit),
    clusterSection(audit, input.round),
    onerousSection(audit),
    paySection(audit),
    ...proposalSections(input.proposal, audit),
    scenariosSection(input.scenarios, audit.scale, audit.metrics.tolerance),
    ...mergerSections(input.merger),
    methodSection(audit, input.generator, input.proposal !== null || input.merger?.proposal != null),
  ].filter((s): s is Section => s !== null);
}

function contents(sections: readonly Section[]): string {
  return `<nav class="contents major-first" aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2><ol>${sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('')}</ol></nav>`;
}

export function buildReportHtml(input: ReportInput): string {
  const title = reportTitle(input);
  const header = `${input.organization} · ${title}`;
  const sections = reportSections(input);
  const body = sections.map((s) => `<section class="major" id="${s.id}" aria-labelledby="${s.id}-title"><h2 id="${s.id}-title">${esc(s.title)}</h2>${s.html}</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(input.generator)}">
<title>${esc(header)}</title>
<style>${reportCss(input.pageSize, header)}</style>
</head>
<body>
<main class="page">
${titlePage(input)}
${contents(sections)}
${body}
</main>
</body>
</html>
`;
}
