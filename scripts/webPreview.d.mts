// Types for scripts/webPreview.mjs (imported by the end-to-end tests' global setup and the UI benchmark).
export const ROOT: string;
export const CHROMIUM_ARGS: string[];
export function findBrowser(): { path: string | null; looked: string[] };
export function buildWeb(cacheDir: string, options?: { keep?: number; log?: (line: string) => void }): string;
export function startPreview(outDir: string): Promise<{ url: string; stop: () => Promise<void> }>;
