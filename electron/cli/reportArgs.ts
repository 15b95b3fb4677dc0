/** Parses `fairshare report`'s command line (issue 18) into a typed request, or a usage error. */
import type { PageSize } from '../../renderer/src/engine/report/types';
import { nameValue, positiveNumber, splitFlag, UsageError } from './argValues';

export interface ReportArgs {
  command: 'report';
  /** A spreadsheet or a .fairshare project. */
  file: string;
  sheet?: string;
  /** Points of the project scale; a project's saved tolerance when absent. */
  tolerance?: number;
  noSuggest: boolean;
  /** Report a proposal made with `propose`'s defaults, labelled "Proposal". */
  proposal: boolean;
  /** Report the project's saved scenario of this name as the proposal (projects only). */
  scenario?: string;
  pseudonymize: boolean;
  /** With --pseudonymize: roles and departments of one person written as "Other (hidden: one person each)". */
  hideSingleRoles: boolean;
  pageSize: PageSize;
  /** --name: the organization's name on the title page and the running header; default the project's name, else the file's. */
  name?: string;
  /** The Chromium that prints the PDF; absent: the usual locations. */
  chromium?: string;
  out: string;
  /** From --out's extension. */
  format: 'html' | 'pdf';
}

/** What --out's name asks for, or null for an extension the report cannot write. */
export function outFormat(out: string): 'html' | 'pdf' | null {
  const ext = /\.([^./\\]+)$/.exec(out)?.[1]?.toLowerCase();
  return ext === 'html' || ext === 'htm' ? 'html' : ext === 'pdf' ? 'pdf' : null;
}

export function pageSizeValue(v: string | undefined): PageSize {
  const k = v?.trim().toLowerCase();
  if (k === 'a4') return 'A4';
  if (k === 'letter') return 'Letter';
  throw new UsageError(`--page must be a4 or letter, got "${v ?? ''}"`);
}

export function parseReport(rest: string[]): ReportArgs {
  const out = { command: 'report', file: '', noSuggest: false, proposal: false, pseudonymize: false, hideSingleRoles: false, pageSize: 'A4' } as Omit<ReportArgs, 'out' | 'format'> & { out?: string };
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = splitFlag(arg);
    const value = (): string | undefined => inline ?? rest[++i];
    switch (flag) {
      case '--proposal': out.proposal = true; break;
      case '--scenario': {
        const v = value()?.trim();
        if (!v) throw new UsageError('--scenario needs the name of a scenario kept in the project');
        out.scenario = v;
        break;
      }
      case '--pseudonymize': out.pseudonymize = true; break;
      case '--hide-single-roles': out.hideSingleRoles = true; break;
      case '--page': out.pageSize = pageSizeValue(value()); break;
      case '--name': {
        const v = value()?.trim();
        if (!v) throw new UsageError('--name needs the organization\'s name, e.g. --name "Riverside Tenants & Workers Alliance"');
        out.name = v;
        break;
      }
      case '--chromium': out.chromium = nameValue(flag, value()); break;
      case '--tolerance': out.tolerance = positiveNumber(flag, value()); break;
      case '--no-suggest': out.noSuggest = true; break;
      case '--sheet': {
        const v = value();
        if (v === undefined || v === '') throw new UsageError('--sheet needs a sheet name');
        out.sheet = v;
        break;
      }
      case '--out': out.out = nameValue(flag, value()); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}" for report`);
        files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError('report needs a FILE');
  if (files.length > 1) throw new UsageError(`report takes one FILE, got ${files.length}`);
  if (out.out === undefined) throw new UsageError('report needs --out report.html or --out report.pdf');
  const format = outFormat(out.out);
  if (format === null) throw new UsageError(`--out must name an .html or a .pdf file, got "${out.out}"`);
  if (out.proposal && out.scenario !== undefined) throw new UsageError('--proposal and --scenario both choose the plan to report: give one');
  // Without codes the names themselves are printed: hiding their roles would protect no one.
  if (out.hideSingleRoles && !out.pseudonymize) throw new UsageError('--hide-single-roles needs --pseudonymize');
  if (out.chromium !== undefined && format !== 'pdf') throw new UsageError('--chromium prints a PDF: give --out report.pdf, or leave --chromium out');
  return { ...out, file: files[0], out: out.out, format };
}
