/**
 * The report's style sheet: print rules (page size, running header and "Page N of M" in @page margin
 * boxes, page breaks that never cut a chart or a table row, each major section on a new page) and a
 * screen style (a centred page-width column on grey) for the app's iframe and a browser.
 */
import type { PageSize } from './types';

/**
 * Text for a CSS string literal: every character but plain letters, digits and a few punctuation
 * marks becomes a hex escape, so an organization's name can neither end the string nor the <style>
 * element ("</style>" becomes \3c /style\3e ).
 */
export function cssString(text: string): string {
  let out = '';
  for (const ch of text) out += /^[A-Za-z0-9 .,:;()_-]$/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  return `"${out}"`;
}

/** `header` is the running header's text (organization · report title), written into @page as a CSS string. */
export function reportCss(pageSize: PageSize, header: string): string {
  const size = pageSize === 'Letter' ? 'letter' : 'A4';
  // Screen column: the printed page's width, so the app shows lines as they will print.
  const width = pageSize === 'Letter' ? '216mm' : '210mm';
  return `
@page {
  size: ${size};
  margin: 18mm 16mm 18mm 16mm;
  @top-left { content: ${cssString(header)}; font: 8pt/1.2 "DejaVu Sans", Arial, sans-serif; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt/1.2 "DejaVu Sans", Arial, sans-serif; color: #555; vertical-align: top; padding-top: 3mm; }
}
@page :first {
  @top-left { content: none; }
  @bottom-right { content: none; }
}
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 10pt/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1d1d1f; background: #fff; }
h1, h2, h3, h4 { line-height: 1.2; color: #14213d; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 17pt; margin: 0 0 4mm; padding-bottom: 2mm; border-bottom: 1.5pt solid #14213d; }
h3 { font-size: 12pt; margin: 6mm 0 2mm; }
h4 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
p { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
h3 + p, h4 + p { break-after: avoid; page-break-after: avoid; }
.lead { font-size: 10.5pt; }
.note, .more, .caption { color: #444; font-size: 9pt; }
.more { font-style: italic; margin-top: 1.5mm; }
.keep, figure, tr, .card, .job { break-inside: avoid; page-break-inside: avoid; }
section.major { break-before: page; page-break-before: always; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
th { text-align: left; font-weight: 600; background: #e8ecf3; border-bottom: 1pt solid #8a96ad; padding: 1.2mm 1.5mm; vertical-align: bottom; }
td { padding: 1mm 1.5mm; border-bottom: 0.5pt solid #d5dae3; vertical-align: top; overflow-wrap: break-word; }
tfoot td { font-weight: 600; border-top: 1pt solid #8a96ad; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.readings td:nth-child(2) { font-weight: 600; font-size: 10pt; white-space: nowrap; }
table.grid { table-layout: fixed; font-size: 7.5pt; }
table.grid td, table.grid th { padding: 0.6mm 0.8mm; text-align: center; }
table.grid td:first-child, table.grid th:first-child { text-align: left; width: 28mm; }
table.grid td.num, table.grid th.num { text-align: right; width: 13mm; white-space: normal; }
table.grid tbody tr:nth-child(even) { background: #f3f5f9; }
table.compact { width: auto; min-width: 55%; }
.tasks { margin: 0; padding: 0; list-style: none; }
.tasks li { padding-left: 9mm; text-indent: -9mm; }
.tasks .h { display: inline-block; width: 8mm; margin-right: 1mm; text-align: right; text-indent: 0; font-variant-numeric: tabular-nums; color: #33415c; }
figure { margin: 3mm 0 5mm; }
figure svg { display: block; width: 100%; height: auto; max-height: 200mm; }
.chart-title { font-weight: 600; font-size: 10.5pt; color: #14213d; margin-bottom: 1.5mm; }
.caption { margin: 1.5mm 0 0; }
.multiples { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.multiples.three { grid-template-columns: 1fr 1fr 1fr; gap: 3mm; }
.multiples .chart-title { font-size: 9.5pt; }
.multiples figure { margin: 0; }
.multiples figure svg { max-height: 80mm; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 3mm 0 5mm; }
.card { border: 0.75pt solid #c9d1de; border-radius: 2mm; padding: 2.5mm 3mm; }
.card .figure { font-size: 15pt; font-weight: 700; color: #14213d; }
.card .label { font-size: 8.5pt; color: #444; }
.job { border-top: 0.5pt solid #d5dae3; padding: 1.5mm 0; font-size: 8.5pt; }
.job strong { font-size: 9pt; }
.flag { color: #a4161a; font-weight: 600; }
.title-page { break-after: page; page-break-after: always; min-height: 230mm; display: flex; flex-direction: column; }
.title-page .org { font-size: 26pt; font-weight: 700; color: #14213d; margin: 40mm 0 3mm; line-height: 1.15; overflow-wrap: anywhere; }
.title-page .kind { font-size: 15pt; color: #33415c; margin: 0 0 10mm; }
.title-page dl { display: grid; grid-template-columns: 42mm 1fr; gap: 2mm 4mm; margin: 0; font-size: 10pt; }
.title-page dt { font-weight: 600; color: #33415c; }
.title-page dd { margin: 0; }
.title-page .foot { margin-top: auto; font-size: 8.5pt; color: #555; }
nav.contents ol { font-size: 11pt; line-height: 1.9; padding-left: 10mm; }
nav.contents a { color: inherit; text-decoration: none; }
dl.pairs { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 0 3mm; }
dl.pairs dt { font-weight: 600; }
dl.pairs dd { margin: 0; }
@media screen {
  body { background: #d9dce1; padding: 8mm 0; }
  .page { width: ${width}; max-width: 100%; margin: 0 auto; background: #fff; padding: 16mm; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); }
  section.major { margin-top: 14mm; padding-top: 8mm; border-top: 3pt solid #d9dce1; }
  .title-page { min-height: 0; }
  nav.contents { margin-top: 12mm; padding-top: 8mm; border-top: 3pt solid #d9dce1; }
  .title-page .org { margin-top: 10mm; }
}
@media print {
  .page { width: auto; margin: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
`;
}
