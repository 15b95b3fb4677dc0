// Web mode: the same renderer built for a plain browser (the end-to-end tests and `npm run preview:web`).
// Only the page's CSP differs from the desktop build: scripts come from 'self' (http://127.0.0.1).
// The full policy is sent as an HTTP header, as the app:// protocol does in the desktop app, since
// frame-ancestors is ignored (with a console error) in a <meta> policy; the meta carries the rest.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { metaContentSecurityPolicy, webContentSecurityPolicy } from './electron/main/csp';

const root = import.meta.dirname;
const headers = { 'Content-Security-Policy': webContentSecurityPolicy(), 'X-Content-Type-Options': 'nosniff' };

function webCsp(): Plugin {
  return {
    name: 'fairshare:web-csp',
    transformIndexHtml: (html) => html.replace(metaContentSecurityPolicy(), metaContentSecurityPolicy(webContentSecurityPolicy())),
  };
}

export default defineConfig({
  root: resolve(root, 'renderer'),
  // The favicon, copied as is.
  publicDir: resolve(root, 'renderer', 'public'),
  base: './',
  plugins: [react(), webCsp()],
  worker: { format: 'es' },
  build: { outDir: resolve(root, 'dist-web'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false, headers },
});
