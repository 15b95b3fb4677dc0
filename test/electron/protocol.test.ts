// app:// protocol: the path guard, MIME types, CSP header and scheme registration.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  devContentSecurityPolicy,
  metaContentSecurityPolicy,
  webContentSecurityPolicy,
} from '../../electron/main/csp';
import {
  APP_HOST,
  APP_SCHEME,
  APP_START_URL,
  createAppRequestHandler,
  devServerUrlFrom,
  mimeTypeFor,
  registerAppScheme,
  resolveAppPath,
  serveRenderer,
} from '../../electron/main/protocol';

const ROOT = path.resolve('/srv/fairshare/out/renderer');

describe('resolveAppPath', () => {
  it('maps app:// URLs to files inside the root', () => {
    expect(resolveAppPath('app://fairshare/index.html', ROOT)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppPath('app://fairshare/', ROOT)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppPath('app://fairshare/assets/index-abc.js', ROOT)).toBe(path.join(ROOT, 'assets', 'index-abc.js'));
    expect(resolveAppPath('app://fairshare/assets/a%20b.js?x=1#frag', ROOT)).toBe(path.join(ROOT, 'assets', 'a b.js'));
  });

  it('never resolves outside the root for plain and dot-segment traversal', () => {
    // The URL parser folds these; whatever it yields must stay inside the root.
    for (const url of [
      'app://fairshare/../../../etc/passwd',
      'app://fairshare/assets/../../../../etc/passwd',
      'app://fairshare/%2e%2e/%2e%2e/etc/passwd',
      'app://fairshare/%2E%2E/%2e./.%2e/etc/passwd',
    ]) {
      const resolved = resolveAppPath(url, ROOT);
      if (resolved !== null) expect(resolved.startsWith(ROOT + path.sep)).toBe(true);
    }
  });

  it('refuses traversal smuggled through percent-encoded separators', () => {
    expect(resolveAppPath('app://fairshare/..%2f..%2f..%2fetc%2fpasswd', ROOT)).toBeNull();
    expect(resolveAppPath('app://fairshare/assets/..%2F..%2F..%2Fetc%2Fpasswd', ROOT)).toBeNull();
    expect(resolveAppPath('app://fairshare/%2e%2e%2f%2e%2e%2fetc%2fpasswd', ROOT)).toBeNull();
    expect(resolveAppPath('app://fairshare/..%5c..%5cwindows%5cwin.ini', ROOT)).toBeNull();
    expect(resolveAppPath('app://fairshare/index.html%00.png', ROOT)).toBeNull();
  });

  it('refuses absolute paths', () => {
    expect(resolveAppPath('app://fairshare/%2Fetc%2Fpasswd', ROOT)).toBeNull();
    expect(resolveAppPath('app://fairshare//etc/passwd', ROOT)).toBeNull();
    expect(resolveAppPath('app://fairshare/C:/Windows/win.ini', ROOT)).toBeNull();
    expect(resolveAppPath('app://fairshare/C%3A%5CWindows%5Cwin.ini', ROOT)).toBeNull();
    expect(resolveAppPath('/etc/passwd', ROOT)).toBeNull();
    expect(resolveAppPath('file:///etc/passwd', ROOT)).toBeNull();
  });

  it('refuses foreign hosts, schemes and malformed URLs', () => {
    expect(resolveAppPath('app://evil.example/index.html', ROOT)).toBeNull();
    expect(resolveAppPath('app://fairshare.evil.example/index.html', ROOT)).toBeNull();
    expect(resolveAppPath('app://user:pw@fairshare/index.html', ROOT)).toBeNull();
    expect(resolveAppPath('app://fairshare:8080/index.html', ROOT)).toBeNull();
    expect(resolveAppPath('https://fairshare/index.html', ROOT)).toBeNull();
    expect(resolveAppPath('app:///index.html', ROOT)).toBeNull();
    expect(resolveAppPath('app://fairshare/%E0%A4%A.js', ROOT)).toBeNull();
    expect(resolveAppPath('not a url', ROOT)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('serves scripts as text/javascript and WebAssembly as application/wasm', () => {
    expect(mimeTypeFor('a/b.js')).toBe('text/javascript');
    expect(mimeTypeFor('a/b.mjs')).toBe('text/javascript');
    expect(mimeTypeFor('a/highs.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a.CSS')).toBe('text/css');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream');
  });
});

describe('createAppRequestHandler', () => {
  let dir: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'fairshare-protocol-'));
    dir = path.join(base, 'renderer');
    await mkdir(path.join(dir, 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><p>hi</p>');
    await writeFile(path.join(dir, 'assets', 'app.js'), 'export {};');
    await writeFile(path.join(dir, 'assets', 'engine.worker-x1.js'), 'self.onmessage = () => {};');
    await writeFile(path.join(dir, 'assets', 'solver.wasm'), new Uint8Array([0, 97, 115, 109]));
    // A secret beside the served folder: the traversal target.
    await writeFile(path.join(base, 'secret.txt'), 'top secret');
    handler = createAppRequestHandler(dir);
  });

  afterAll(async () => {
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('serves files with their MIME type, the strict CSP and nosniff', async () => {
    const page = await handler(new Request(APP_START_URL));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<p>hi</p>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await handler(new Request('app://fairshare/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript');
    // Module workers (the engine worker, HiGHS) need a JavaScript type and carry the same CSP.
    const worker = await handler(new Request('app://fairshare/assets/engine.worker-x1.js'));
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toBe('text/javascript');
    expect(worker.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const wasm = await handler(new Request('app://fairshare/assets/solver.wasm'));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('answers 404 for traversal, foreign hosts and missing files, never leaking the secret', async () => {
    for (const url of [
      'app://fairshare/..%2fsecret.txt',
      'app://fairshare/assets/..%2f..%2fsecret.txt',
      'app://fairshare/../secret.txt',
      'app://fairshare/%2e%2e/secret.txt',
      'app://other/index.html',
      'app://fairshare/missing.js',
      'app://fairshare/assets', // a directory
    ]) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('top secret');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler(new Request(APP_START_URL, { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});

describe('registration', () => {
  it('registers app:// as a standard, secure scheme and serves it with the handler', async () => {
    registerAppScheme();
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0];
    expect(schemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);

    serveRenderer('/nonexistent-root');
    const [scheme, handle] = electron.protocol.handle.mock.calls[0];
    expect(scheme).toBe('app');
    expect((await handle(new Request('app://fairshare/..%2f..%2fetc%2fpasswd'))).status).toBe(404);
  });
});

describe('CSP', () => {
  it('index.html carries the same policy as the protocol header, less what a meta tag cannot carry', () => {
    const html = readFileSync(path.resolve('renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(metaContentSecurityPolicy());
    // Browsers ignore frame-ancestors in a meta tag (and log an error): the header carries it.
    expect(meta?.[1]).not.toContain('frame-ancestors');
    expect(metaContentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('is the strict policy the design asks for', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      // The app's own origin, and WebAssembly compilation for HiGHS: no 'unsafe-eval', no 'unsafe-inline'.
      'script-src': "app://fairshare 'wasm-unsafe-eval'",
      'worker-src': "'self' blob:",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });

  it('names the origin the protocol serves', () => {
    expect(APP_ORIGIN).toBe(`${APP_SCHEME}://${APP_HOST}`);
    const start = new URL(APP_START_URL);
    expect(`${start.protocol}//${start.host}`).toBe(APP_ORIGIN);
  });

  it('relaxes scripts only for the dev server and web mode, and only to the page origin', () => {
    expect(devContentSecurityPolicy()).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'");
    expect(webContentSecurityPolicy()).toContain("script-src 'self' 'wasm-unsafe-eval';");
    for (const policy of [devContentSecurityPolicy(), webContentSecurityPolicy()]) {
      expect(policy).not.toContain('app://');
      expect(policy).not.toContain("'unsafe-eval'");
      expect(policy.replace(/script-src[^;]*;/, '')).toBe(CONTENT_SECURITY_POLICY.replace(/script-src[^;]*;/, ''));
    }
  });
});

describe('devServerUrlFrom', () => {
  it('accepts the loopback dev server only in an unpackaged app', () => {
    expect(devServerUrlFrom('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(devServerUrlFrom('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrlFrom('http://localhost:5173', true)).toBeUndefined();
    expect(devServerUrlFrom('http://evil.example:5173', false)).toBeUndefined();
    expect(devServerUrlFrom('file:///tmp/index.html', false)).toBeUndefined();
    expect(devServerUrlFrom('garbage', false)).toBeUndefined();
    expect(devServerUrlFrom(undefined, false)).toBeUndefined();
  });
});
