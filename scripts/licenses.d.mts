// Types for scripts/licenses.mjs (imported by electron.vite.config.ts and a test).
export interface LicenseEntry {
  name: string;
  version: string;
  license: string;
  text: string | null;
}
export function collectLicenses(root: string, extra?: string[]): LicenseEntry[];
export function formatLicenses(entries: LicenseEntry[]): string;
