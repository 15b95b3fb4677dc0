// The Content-Security-Policy of the app, shared by the app:// protocol header, the web-mode
// server's header (vite.web.config.ts), the index.html meta tag (checked by a test) and the
// dev-server rewrite in electron.vite.config.ts.
// No electron import: the build config loads this file in plain Node.

/** The app's origin, spelled out (see APP_SCHEME/APP_HOST in protocol.ts; a test checks they agree). */
export const APP_ORIGIN = 'app://fairshare';

/**
 * Scripts: only from the app's own origin, named explicitly rather than as 'self' (the same
 * thing for the built app, which serves nothing but its own bundle; CSP evaluators flag 'self'
 * because some origins also serve JSONP or uploads). 'wasm-unsafe-eval' lets the HiGHS solver
 * compile WebAssembly and allows no JavaScript eval. blob: workers are for the engine worker;
 * 'unsafe-inline' styles for React style props and recharts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src ${APP_ORIGIN} 'wasm-unsafe-eval'`,
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Directives a <meta> policy cannot carry: the browser ignores them there and logs an error for
 * each. They reach the page only in the HTTP header (the app:// protocol, the web-mode server).
 */
const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'];

/** `policy` as index.html's <meta> carries it: without the header-only directives. */
export function metaContentSecurityPolicy(policy: string = CONTENT_SECURITY_POLICY): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !HEADER_ONLY_DIRECTIVES.includes(d.split(/\s+/)[0]))
    .join('; ');
}

/**
 * Dev only: the page comes from vite's dev server (http://localhost), which also injects an
 * inline module script (React Fast Refresh preamble). Never used for app://.
 */
export function devContentSecurityPolicy(): string {
  return CONTENT_SECURITY_POLICY.replace(
    `script-src ${APP_ORIGIN} 'wasm-unsafe-eval'`,
    "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'",
  );
}

/**
 * Web mode (the renderer built and served by plain vite, for the end-to-end tests): the page's
 * origin is http://127.0.0.1, so scripts are allowed as 'self'. Served as the preview server's
 * header, and (its meta form) swapped into index.html by the web build's transformIndexHtml.
 */
export function webContentSecurityPolicy(): string {
  return CONTENT_SECURITY_POLICY.replace(`script-src ${APP_ORIGIN} 'wasm-unsafe-eval'`, "script-src 'self' 'wasm-unsafe-eval'");
}
