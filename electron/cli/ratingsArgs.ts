/** Parses `fairshare ratings form|collect` (issue 17: rating rounds) into a typed request, or a usage error. */
import { nameValue, positiveNumber, splitFlag, UsageError } from './argValues';

export interface RatingsFormArgs {
  command: 'ratings-form';
  file: string;
  /** --raters "Ann;Bob": one named form each. */
  raters?: string[];
  /** --count N: N anonymous, numbered forms. */
  count?: number;
  /** --factors: factor columns beside empowerment and desirability. */
  factors: boolean;
  /** --out DIR: the folder the forms are written to. */
  out: string;
  noSuggest: boolean;
}

export interface RatingsCollectArgs {
  command: 'ratings-collect';
  file: string;
  forms: string[];
  json: boolean;
  /** --out project.fairshare: the project with the round applied. */
  out?: string;
  tolerance?: number;
  noSuggest: boolean;
}

/** Forms written or read in one run, at most (each returned form is read whole into memory). */
export const MAX_FORMS = 500;

export function parseRatings(rest: string[]): RatingsFormArgs | RatingsCollectArgs {
  const [sub, ...args] = rest;
  if (sub !== 'form' && sub !== 'collect') throw new UsageError(`ratings needs "form" or "collect", got ${sub === undefined ? 'nothing' : `"${sub}"`}`);
  const files: string[] = [];
  let raters: string[] | undefined;
  let count: number | undefined;
  let out: string | undefined;
  let tolerance: number | undefined;
  let factors = false;
  let json = false;
  let noSuggest = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = splitFlag(arg);
    const value = (): string | undefined => inline ?? args[++i];
    const only = (cmd: 'form' | 'collect') => {
      if (sub !== cmd) throw new UsageError(`${flag} is an option of "ratings ${cmd}", not "ratings ${sub}"`);
    };
    switch (flag) {
      case '--raters': {
        only('form');
        const names = (value() ?? '').split(';').map((s) => s.trim()).filter(Boolean);
        if (names.length === 0) throw new UsageError('--raters needs names separated by ";", e.g. --raters "Ann Lee;Bo Chen"');
        if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw new UsageError('--raters names someone twice');
        raters = names;
        break;
      }
      case '--count': {
        only('form');
        const v = value();
        const n = Number(v);
        if (v === undefined || !Number.isInteger(n) || n < 1 || n > MAX_FORMS) throw new UsageError(`--count must be a whole number of forms from 1 to ${MAX_FORMS}, got "${v ?? ''}"`);
        count = n;
        break;
      }
      case '--factors': only('form'); factors = true; break;
      case '--json': only('collect'); json = true; break;
      case '--tolerance': only('collect'); tolerance = positiveNumber(flag, value()); break;
      case '--no-suggest': noSuggest = true; break;
      case '--out': out = nameValue(flag, value(), sub === 'form' ? 'folder' : 'file'); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}" for ratings ${sub}`);
        files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError(`ratings ${sub} needs a PROJECT or FILE`);
  if (sub === 'form') {
    if (files.length > 1) throw new UsageError(`ratings form takes one PROJECT or FILE, got ${files.length}`);
    if (raters && count !== undefined) throw new UsageError('--raters and --count both choose the forms: give one');
    if (!raters && count === undefined) throw new UsageError('ratings form needs --raters "A;B;…" (named forms) or --count N (anonymous forms)');
    if (!out) throw new UsageError('ratings form needs --out DIR, the folder to write the forms to');
    if (raters && raters.length > MAX_FORMS) throw new UsageError(`--raters names ${raters.length} people; at most ${MAX_FORMS} forms at a time`);
    return { command: 'ratings-form', file: files[0], raters, count, factors, out, noSuggest };
  }
  const [file, ...forms] = files;
  if (forms.length === 0) throw new UsageError('ratings collect needs the PROJECT or FILE and at least one returned FORM');
  if (forms.length > MAX_FORMS) throw new UsageError(`ratings collect reads at most ${MAX_FORMS} forms at a time, got ${forms.length}`);
  return { command: 'ratings-collect', file, forms, json, out, tolerance, noSuggest };
}
