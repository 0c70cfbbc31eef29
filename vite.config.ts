import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // A relative base lets dist/ be served from any sub-path (e.g. /docs/kubelab/).
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  // Pre-bundle what the worker and the lazy editor import, so the dev server does not reload the
  // page the first time they load.
  optimizeDeps: { include: ['yaml', 'comlink', 'monaco-yaml', 'monaco-yaml/yaml.worker.js'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**'],
    setupFiles: ['tests/setup/provide-deferred.ts'],
    environment: 'node',
  },
});
