// Web mode: the same renderer built for a plain browser (the end-to-end tests and `npm run preview:web`).
// Only the page's CSP differs from the desktop build: scripts come from 'self' (http://127.0.0.1).
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY, webContentSecurityPolicy } from './electron/main/csp';

const root = import.meta.dirname;

function webCsp(): Plugin {
  return {
    name: 'fairshare:web-csp',
    transformIndexHtml: (html) => html.replace(CONTENT_SECURITY_POLICY, webContentSecurityPolicy()),
  };
}

export default defineConfig({
  root: resolve(root, 'renderer'),
  publicDir: false,
  base: './',
  plugins: [react(), webCsp()],
  worker: { format: 'es' },
  build: { outDir: resolve(root, 'dist-web'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
});
