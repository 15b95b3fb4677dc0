// The Content-Security-Policy of the app, shared by the app:// protocol header, the
// index.html meta tag (checked by a test) and the dev-server rewrite in electron.vite.config.ts.
// No electron import: the build config loads this file in plain Node.

/**
 * 'wasm-unsafe-eval' is needed by the HiGHS solver (WebAssembly), blob: workers by the
 * engine worker; 'unsafe-inline' styles by React style props and recharts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Dev only: vite's dev server injects an inline module script (React Fast Refresh
 * preamble), so the dev page must allow inline scripts. Never used for app://.
 */
export function devContentSecurityPolicy(): string {
  return CONTENT_SECURITY_POLICY.replace(
    "script-src 'self' 'wasm-unsafe-eval'",
    "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'",
  );
}
