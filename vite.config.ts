import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The built page may only run its own scripts: lesson text and share links are data, never code.
// Only in the build: the dev server injects an inline React Refresh preamble.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco and React Flow set element styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'netlab-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  // Dependencies first imported inside workers: pre-bundled up front, so a cold dev server does
  // not discover them mid-session and reload the page.
  optimizeDeps: { include: ['monaco-editor', 'monaco-yaml', 'monaco-yaml/yaml.worker.js', 'yaml', 'elkjs/lib/elk-api.js'] },
});
