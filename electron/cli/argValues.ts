/** The CLI's usage error and the value checks its commands share. */
export class UsageError extends Error {}

export function positiveNumber(flag: string, value: string | undefined): number {
  if (value === undefined) throw new UsageError(`${flag} needs a value`);
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, got "${value}"`);
  return n;
}

/** A whole number from 0 to 1000 (a count of tasks). */
export function taskCount(flag: string, v: string | undefined): number {
  const n = Number(v);
  if (v === undefined || !Number.isInteger(n) || n < 0 || n > 1000) throw new UsageError(`${flag} must be a whole number from 0, got "${v ?? ''}"`);
  return n;
}

/** 0 or a positive number of hours. */
export function granularityValue(flag: string, v: string | undefined): number {
  const n = Number(v);
  if (v === undefined || v.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`${flag} must be 0 or a positive number of hours, got "${v ?? ''}"`);
  return n;
}

/** "--flag=value" as [flag, value]; any other argument as [argument, undefined] (its value, if any, is the next argument). */
export function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

/** A file or folder name given to `flag`; `what` names it in the message ("file", "folder"). */
export function nameValue(flag: string, v: string | undefined, what = 'file'): string {
  if (!v) throw new UsageError(`${flag} needs a ${what} name`);
  return v;
}
