// Serves the built renderer (out/renderer) from app://fairshare with a path-traversal guard,
// explicit MIME types and the strict CSP header.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fairshare';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

// Explicit types: Chromium refuses module scripts and streaming WASM compilation
// unless the server says text/javascript and application/wasm.
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file inside rootDir, or null if the URL is foreign or tries to
 * leave rootDir. URL parsing already folds plain and %2e%2e dot segments, so the checks
 * below are about what decoding can smuggle back in (%2f, %5c, NUL, drive letters, //).
 */
export function resolveAppPath(requestUrl: string, rootDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  if (url.username || url.password || url.port) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;

  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\//, '');
  const segments = relative.split('/');
  // An empty segment means "//" (an absolute path after decoding); "C:" a Windows drive.
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /^[a-zA-Z]:$/.test(s))) return null;

  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, ...segments);
  const inside = path.relative(root, candidate);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return candidate;
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The protocol handler, separate from registration so it can be tested without Electron. */
export function createAppRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: securityHeaders('text/plain') });
    }
    const filePath = resolveAppPath(request.url, rootDir);
    if (!filePath) return new Response('Not found', { status: 404, headers: securityHeaders('text/plain') });
    try {
      const body = await readFile(filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: securityHeaders(mimeTypeFor(filePath)),
      });
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders('text/plain') });
    }
  };
}

/**
 * Must run before app 'ready'. A standard, secure scheme gives the page a real origin
 * (relative URLs, fetch, module workers) without http://localhost.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * The vite dev server URL set by `electron-vite dev`, honoured only in an unpackaged app
 * and only on loopback, so an environment variable cannot point a packaged app elsewhere.
 */
export function devServerUrlFrom(raw: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !raw) return undefined;
  try {
    const url = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'http:' && loopback ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Call after 'ready'. */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir));
}
